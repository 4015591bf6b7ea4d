import { describe, expect, it } from 'vitest';
import { MAX_CLIP_SECONDS, parseClipRange } from '../../../../src/services/clips/clip-range.js';

describe('parseClipRange', () => {
  it('reads START,END as a moment writes it, and stops an end past the recording at its end', () => {
    expect(parseClipRange('12:34,13:10', 3600)).toEqual({ ok: true, range: { start: 754, end: 790 } });
    expect(parseClipRange('5,99', 20)).toEqual({ ok: true, range: { start: 5, end: 20 } });
    expect(parseClipRange(',10', 20)).toEqual({ ok: true, range: { start: 0, end: 10 } });
  });

  it('needs an end, and at most ten minutes', () => {
    expect(parseClipRange('5', 20)).toEqual({ ok: false, reason: '"5" has no end: a clip needs START,END' });
    expect(parseClipRange('0,600', 3600)).toEqual({ ok: true, range: { start: 0, end: MAX_CLIP_SECONDS } });
    expect(parseClipRange('0,600.5', 3600)).toEqual({ ok: false, reason: 'lasts 600.5 s, longer than the 600 s (10 minutes) a clip may last' });
  });

  it('passes on the moment’s own refusals: reversed, unreadable, past the end', () => {
    expect(parseClipRange('9,5', 20)).toEqual({ ok: false, reason: 'ends at 5 s, not after its start (9 s)' });
    expect(parseClipRange('x,5', 20)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a time') });
    expect(parseClipRange('30,40', 20)).toMatchObject({ ok: false, reason: expect.stringContaining('after the end of the recording') });
  });
});
