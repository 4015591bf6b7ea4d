import { describe, expect, it } from 'vitest';
import { pagesText, slidesText, transcriptText } from '../../../../../src/http/view-models/text-files/plain-text.js';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

const frSource = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN);

describe('transcriptText', () => {
  it('opens with the header, one labelled line each, then the paragraphs with their time and speaker', () => {
    const text = transcriptText(transcriptDocument(frSource, sampleTranscript()));
    const [header, ...paragraphs] = text.trimEnd().split('\n\n');
    expect(header?.split('\n')).toEqual(frSource.fields.map((f) => `${f.label}\u00a0: ${f.value}`));
    expect(header).toContain('Texte\u00a0: Transcription relue (français)');
    // Words are plain text, as said: nothing escaped, the empty cue left out, a cue's lines joined.
    expect(paragraphs).toEqual([
      '[0:00] Jeanne Martin\u00a0: Bonjour à toutes et à tous. Parlons du *guichet* numérique & de <script>.',
      '[12:34] Ali Ben\u00a0: Merci Jeanne --> à vous. Une question [au fond] ?',
    ]);
    expect(text.endsWith('?\n')).toBe(true);
  });

  it('writes English punctuation under English labels, and a paragraph without a speaker after its time only', () => {
    const source = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'en', source: 'speech-to-text' }, ORIGIN);
    const file = sampleTranscript({ language: 'en', source: 'speech-to-text', cues: [{ start: 3725, end: 3730, text: 'Hello.', speaker: null }] });
    const text = transcriptText(transcriptDocument(source, file));
    expect(text).toContain('Text: Automatic transcript, not reviewed (English)\n\n[1:02:05] Hello.\n');
  });
});

describe('slidesText and pagesText', () => {
  it('writes each slide with the moment it appears and its lines; slides without text are left out', () => {
    const source = textSourceOf(sampleTalk(), { kind: 'slides', language: 'fr', source: 'slide-ocr' }, ORIGIN);
    const text = slidesText(source, { version: 1, language: 'fr', slides: [
      { start: 0, end: 30, text: 'Médiation\n\n  numérique   et IA ', confidence: 91 },
      { start: 30, end: 40, text: ' \n ', confidence: null },
      { start: 754.9, end: 800, text: 'Merci !', confidence: 88 },
    ] });
    expect(text).toContain('Texte\u00a0: Texte des diapositives lu automatiquement (OCR), non relu (français)\n\n[0:00]\nMédiation\nnumérique et IA\n\n[12:34]\nMerci !\n');
  });

  it('marks every page, even one without text, so no page number goes missing', () => {
    const source = textSourceOf(sampleTalk({ kind: 'document' }), { kind: 'pages', language: 'fr', source: 'pdf', ocrPages: 1 }, ORIGIN);
    const text = pagesText(source, { version: 1, language: 'fr', pages: [
      { page: 1, text: 'Cinq idées\npour un numérique plus juste.', ocr: false },
      { page: 2, text: '', ocr: true },
      { page: 3, text: 'Le guichet itinérant.', ocr: false },
    ] });
    expect(text).toContain('\n\n— Page 1 —\nCinq idées\npour un numérique plus juste.\n\n— Page 2 —\n\n— Page 3 —\nLe guichet itinérant.\n');
    expect(text).toContain('Adresse permanente\u00a0: https://archives.example.org/documents/2025-strasbourg-ia-mediation');
  });
});
