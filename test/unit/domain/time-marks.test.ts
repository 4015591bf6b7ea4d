import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S, withoutMarkers } from '../../../src/adapters/search-index/meili-highlight.js';
import { byteOffset, cueAt, firstMatchByte, storedMarks } from '../../../src/adapters/search-index/meili-marks.js';
import { joinWithOffsets, markAt } from '../../../src/domain/time-marks.js';
import { layoutCaptions, wordsOfSegments } from '../../../src/pipeline/caption-layout.js';
import { type Passage } from '../../../src/services/text/passages.js';
import { CUES, cue, onlyPassage } from '../../support/passage-cues.js';

/** The cue said where `word` is first written in the passage, through the index's stored form and a byte offset as Meilisearch reports it. */
const cueOfWord = (passage: Passage, word: string): { start: number; end: number } | null => {
  const index = passage.text.indexOf(word);
  expect(index).toBeGreaterThanOrEqual(0);
  return cueAt(storedMarks(passage.text, passage.marks), byteOffset(passage.text, index));
};

describe('time marks of a passage', () => {
  it('says where each cue begins in the passage text, which is the cues joined as before', () => {
    const passage = onlyPassage(CUES);
    expect(passage.text).toBe(CUES.map((c) => c.text).join(' ').replace(/\s+/g, ' '));
    expect(passage.marks.map((m) => [m.start, m.end])).toEqual(CUES.map((c) => [c.start, c.end]));
    for (const [i, mark] of passage.marks.entries()) {
      expect(passage.text.slice(mark.offset).startsWith((CUES[i]?.text ?? '').replace(/\s+/g, ' '))).toBe(true);
    }
    expect(joinWithOffsets(['  a\n b ', '', ' c'])).toEqual({ text: 'a b c', offsets: [0, null, 4] });
  });

  it('maps an offset to the cue holding it: first, middle, last cue, and before any mark', () => {
    const marks = [{ offset: 0, start: 1 }, { offset: 10, start: 2 }, { offset: 25, start: 3 }];
    expect([0, 9, 10, 24, 25, 9999].map((o) => markAt(marks, o)?.start)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(markAt(marks, -1)).toBeNull();
    expect(markAt([], 0)).toBeNull();
  });

  it('finds the cue of a word in the passage’s last cue, after accented text, in Meilisearch’s bytes', () => {
    const passage = onlyPassage(CUES);
    expect(cueOfWord(passage, 'gouvernance')).toEqual({ start: 11.2, end: 14.9 });
    expect(cueOfWord(passage, 'hébergeurs')).toEqual({ start: 6.1, end: 9.8 });
    expect(cueOfWord(passage, 'souveraineté')).toEqual({ start: 2.5, end: 6.1 });
    expect(cueOfWord(passage, 'Bonjour')).toEqual({ start: 0.4, end: 2.5 });
    // Byte and character offsets part ways after the accents: a lookup in characters would land a cue early.
    const index = passage.text.indexOf('et décider');
    expect(byteOffset(passage.text, index)).toBeGreaterThan(index);
    const stored = storedMarks(passage.text, passage.marks);
    expect(stored.at(-1)?.[0]).toBe(Buffer.byteLength(passage.text.slice(0, passage.text.indexOf('et décider'))));
  });

  it('keeps marks right when highlight marker characters are removed from the indexed text', () => {
    const passage = onlyPassage([cue(0, 3, `un ${S}faux${E} repère`), cue(3, 6, 'puis la médiation')]);
    const indexed = withoutMarkers(passage.text);
    const stored = storedMarks(passage.text, passage.marks);
    expect(cueAt(stored, byteOffset(indexed, indexed.indexOf('médiation')))).toEqual({ start: 3, end: 6 });
    expect(cueAt(stored, byteOffset(indexed, indexed.indexOf('repère')))).toEqual({ start: 0, end: 3 });
  });

  it('lands on the word’s own cue in a speech-to-text transcript laid out from word times', () => {
    // A pause of 2.3 s before "après" starts a cue there.
    const words = ['Aujourd’hui', 'nous', 'parlons', 'de', 'médiation.', 'Les', 'communs', 'numériques', 'arrivent', 'ensuite,', 'après', 'une', 'pause.'];
    const times = [0.3, 0.9, 1.3, 1.8, 2.0, 4.2, 4.6, 5.1, 5.9, 6.4, 9.1, 9.5, 9.8];
    const cues = layoutCaptions(wordsOfSegments([{
      start: 0.3, end: 10.4, text: words.join(' '),
      words: words.map((text, i) => ({ text, start: times[i] ?? 0, end: (times[i] ?? 0) + 0.4 })),
    }], 12), 12);
    expect(cues.length).toBeGreaterThan(1);
    const passage = onlyPassage(cues, 'speech-to-text');
    // "communs" opens the cue after the full stop: its cue starts when the word is said.
    expect(cueOfWord(passage, 'communs')?.start).toBe(4.2);
    const pause = cues.find((c) => c.text.includes('après'));
    expect(cueOfWord(passage, 'pause')).toEqual({ start: pause?.start, end: pause?.end });
    expect(pause?.start).toBe(9.1);
  });

  it('gives no cue without marks, without a match, or with marks it did not write', () => {
    expect(cueAt(undefined, 10)).toBeNull();
    expect(cueAt([], 10)).toBeNull();
    expect(cueAt([[0, 1, 2]], null)).toBeNull();
    expect(cueAt([[0, 1]], 3)).toBeNull();
    expect(cueAt('0,1,2', 3)).toBeNull();
    expect(firstMatchByte([{ start: 40, length: 3 }, { start: 17, length: 5 }])).toBe(17);
    expect(firstMatchByte(undefined)).toBeNull();
  });
});
