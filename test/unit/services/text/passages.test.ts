import { describe, expect, it } from 'vitest';
import type { Cue, TranscriptFile } from '../../../../src/domain/text.js';
import { buildPassages, PASSAGE_MAX_CHARS, PASSAGE_MAX_SECONDS, splitLongText } from '../../../../src/services/text/passages.js';

const cue = (start: number, end: number, text: string, speaker: string | null = null): Cue => ({ start, end, text, speaker });
const transcript = (cues: Cue[]): TranscriptFile => ({ version: 1, language: 'fr', source: 'captions-reviewed', cues });

describe('buildPassages', () => {
  it('cuts speech on cue boundaries into passages of 20–40 s, at sentence ends when possible', () => {
    // 4 s cues; every third one ends a sentence.
    const cues = Array.from({ length: 30 }, (_, i) => cue(i * 4, i * 4 + 4, i % 3 === 2 ? `phrase ${i} finie.` : `mots ${i}`));
    const passages = buildPassages({ itemId: 'a', transcripts: [transcript(cues)], slides: null, pages: null });
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages.slice(0, -1)) {
      const length = (p.end ?? 0) - (p.start ?? 0);
      expect(length).toBeGreaterThanOrEqual(20);
      expect(length).toBeLessThanOrEqual(PASSAGE_MAX_SECONDS);
      expect(p.text.endsWith('finie.')).toBe(true);
      expect(cues.some((c) => c.start === p.start)).toBe(true);
    }
    // Every cue's words are in exactly one passage, in order.
    expect(passages.map((p) => p.text).join(' ')).toBe(cues.map((c) => c.text).join(' '));
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    expect(passages.every((p) => p.source === 'captions-reviewed' && p.page === null && p.language === 'fr')).toBe(true);
  });

  it('forces a cut at 40 s when no sentence ends, and keeps the speakers heard', () => {
    const cues = Array.from({ length: 25 }, (_, i) => cue(i * 3, i * 3 + 3, `sans fin ${i}`, i < 5 ? 'Awa' : 'Louis'));
    const passages = buildPassages({ itemId: 'a', transcripts: [transcript(cues)], slides: null, pages: null });
    for (const p of passages) expect((p.end ?? 0) - (p.start ?? 0)).toBeLessThanOrEqual(PASSAGE_MAX_SECONDS);
    expect(passages[0]?.speakers).toEqual(['Awa', 'Louis']);
  });

  it('gives one passage per slide and per page, with positions, and none for empty text', () => {
    const passages = buildPassages({
      itemId: 'b',
      transcripts: [],
      slides: { version: 1, language: 'fr', slides: [{ start: 0, end: 12, text: 'Titre\nLigne', confidence: 90 }, { start: 12, end: 20, text: '  ', confidence: null }] },
      pages: { version: 1, language: 'fr', pages: [{ page: 1, text: 'Page un', ocr: false }, { page: 2, text: '', ocr: true }] },
    });
    expect(passages.map((p) => [p.source, p.start, p.page, p.text])).toEqual([
      ['slide-ocr', 0, null, 'Titre Ligne'],
      ['pdf', null, 1, 'Page un'],
    ]);
  });

  it('splits a long page into parts that all keep the page number', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Phrase numéro ${i} du magazine.`).join(' ');
    const passages = buildPassages({ itemId: 'c', transcripts: [], slides: null, pages: { version: 1, language: 'fr', pages: [{ page: 3, text, ocr: false }] } });
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((p) => p.page === 3 && p.text.length <= PASSAGE_MAX_CHARS)).toBe(true);
    expect(passages.map((p) => p.text).join(' ')).toBe(text);
    expect(passages.every((p) => /^[A-Za-z0-9_-]+$/.test(p.id))).toBe(true);
  });

  it('splitLongText cuts inside a word only when there is no space at all', () => {
    expect(splitLongText('x'.repeat(PASSAGE_MAX_CHARS * 2 + 5)).map((p) => p.length)).toEqual([PASSAGE_MAX_CHARS, PASSAGE_MAX_CHARS, 5]);
  });
});
