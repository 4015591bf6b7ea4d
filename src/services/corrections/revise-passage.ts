import type { Cue } from '../../domain/text.js';
import { commonWords, wordsOf } from './word-diff.js';

/**
 * The cues of a passage with its corrected text: the times stay, each word goes back to the
 * cue it was said in. A kept word keeps its cue; a new word joins the cue of the kept word before
 * it (the first cue when none), so a word is never moved to a time it was not said near.
 * `speaker` (when given) becomes the speaker of every cue of the passage.
 */
export function revisePassage(cues: readonly Cue[], passage: readonly number[], text: string, speaker: string | null): Cue[] {
  const first = passage[0];
  if (first === undefined) return [...cues];
  const oldWords: { word: string; cue: number }[] = passage.flatMap((index) => wordsOf(cues[index]!.text).map((word) => ({ word, cue: index })));
  const newWords = wordsOf(text);
  const kept = new Map(commonWords(oldWords.map((w) => w.word), newWords).map(([a, b]) => [b, oldWords[a]!.cue]));
  const byCue = new Map<number, string[]>(passage.map((index) => [index, []]));
  let cue = first;
  newWords.forEach((word, position) => {
    cue = kept.get(position) ?? cue;
    byCue.get(cue)!.push(word);
  });
  return cues.map((original, index) => {
    const words = byCue.get(index);
    if (!words) return original;
    return { ...original, text: words.join(' '), speaker: speaker ?? original.speaker };
  });
}
