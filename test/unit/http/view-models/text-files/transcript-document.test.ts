import { describe, expect, it } from 'vitest';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { saidBy, transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

describe('transcriptDocument', () => {
  const source = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN);

  it('groups cues as the page does (speaker turns), joins their lines, keeps every cue as stored', () => {
    const file = sampleTranscript();
    const doc = transcriptDocument(source, file);
    expect(doc.paragraphs.map((p) => [p.start, p.end, p.speaker])).toEqual([[0, 9.5, 'Jeanne Martin'], [754.123, 765.5, 'Ali Ben']]);
    expect(doc.paragraphs[0]?.text).toBe('Bonjour à toutes et à tous. Parlons du *guichet* numérique & de <script>.');
    expect(doc.cues).toEqual(file.cues);
  });

  it('rounds paragraph bounds to the millisecond', () => {
    const doc = transcriptDocument(source, sampleTranscript({ cues: [{ start: 1.23456, end: 2.98765, text: 'Oui.', speaker: null }] }));
    expect(doc.paragraphs).toEqual([{ start: 1.235, end: 2.988, speaker: null, text: 'Oui.' }]);
  });

  it('writes a speaker before their words with the punctuation of the labels’ language', () => {
    expect(saidBy(source, 'Ali Ben', 'Merci.')).toBe('Ali Ben\u00a0: Merci.');
    const english = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'en', source: 'captions-reviewed' }, ORIGIN);
    expect(saidBy(english, 'Ali Ben', 'Thanks.')).toBe('Ali Ben: Thanks.');
  });
});
