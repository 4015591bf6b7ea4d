/**
 * Word error rate, as speech recognition is scored: the edit distance between the reference words
 * and the words heard (substitutions + deletions + insertions), over the number of reference words.
 */

/** Lower case, no punctuation, apostrophes as spaces ("d'intelligence" is two words either way). */
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Levenshtein distance on words. */
export function wordErrors(reference: readonly string[], heard: readonly string[]): number {
  let previous = Array.from({ length: heard.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= heard.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (reference[i - 1] === heard[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[heard.length] ?? 0;
}
