import { describe, expect, it } from 'vitest';
import { textFileLinks } from '../../../../../src/http/view-models/text-files/text-file-links.js';
import { manifestOf } from '../../../../support/manifest-factory.js';

const withText = (text: Partial<ReturnType<typeof manifestOf>['text']>) => ({ ...manifestOf({ id: 'x-talk' }), text: { transcripts: [], slides: null, pages: null, ...text } });

describe('textFileLinks', () => {
  it('links the transcript shown in every format, reading formats first, in its language', () => {
    const links = textFileLinks(withText({}), 'fr', 'en');
    expect(links.transcript.map((l) => [l.href, l.text, l.hreflang])).toEqual([
      ['/api/items/x-talk/transcript.txt?lang=en', 'Texte brut (TXT)', 'en'],
      ['/api/items/x-talk/transcript.md?lang=en', 'Markdown (MD)', 'en'],
      ['/api/items/x-talk/transcript.docx?lang=en', 'Word (DOCX)', 'en'],
      ['/api/items/x-talk/transcript.vtt?lang=en', 'Sous-titres WebVTT (VTT)', 'en'],
      ['/api/items/x-talk/transcript.srt?lang=en', 'Sous-titres SubRip (SRT)', 'en'],
      ['/api/items/x-talk/transcript.json?lang=en', 'Données (JSON)', 'en'],
    ]);
    expect(links.transcript[2]?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('links slide text and PDF pages only when the item has them, labelled in the page’s language', () => {
    expect(textFileLinks(withText({}), 'en', null)).toEqual({ transcript: [], slides: null, pages: null });
    const both = textFileLinks(withText({ slides: { key: 'k1', count: 3, language: 'fr' }, pages: { key: 'k2', count: 4, language: 'fr', ocrPages: 0 } }), 'en', null);
    expect(both.slides).toEqual({ href: '/api/items/x-talk/slides.txt?lang=en', text: 'Text of the slides as plain text (TXT)', type: 'text/plain' });
    expect(both.pages).toEqual({ href: '/api/items/x-talk/pages.txt?lang=en', text: 'Text of the pages as plain text (TXT)', type: 'text/plain' });
  });
});
