import type { HighlightPart } from '../../ports/search-index.js';

/**
 * Marks the words of a search in a text, the way people expect from a search box: case and
 * accents ignored ("ecole" finds "École"), a word matches at its start ("commun" finds
 * "communs"). Used for a document's pages opened from a search (`?q=`), where the search
 * engine's own highlighting covers only the passages it returned.
 */
export function searchTerms(query: string): string[] {
  const terms = query
    .split(/[^\p{L}\p{N}]+/u)
    .map(fold)
    .filter((t) => t.length >= 2);
  // Longest first, so "numérique" wins over "nu" where both would match.
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export function highlightText(text: string, terms: readonly string[]): { parts: HighlightPart[]; hits: number } {
  if (terms.length === 0 || text === '') return { parts: text === '' ? [] : [{ text, match: false }], hits: 0 };
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  let hits = 0;
  for (let at = 0; at < folded.length; ) {
    const atWordStart = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1] ?? '');
    const term = atWordStart ? terms.find((t) => folded.startsWith(t, at)) : undefined;
    if (!term) {
      at += 1;
      continue;
    }
    // Extend to the end of the word, so the whole word is marked.
    let end = at + term.length;
    while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end] ?? '')) end += 1;
    ranges.push([origin[at] ?? 0, origin[end] ?? text.length]);
    hits += 1;
    at = end;
  }
  const parts: HighlightPart[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) parts.push({ text: text.slice(cursor, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), match: false });
  return { parts, hits };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
