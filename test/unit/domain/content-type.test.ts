import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../src/domain/content-type.js';

describe('contentTypeOf', () => {
  it.each([
    ['hls/master.m3u8', 'application/vnd.apple.mpegurl'], ['a/b/seg_001.ts', 'video/mp2t'], ['x.VTT', 'text/vtt; charset=utf-8'],
    ['poster-320.avif', 'image/avif'], ['blob', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});
