import type { HighlightPart } from '../../ports/search-index.js';

/**
 * Meilisearch marks matched words with tags we choose. We choose two private-use characters
 * instead of HTML (`<em>`): the text around them is user content (titles, transcripts, PDF
 * text) that may itself hold "<script>", so a snippet must never be rendered as markup. The
 * adapter turns the marked string into parts; renderers escape each part and wrap the matched
 * ones in <mark> themselves. The two characters are removed from every indexed text, so none
 * can be forged by a document.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

const MARKERS = /[\uE000\uE001]/g;

/** Removes the marker characters from text about to be indexed. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKERS, '');
}

/** "a \uE000b\uE001 c" → [{a , false}, {b, true}, { c, false}]; empty parts dropped, neighbours merged. */
export function highlightParts(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let current = '';
  const push = (): void => {
    if (current === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += current;
    else parts.push({ text: current, match });
    current = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      push();
      match = char === MATCH_START;
    } else {
      current += char;
    }
  }
  push();
  return parts;
}

/** The plain text of parts. */
export function plainText(parts: readonly HighlightPart[]): string {
  return parts.map((p) => p.text).join('');
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower case without accents: how Meilisearch compares words. */
export function fold(word: string): string {
  // Most words are plain ASCII: skip the (slow) decomposition for them.
  return /^[\x00-\x7F]*$/.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words Meilisearch matched in the hits it highlighted (with its typo tolerance, synonyms
 * and prefixes already applied), folded: what `highlightLocally` marks in other passages.
 */
export function matchedTerms(highlighted: readonly HighlightPart[][], queryWords: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const parts of highlighted) {
    for (const part of parts) if (part.match) for (const m of part.text.matchAll(WORD)) terms.add(fold(m[0]));
  }
  for (const word of queryWords) terms.add(fold(word));
  return terms;
}

/**
 * Marks the words of `text` that match `terms` (a term of 4 letters or more also matches as a
 * prefix: "numérique" in "numériques") and crops it to about `cropChars` characters around the
 * densest run of matches, cut at spaces, with "…" where it was cut. Meilisearch can do this
 * itself, but formatting costs it ~0.2 ms per hit (measured): it formats the few best passages,
 * the others are done here, with plain string searches (a regular expression per passage was
 * the slowest part of a search).
 */
export function highlightLocally(
  text: string, terms: ReadonlySet<string>, cropChars: number, matches: readonly TermMatch[] = termMatches(text, terms),
): HighlightPart[] {
  if (text === '') return [];
  // The window holding the most matches, with a third of the room left before them.
  let from = 0;
  let to = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < matches.length; i++) {
    const start = matches[i]?.[0] ?? 0;
    while (j < matches.length && (matches[j]?.[1] ?? 0) <= start + cropChars) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      from = start;
      to = matches[j - 1]?.[1] ?? start;
    }
  }
  let cropFrom = Math.max(0, Math.min(from - Math.floor((cropChars - (to - from)) / 3), text.length - cropChars));
  let cropTo = Math.min(text.length, cropFrom + cropChars);
  if (cropFrom > 0) cropFrom = text.indexOf(' ', cropFrom) + 1 || cropFrom;
  if (cropTo < text.length) cropTo = Math.max(text.lastIndexOf(' ', cropTo), cropFrom + 1);
  const parts: HighlightPart[] = [];
  const push = (piece: string, match: boolean): void => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  };
  if (cropFrom > 0) push('…', false);
  let cursor = cropFrom;
  for (const [start, end] of matches) {
    if (start < cropFrom || end > cropTo) continue;
    push(text.slice(cursor, start), false);
    push(text.slice(start, end), true);
    cursor = end;
  }
  push(text.slice(cursor, cropTo).trimEnd(), false);
  if (cropTo < text.length) push('…', false);
  return parts;
}

/** [start, end) of a matched word in a text. */
export type TermMatch = readonly [number, number];

/**
 * The words of `text` that match `terms`, as `highlightLocally` marks them, in order and without
 * overlaps: found once, they give both a passage's snippet and where its first match is said
 * (folding the text is most of the cost: pass it folded by `foldKeepingLength` when it is at hand).
 */
export function termMatches(text: string, terms: ReadonlySet<string>, folded?: string): TermMatch[] {
  if (text === '' || terms.size === 0) return [];
  return findTerms(folded ?? foldKeepingLength(text), terms);
}

/** [start, end) of each matched word in the folded text, in order, without overlaps. */
function findTerms(folded: string, terms: ReadonlySet<string>): TermMatch[] {
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + 1)) {
      if (isWordChar(folded, i - 1)) continue;
      let end = i + term.length;
      if (term.length >= 4) while (isWordChar(folded, end)) end++;
      else if (isWordChar(folded, end)) continue;
      found.push([i, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: TermMatch[] = [];
  for (const match of found) if (match[0] >= (merged[merged.length - 1]?.[1] ?? 0)) merged.push(match);
  return merged;
}

const wordChars = new Map<number, boolean>();

/** Whether the character at `index` is part of a word (a letter, digit or mark). */
export function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let known = wordChars.get(code);
  if (known === undefined) {
    known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code));
    wordChars.set(code, known);
  }
  return known;
}

const foldedChars = new Map<string, string>();

/** `fold` character by character, keeping every index: positions found in it hold in the original. */
export function foldKeepingLength(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing keeps the length of all but a few letters ("İ"); those go the slow way.
  if (lower.length === text.length) return lower.replace(/[^\x00-\x7F]/g, foldChar);
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const candidate = (char.normalize('NFD')[0] ?? char).toLowerCase();
    folded = candidate.length === char.length ? candidate : char;
    foldedChars.set(char, folded);
  }
  return folded;
}
