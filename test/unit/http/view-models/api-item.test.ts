import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../src/http/openapi.js';
import { itemDetail, itemSummary } from '../../../../src/http/view-models/api-item.js';
import { checkSchema } from '../../../support/json-schema.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const doc = openApiDocument(ORIGIN);
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('API item views', () => {
  it('conform to their documented schemas for every kind, in both languages', () => {
    for (const m of [talkManifest(), podcastManifest(), documentManifest()]) {
      for (const locale of ['fr', 'en'] as const) {
        expect(checkSchema(schema('ItemSummary'), JSON.parse(JSON.stringify(itemSummary(m, ORIGIN, locale))), doc)).toEqual([]);
        expect(checkSchema(schema('Item'), JSON.parse(JSON.stringify(itemDetail(m, ORIGIN, locale))), doc)).toEqual([]);
      }
    }
  });

  it('leave internal fields out', () => {
    const detail = JSON.stringify(itemDetail(talkManifest(), ORIGIN, 'fr'));
    expect(detail).not.toContain('internal warning');
    expect(detail).not.toContain('"inputs"');
    expect(detail).not.toContain('"key"');
  });

  it('are caught by the conformance check when a field is not documented', () => {
    const summary = { ...itemSummary(talkManifest(), ORIGIN, 'fr'), secret: 1 };
    expect(checkSchema(schema('ItemSummary'), summary, doc)).toEqual(['$: undocumented property "secret"']);
    const { title: _title, ...untitled } = itemSummary(talkManifest(), ORIGIN, 'fr');
    expect(checkSchema(schema('ItemSummary'), untitled, doc)).toEqual(['$: missing required "title"']);
  });
});
