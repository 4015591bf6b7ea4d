import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDuration, isoDuration, timecode } from '../../../src/http/format.js';

describe('web foundation', () => {
  it('formats dates, durations and sizes as each language writes them', () => {
    expect(formatDate('fr', '2025-10-29')).toBe('29 octobre 2025');
    expect(formatDate('en', '2025-10-29')).toBe('29 October 2025');
    expect(formatDate('fr', 'pas une date')).toBe('pas une date');
    expect(formatDuration('fr', 754.4)).toBe('12 min 34 s');
    expect(formatDuration('en', 3725)).toBe('1 h 02 min');
    expect(formatDuration('fr', 45)).toBe('45 s');
    expect(timecode(754.9)).toBe('12:34');
    expect(timecode(3725)).toBe('1:02:05');
    expect(isoDuration(754)).toBe('PT12M34S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(formatBytes('fr', 1_881_674)).toBe('1,9\u00a0Mo');
    expect(formatBytes('en', 1_881_674)).toBe('1.9\u00a0MB');
    expect(formatBytes('fr', 512)).toBe('512\u00a0o');
  });
});
