import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../src/http/openapi.js';
import { itemOfUrl, oembedOf } from '../../../../src/http/view-models/oembed.js';
import { previewImage } from '../../../../src/http/view-models/public-item.js';
import { checkSchema } from '../../../support/json-schema.js';
import { talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const doc = openApiDocument(ORIGIN);
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('oEmbed', () => {
  it('recognises item pages of this site only', () => {
    expect(itemOfUrl(`${ORIGIN}/talks/a-b?t=3`, ORIGIN)).toEqual({ id: 'a-b', locale: 'fr' });
    expect(itemOfUrl(`http://archives.example.org/en/podcasts/a-b#x`, ORIGIN)).toEqual({ id: 'a-b', locale: 'en' });
    expect(itemOfUrl(`${ORIGIN}/embed/a%2Db`, ORIGIN)).toEqual({ id: 'a-b', locale: 'fr' });
    expect(itemOfUrl(`${ORIGIN}/documents/`, ORIGIN)).toBeNull();
    expect(itemOfUrl(`${ORIGIN}/editions/x`, ORIGIN)).toBeNull();
    expect(itemOfUrl('https://evil.example/talks/a-b', ORIGIN)).toBeNull();
    expect(itemOfUrl(`ftp://archives.example.org/talks/a-b`, ORIGIN)).toBeNull();
    expect(itemOfUrl(`${ORIGIN}/talks/%E0%A4%A`, ORIGIN)).toBeNull();
  });

  it('fits 16:9 within the limits and conforms to its schema', () => {
    const m = talkManifest();
    const sized = (maxWidth?: number, maxHeight?: number) => {
      const answer = oembedOf(m, { origin: ORIGIN, locale: 'fr', ...(maxWidth ? { maxWidth } : {}), ...(maxHeight ? { maxHeight } : {}) });
      expect(checkSchema(schema('OEmbed'), answer, doc)).toEqual([]);
      if (answer.thumbnail_width !== undefined) {
        if (maxWidth) expect(answer.thumbnail_width).toBeLessThanOrEqual(maxWidth);
        if (maxHeight) expect(answer.thumbnail_height).toBeLessThanOrEqual(maxHeight);
      }
      return [answer.width, answer.height];
    };
    expect(sized()).toEqual([640, 360]);
    expect(sized(1920)).toEqual([640, 360]);
    expect(sized(300)).toEqual([300, 168]);
    expect(sized(undefined, 100)).toEqual([177, 99]);
    expect(sized(1, 1)).toEqual([1, 1]);
  });

  it('picks a JPEG preview at least as wide as asked', () => {
    const m = talkManifest();
    expect(previewImage(m)?.key).toMatch(/poster-640\.jpg$/);
    expect(previewImage(m, { minWidth: 1000 })?.key).toMatch(/poster-1280\.jpg$/);
    expect(previewImage(m, { maxWidth: 400 })?.key).toMatch(/poster-320\.jpg$/);
    expect(previewImage(m, { maxWidth: 100 })).toBeNull();
  });
});
