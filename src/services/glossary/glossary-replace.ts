/**
 * The glossary's rule: a find → replace pair replaces the words written exactly as `find`
 * (case-sensitive, accents as written), only as whole words: not inside a longer word, where a
 * letter or a digit (any script) touches either end. "Mednum" → "MedNum" changes "la Mednum,"
 * and not "Mednums" or "mednum". A find of several words matches them with the same spaces.
 * Longer finds are tried first, so "La Mednum" wins over "Mednum" where both match.
 */
export interface GlossaryEntry {
  find: string;
  replace: string;
}

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}\\p{M}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One regular expression for the whole glossary (one pass: a replacement is never replaced again). */
export function glossaryPattern(entries: readonly GlossaryEntry[]): RegExp | null {
  const finds = entries.map((e) => e.find).filter((f) => f.trim() !== '').sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (finds.length === 0) return null;
  return new RegExp(`(?<!${LETTER_OR_DIGIT})(?:${finds.map(escapeRegExp).join('|')})(?!${LETTER_OR_DIGIT})`, 'gu');
}

/** The glossary as a function, its pattern built once: a whole transcript's cues go through one. */
export function glossaryReplacer(entries: readonly GlossaryEntry[]): (text: string) => { text: string; replaced: number } {
  const pattern = glossaryPattern(entries);
  if (!pattern) return (text) => ({ text, replaced: 0 });
  const byFind = new Map(entries.map((e) => [e.find, e.replace]));
  return (text) => {
    let replaced = 0;
    const result = text.replace(pattern, (found) => {
      const replacement = byFind.get(found) ?? found;
      if (replacement !== found) replaced++;
      return replacement;
    });
    return { text: result, replaced };
  };
}

/** The text with the glossary applied, and how many replacements were made. */
export function applyGlossary(text: string, entries: readonly GlossaryEntry[]): { text: string; replaced: number } {
  return glossaryReplacer(entries)(text);
}
