import { describe, expect, it } from 'vitest';
import { isTranscriptFormat, pagesFile, slidesFile, transcriptFile, TRANSCRIPT_FORMATS } from '../../../../../src/http/view-models/text-files/text-files.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

describe('text files', () => {
  it('names each transcript file "<id>.<language>.<format>" with its media type; text and JSON open in the browser', async () => {
    const made = await Promise.all(TRANSCRIPT_FORMATS.map((format) => transcriptFile(sampleTalk(), sampleTranscript({ language: 'fr-CA' }), format, ORIGIN)));
    expect(made.map((f) => [f.fileName, f.contentType, f.inline])).toEqual([
      ['2025-strasbourg-ia-mediation.fr-CA.txt', 'text/plain; charset=utf-8', true],
      ['2025-strasbourg-ia-mediation.fr-CA.md', 'text/markdown; charset=utf-8', false],
      ['2025-strasbourg-ia-mediation.fr-CA.srt', 'application/x-subrip; charset=utf-8', false],
      ['2025-strasbourg-ia-mediation.fr-CA.vtt', 'text/vtt; charset=utf-8', false],
      ['2025-strasbourg-ia-mediation.fr-CA.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
      ['2025-strasbourg-ia-mediation.fr-CA.json', 'application/json; charset=utf-8', true],
    ]);
    expect(Buffer.isBuffer(made[4]?.body)).toBe(true);
    expect(JSON.parse(String(made[5]?.body)).source.language).toBe('fr-CA');
  });

  it('takes a locale for the header’s labels when asked', async () => {
    const file = await transcriptFile(sampleTalk(), sampleTranscript(), 'txt', ORIGIN, 'en');
    expect(String(file.body)).toMatch(/^Title: .*\nSpeakers: Jeanne Martin \(La Mednum\) and Ali Ben\n/);
    expect(String(file.body)).toContain('[12:34] Ali Ben: Merci Jeanne');
  });

  it('knows its formats and nothing else', () => {
    expect(TRANSCRIPT_FORMATS.every(isTranscriptFormat)).toBe(true);
    expect(['pdf', 'TXT', '', 'txt ', 'constructor'].some(isTranscriptFormat)).toBe(false);
  });

  it('makes slides.txt and pages.txt as plain text, counting OCR pages in the header', () => {
    const slides = slidesFile(sampleTalk(), { version: 1, language: 'fr', slides: [{ start: 62, end: 70, text: 'Communs', confidence: 90 }] }, ORIGIN);
    expect(slides).toMatchObject({ fileName: '2025-strasbourg-ia-mediation.slides.txt', contentType: 'text/plain; charset=utf-8', inline: true });
    expect(String(slides.body)).toMatch(/\n\n\[1:02\]\nCommuns\n$/);
    const pages = pagesFile(sampleTalk({ kind: 'document' }), { version: 1, language: 'fr', pages: [{ page: 1, text: 'Un', ocr: true }, { page: 2, text: 'Deux', ocr: false }] }, ORIGIN);
    expect(pages.fileName).toBe('2025-strasbourg-ia-mediation.pages.txt');
    expect(String(pages.body)).toContain('Texte\u00a0: Texte du document PDF (français), dont une page lue automatiquement (OCR), non relue\n\n— Page 1 —\nUn\n\n— Page 2 —\nDeux\n');
  });
});
