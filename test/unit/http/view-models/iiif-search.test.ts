import { describe, expect, it } from 'vitest';
import { iiifSearchAnswer } from '../../../../src/http/view-models/iiif-search.js';
import type { ResultPassage } from '../../../../src/services/search/search-service.js';
import { documentManifest, talkManifest } from '../../../support/manifest-factory.js';

const origin = 'https://archives.example.org';

const passage = (over: Partial<ResultPassage>): ResultPassage => ({
  start: null, end: null, passageStart: null, passageEnd: null, page: null, text: 'les communs numériques', source: 'captions-reviewed', language: 'fr',
  snippet: [{ text: 'les ', match: false }, { text: 'communs', match: true }, { text: ' numériques', match: false }], ...over,
});

describe('iiifSearchAnswer', () => {
  it('targets the recording’s Canvas at the cue where the word is said, the passage’s text as body', () => {
    const talk = talkManifest();
    const answer = iiifSearchAnswer(talk, { query: 'communs', limited: null, passages: [passage({ start: 61.2, end: 64.0004, passageStart: 50, passageEnd: 80 })] }, origin);
    expect(answer).toEqual({
      '@context': 'http://iiif.io/api/search/2/context.json',
      id: `${origin}/iiif/${talk.id}/search?q=communs`,
      type: 'AnnotationPage',
      items: [{
        id: `${origin}/iiif/${talk.id}/search/annotation/1`,
        type: 'Annotation',
        motivation: 'highlighting',
        body: { type: 'TextualBody', value: 'les communs numériques', format: 'text/plain', language: ['fr'] },
        target: `${origin}/iiif/${talk.id}/canvas/1#t=61.2,64`,
      }],
    });
  });

  it('targets a document page’s Canvas, and answers an empty page when nothing matched', () => {
    const magazine = documentManifest();
    const answer = iiifSearchAnswer(magazine, { query: 'communs', limited: null, passages: [passage({ page: 3, source: 'pdf' })] }, origin);
    expect(answer.items.map((a) => a.target)).toEqual([`${origin}/iiif/${magazine.id}/canvas/p3`]);
    expect(iiifSearchAnswer(magazine, { query: 'zzz', limited: null, passages: [] }, origin).items).toEqual([]);
  });

  it('leaves out a talk’s slide PDF pages, which have no time on the recording', () => {
    const talk = talkManifest();
    const answer = iiifSearchAnswer(talk, { query: 'communs', limited: null, passages: [passage({ page: 2, source: 'pdf' }), passage({ start: 5, end: 9, source: 'slide-ocr' })] }, origin);
    expect(answer.items.map((a) => [a.id, a.target])).toEqual([[`${origin}/iiif/${talk.id}/search/annotation/2`, `${origin}/iiif/${talk.id}/canvas/1#t=5,9`]]);
  });
});
