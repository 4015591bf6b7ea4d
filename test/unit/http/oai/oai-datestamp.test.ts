import { describe, expect, it } from 'vitest';
import { isSecondsDatestamp, oaiDatestamp, parseDateBound } from '../../../../src/http/oai/oai-datestamp.js';

describe('oaiDatestamp', () => {
  it('writes an instant in UTC to the second', () => {
    expect(oaiDatestamp('2025-11-02T10:00:00.999Z')).toBe('2025-11-02T10:00:00Z');
    expect(oaiDatestamp('2025-11-02T12:00:00+02:00')).toBe('2025-11-02T10:00:00Z');
    expect(oaiDatestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05Z');
  });

  it('puts an unreadable date before everything else', () => {
    expect(oaiDatestamp('not a date')).toBe('1970-01-01T00:00:00Z');
  });
});

describe('parseDateBound', () => {
  it('takes a day as its first second (from) or its last (until)', () => {
    expect(parseDateBound('2025-11-02', 'from')).toEqual({ value: '2025-11-02T00:00:00Z', granularity: 'day' });
    expect(parseDateBound('2025-11-02', 'until')).toEqual({ value: '2025-11-02T23:59:59Z', granularity: 'day' });
  });

  it('takes seconds as they are', () => {
    expect(parseDateBound('2025-11-02T10:20:30Z', 'until')).toEqual({ value: '2025-11-02T10:20:30Z', granularity: 'seconds' });
  });

  it.each(['2025-02-30', '2025-13-01', '2025-11-02T24:00:00Z', '2025-11-02T10:20:30', '2025-11-02T10:20:30.5Z', '2025-11-02T10:20Z', '20251102', ' 2025-11-02'])(
    'refuses %s',
    (text) => {
      expect(parseDateBound(text, 'from')).toBeNull();
    },
  );

  it('knows the seconds form of a token', () => {
    expect(isSecondsDatestamp('2025-11-02T10:20:30Z')).toBe(true);
    expect(isSecondsDatestamp('2025-11-02')).toBe(false);
  });
});
