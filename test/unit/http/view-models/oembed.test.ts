import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../src/http/openapi.js';
import { itemOfUrl, momentOfUrl, oembedOf } from '../../../../src/http/view-models/oembed.js';
import { previewImage } from '../../../../src/http/view-models/public-item.js';
import { checkSchema } from '../../../support/json-schema.js';
import { documentManifest, talkManifest } from '../../../support/manifest-factory.js';

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

  it('passes the moment of the page\'s URL on to the iframe, as the page reads it', () => {
    const talk = talkManifest({ id: 'talk-1' }); // 754.4 s
    expect(momentOfUrl(`${ORIGIN}/talks/talk-1?t=12:00,12:30`, talk)).toEqual({ start: 720, end: 750 });
    expect(momentOfUrl(`${ORIGIN}/talks/talk-1?t=60`, talk)).toEqual({ start: 60, end: null });
    for (const url of [`${ORIGIN}/talks/talk-1`, `${ORIGIN}/talks/talk-1?t=90,30`, `${ORIGIN}/talks/talk-1?t=800`, `${ORIGIN}/talks/talk-1?t=x`, 'not a url']) expect(momentOfUrl(url, talk), url).toBeNull();
    expect(momentOfUrl(`${ORIGIN}/documents/d?t=10`, documentManifest({ id: 'd' }))).toBeNull();
    expect(oembedOf(talk, { origin: ORIGIN, locale: 'en', moment: { start: 720, end: 750.5 } }).html).toContain(`<iframe src="${ORIGIN}/en/embed/talk-1?t=720,750.5" `);
    expect(oembedOf(talk, { origin: ORIGIN, locale: 'fr', moment: { start: 60.7, end: null } }).html).toContain(`<iframe src="${ORIGIN}/embed/talk-1?t=60" `);
    expect(oembedOf(talk, { origin: ORIGIN, locale: 'fr', moment: null }).html).toContain(`<iframe src="${ORIGIN}/embed/talk-1" `);
  });

  it('picks a JPEG preview at least as wide as asked', () => {
    const m = talkManifest();
    expect(previewImage(m)?.key).toMatch(/poster-640\.jpg$/);
    expect(previewImage(m, { minWidth: 1000 })?.key).toMatch(/poster-1280\.jpg$/);
    expect(previewImage(m, { maxWidth: 400 })?.key).toMatch(/poster-320\.jpg$/);
    expect(previewImage(m, { maxWidth: 100 })).toBeNull();
  });
});
