import { fold, isWordChar } from './meili-highlight.js';
import { FRENCH_STOP_WORDS, MAX_QUERY_WORDS, SEGMENT_SETTINGS, SYNONYM_GROUPS, synonymMap } from './meili-settings.js';

/**
 * Which words of the passages shown Meilisearch (1.21) counts as the query's: its matching
 * rules, applied here to the texts a search already holds, so that no request has to ask it
 * which words it matched (a request that cost it ~1.9 ms of CPU per search, measured, ~16% of
 * a search's). The rules, as milli applies them (query_term/, matches/matching_words.rs):
 *  - a word of the query matches itself; the last one, unless the query ends with a separator,
 *    also every word it begins ("numéri" → "numériques"); words in double quotes form a phrase
 *    (those words in a row, no typo, no prefix); "-mot" after a space is excluded;
 *  - typos, counted as edits with transpositions: none under 5 letters, 1 from 5, 2 from 9 (our
 *    settings). With one allowed the first letter must be right; with two, an edit on the first
 *    letter counts as two. A word of digits allows none and is no typo of anything;
 *  - two or three query words in a row also match as one word ("open data" → "opendata"), with a
 *    typo less per word joined, and their synonyms as a group ("intelligence artificielle" ↔ "ia");
 *    each word's synonyms (phrases matched as words in a row); a word cut in two words said one
 *    after the other ("opendata" → "open data");
 *  - stop words are not indexed: no typo of anything, and no term, except as the very last word.
 * Only the first 10 words of a query count (Meilisearch drops the rest).
 * The test search-matched-words.test.ts holds this against what Meilisearch highlights.
 */

export interface QueryTerm {
  /** Folded (lower case, no accents) as Meilisearch compares words. */
  word: string;
  typos: number;
  prefix: boolean;
}

export interface QueryDerivations {
  terms: QueryTerm[];
  /** Folded words that match only in this order, one after the other (synonyms, quoted phrases). */
  phrases: string[][];
  /** The query's own words (not stop words, not excluded): always marked, as Meilisearch would where they occur. */
  own: string[];
}

/** The word lengths from which one and two typos are allowed: the indexes' own settings. */
const { oneTypo: ONE_TYPO, twoTypos: TWO_TYPOS } = SEGMENT_SETTINGS.typoTolerance.minWordSizeForTypos;

/** The stop words as Meilisearch compares them (folded): never indexed, left out of queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set(FRENCH_STOP_WORDS.map(fold));
const SYNONYMS = foldedSynonyms(synonymMap(SYNONYM_GROUPS));

/** Separators after which words do not form a group (charabia's hard separators). */
const HARD = /[.;:!?()[\]{}|\n]/;

interface Token {
  word: string;
  position: number;
  stop: boolean;
  last: boolean;
}

/** The terms and phrases a query matches with, as Meilisearch parses it. */
export function queryDerivations(q: string, synonyms: ReadonlyMap<string, string[][]> = SYNONYMS): QueryDerivations {
  const derivations: QueryDerivations = { terms: [], phrases: [], own: [] };
  const { tokens, quoted } = tokenize(q);
  derivations.phrases.push(...quoted.filter((p) => p.length > 0));
  derivations.own.push(...quoted.flat());
  const words: Token[] = [];
  for (const token of tokens) {
    if (token.stop && !token.last) continue;
    if (derivations.terms.length >= MAX_QUERY_WORDS) break;
    const term = { word: token.word, typos: token.stop ? 0 : typosFor(token.word), prefix: token.last };
    derivations.terms.push(term);
    if (!token.stop) derivations.own.push(token.word);
    for (const phrase of synonyms.get(token.word) ?? []) derivations.phrases.push(phrase);
    words.push(token);
  }
  // Two or three words in a row also match joined, and by their group's synonyms.
  for (let i = 0; i < words.length; i++) {
    for (const n of [2, 3]) {
      const group = words.slice(i, i + n);
      if (group.length < n || group.some((t, k) => k > 0 && t.position !== (group[k - 1]?.position ?? 0) + 1)) continue;
      const joined = group.map((t) => t.word).join('');
      derivations.terms.push({ word: joined, typos: Math.max(0, typosFor(joined) - (n - 1)), prefix: group[n - 1]?.last ?? false });
      for (const phrase of synonyms.get(group.map((t) => t.word).join(' ')) ?? []) derivations.phrases.push(phrase);
    }
  }
  return derivations;
}

/**
 * The folded words of `foldedTexts` Meilisearch would match for the query, with the query's own
 * words: the terms the passages and titles are marked with. One pass over the texts, no word cut
 * out of them unless it matches: a word is looked at further only when its first two letters
 * let a term match it (cutting every word out cost a third of a search's own CPU, measured).
 */
export function derivedTerms(derivations: QueryDerivations, foldedTexts: Iterable<string>): Set<string> {
  const found = new Set<string>(derivations.own);
  const text = [...foldedTexts].join('\n');
  if (text === '' || derivations.terms.length === 0) return addPhrases(text, derivations.phrases, found);
  const { terms } = derivations;
  const { first, second } = letterTables(terms);
  const all = terms.length >= 31 ? -1 : (1 << terms.length) - 1;
  // One pass over the text, each word passed over on its first two letters unless a term may
  // match it: a search looks at some 40,000 characters, and this is its tightest loop.
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : !isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d < 128 ? ASCII_WORD[d] === 0 : !isWordChar(text, i)) break;
    }
    const c2 = text.charCodeAt(start + 1);
    const interest = c >= 128 || c2 >= 128 ? all : (first[c] ?? 0) | (i > start + 1 ? (second[c2] ?? 0) : 0);
    if (interest !== 0) considerWord(text, start, i, terms, interest, found);
  }
  return addPhrases(text, derivations.phrases, found);
}

/** [a-z0-9A-Z]: the ASCII characters that are part of a word (isWordChar for the rest). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[a-z0-9]/i.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * For each ASCII letter, the terms (one bit each) a word may match when it begins with it
 * (`first`) or has it second (`second`): its own first letter; with two typos allowed, where an
 * edit may touch it, also its second letter first (the first left out, or the two swapped) or
 * second (the first replaced), and its first letter second (a letter added before).
 */
function letterTables(terms: readonly QueryTerm[]): { first: Int32Array; second: Int32Array } {
  const first = new Int32Array(128);
  const second = new Int32Array(128);
  const mark = (table: Int32Array, code: number, bit: number): void => {
    if (Number.isNaN(code)) return;
    if (code < 128) table[code] = (table[code] ?? 0) | bit;
    // A term beginning with a letter beyond ASCII: every word beginning with one is looked at (see `all`).
  };
  terms.forEach((term, k) => {
    const bit = k >= 31 ? -1 : 1 << k;
    const t = term.word;
    mark(first, t.charCodeAt(0), bit);
    if (term.typos >= 2) {
      mark(first, t.charCodeAt(1), bit);
      mark(second, t.charCodeAt(1), bit);
      mark(second, t.charCodeAt(0), bit);
    }
  });
  return { first, second };
}

/** Adds the word at [start, end) if one of the terms of `interest` matches it, and the split words it begins. */
function considerWord(text: string, start: number, end: number, terms: readonly QueryTerm[], interest: number, found: Set<string>): void {
  const c = text.charCodeAt(start);
  for (let k = 0; k < terms.length; k++) {
    if (k < 31 && (interest & (1 << k)) === 0) continue;
    const term = terms[k] as QueryTerm;
    const t = term.word;
    if (c === t.charCodeAt(0)) {
      if (wordMatches(term, text, start, end)) found.add(text.slice(start, end));
      addSplit(text, t, start, end, found);
    } else if (term.typos >= 2 && oneEditAtFirstLetter(t, text, start, end, term.prefix)) {
      // An edit on its first letter, counted as two typos.
      const word = text.slice(start, end);
      if (typoCandidate(word)) found.add(word);
    }
  }
}

/** The two words that make `t`, when the word at [start, end) begins it and the next word is the rest. */
function addSplit(text: string, t: string, start: number, end: number, found: Set<string>): void {
  const length = end - start;
  if (length >= t.length || !sameAt(text, start, end, t, 0, false, length)) return;
  const left = text.slice(start, end);
  const right = t.slice(length);
  // Stop words are not indexed: Meilisearch never splits into one.
  if (!STOP_WORDS.has(left) && !STOP_WORDS.has(right) && followedBy(text, end, right) !== -1) {
    found.add(left);
    found.add(right);
  }
}

/** Whether Meilisearch would count the (folded) `word` of a text as `term`. */
export function matchesTerm(term: QueryTerm, word: string): boolean {
  return word[0] === term.word[0] ? wordMatches(term, word, 0, word.length) : term.typos >= 2 && oneEditAtFirstLetter(term.word, word, 0, word.length, term.prefix) && typoCandidate(word);
}

/** Whether the word at [start, end) of `text`, beginning with the term's first letter, matches it. */
function wordMatches(term: QueryTerm, text: string, start: number, end: number): boolean {
  const t = term.word;
  const length = end - start;
  if (sameAt(text, start, end, t, 0, term.prefix)) return true;
  if (term.typos === 0) return false;
  if (term.prefix ? length < t.length - term.typos : Math.abs(length - t.length) > term.typos) return false;
  if (!nearStart(t, text, start, term.typos)) return false;
  return editDistanceAt(t, text, start, end, term.typos, term.prefix) <= term.typos && typoCandidate(text.slice(start, end));
}

/**
 * A quick test most words fail before the distance is computed: within `typos` edits of `t`
 * (same first letter), one of the term's next letters t[1…typos+1] stands among the word's next
 * ones w[1…typos+1] (whichever edits are made there, one of those letters is left and shifted by
 * at most the edits).
 */
function nearStart(t: string, text: string, start: number, typos: number): boolean {
  for (let i = 1; i <= typos + 1; i++) {
    const w = text.charCodeAt(start + i);
    for (let j = 1; j <= typos + 1; j++) if (w === t.charCodeAt(j)) return true;
  }
  return false;
}

/** Stop words are not indexed and numbers allow no typo: neither is ever a typo of a word. */
function typoCandidate(word: string): boolean {
  return !STOP_WORDS.has(word) && !isNumber(word);
}

/**
 * Whether text[at, end) is t[from…] (with `prefix`, begins with it); `upTo` compares only that
 * many characters of the text (then the text's part must be exactly that long).
 */
function sameAt(text: string, at: number, end: number, t: string, from: number, prefix: boolean, upTo?: number): boolean {
  const n = upTo ?? t.length - from;
  const length = end - at;
  if (upTo === undefined ? (prefix ? length < n : length !== n) : length !== n) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(at + k) !== t.charCodeAt(from + k)) return false;
  return true;
}

/** One edit that changes the first letter of `t` into the word at [start, end) (Meilisearch counts it as two typos). */
function oneEditAtFirstLetter(t: string, text: string, start: number, end: number, prefix: boolean): boolean {
  return (
    sameAt(text, start + 1, end, t, 1, prefix) || // replaced
    sameAt(text, start, end, t, 1, prefix) || // left out
    sameAt(text, start + 1, end, t, 0, prefix) || // added before
    (text.charCodeAt(start) === t.charCodeAt(1) && text.charCodeAt(start + 1) === t.charCodeAt(0) && sameAt(text, start + 2, end, t, 2, prefix)) // swapped
  );
}

/** Rows of the edit distance, reused: a search computes it for a few hundred words. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau–Levenshtein distance with adjacent transpositions (what Meilisearch's automata
 * count) between `t` and the word at [start, end) of `text`, or with `prefix` the least distance
 * to any beginning of it; `max + 1` once it cannot be `max` or less. Only the cells within `max`
 * of the diagonal are computed (the others are past `max` anyway).
 */
function editDistanceAt(t: string, text: string, start: number, end: number, max: number, prefix: boolean): number {
  const m = t.length;
  const n = prefix ? Math.min(end - start, m + max) : end - start;
  const over = max + 1;
  if (rows[0]!.length <= n + 1) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= m; i++) {
    const a = t.charCodeAt(i - 1);
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    current[0] = i <= max ? i : over;
    if (from > 1) current[from - 1] = over;
    let rowMin = over;
    for (let j = from; j <= to; j++) {
      const b = text.charCodeAt(start + j - 1);
      let d = previous[j - 1]! + (a === b ? 0 : 1);
      if (j < i + max) d = Math.min(d, previous[j]! + 1);
      if (j > from || from === 1) d = Math.min(d, current[j - 1]! + 1);
      if (i > 1 && j > 1 && a === text.charCodeAt(start + j - 2) && t.charCodeAt(i - 2) === b) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d > over ? over : d;
      if (d < rowMin) rowMin = d;
    }
    if (to < n) current[to + 1] = over;
    // No cell of this row within `max`: none of the next can be (a transposition reaches back
    // two rows, but from a cell past `max` it only adds).
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  let distance = n >= m - max && n <= m + max ? previous[n]! : over;
  if (prefix) for (let j = Math.max(0, m - max); j <= Math.min(n, m + max); j++) distance = Math.min(distance, previous[j]!);
  return Math.min(distance, over);
}

/** The distance of editDistanceAt between two words. */
export function editDistance(term: string, word: string, max: number, prefix: boolean): number {
  return editDistanceAt(term, word, 0, word.length, max, prefix);
}

/** Where `word` stands whole in `text`, from `from`: its start, or -1. */
function wholeWord(text: string, word: string, from: number): number {
  for (let i = text.indexOf(word, from); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text, i - 1) && !isWordChar(text, i + word.length)) return i;
  }
  return -1;
}

/** The start of the word after the one ending at `end` (past separators), if it is `word` whole. */
function followedBy(text: string, end: number, word: string): number {
  let i = end;
  while (i < text.length && !isWordChar(text, i)) i++;
  return i > end && text.startsWith(word, i) && !isWordChar(text, i + word.length) ? i + word.length : -1;
}

/**
 * Adds the words of the phrases found in `text`, their words one after the other. Where several
 * start at the same word, Meilisearch takes the first it knows (its synonyms in their order: "LSF"
 * marks "langue des signes" in "langue des signes française"), and goes on after it.
 */
function addPhrases(text: string, phrases: readonly string[][], found: Set<string>): Set<string> {
  const matches: { start: number; end: number; order: number }[] = [];
  phrases.forEach((phrase, order) => {
    const [first, ...rest] = phrase;
    if (first === undefined) return;
    for (let i = wholeWord(text, first, 0); i !== -1; i = wholeWord(text, first, i + 1)) {
      let end = i + first.length;
      for (const word of rest) if (end !== -1) end = followedBy(text, end, word);
      if (end !== -1) matches.push({ start: i, end, order });
    }
  });
  matches.sort((a, b) => a.start - b.start || a.order - b.order);
  let after = 0;
  for (const match of matches) {
    if (match.start < after) continue;
    for (const word of phrases[match.order] ?? []) found.add(word);
    after = match.end;
  }
  return found;
}

function typosFor(word: string): number {
  if (isNumber(word)) return 0;
  const length = [...word].length;
  return length < ONE_TYPO ? 0 : length < TWO_TYPOS ? 1 : 2;
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return code > 127 && /^\p{N}+$/u.test(word);
  }
  return word.length > 0;
}

/** The query's words in order, with their position (a stop word takes one; a hard separator several), and its quoted phrases. */
function tokenize(q: string): { tokens: Token[]; quoted: string[][] } {
  const tokens: Token[] = [];
  const quoted: string[][] = [];
  let phrase: string[] | null = null;
  let position = -1;
  const parts = [...q.matchAll(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu)].map((m) => m[0]);
  for (const [k, part] of parts.entries()) {
    if (!isWordChar(part, 0)) {
      if (HARD.test(part)) position += 7;
      for (const char of part) {
        if (char !== '"') continue;
        if (phrase) quoted.push(phrase);
        phrase = phrase ? null : [];
      }
      continue;
    }
    const word = fold(part);
    position++;
    // "-" right before a word, at the start or after a space: that word is excluded ("e-administration" is not).
    const before = parts[k - 1] ?? '';
    const excluded = /\s-$/.test(before) || (k === 1 && before === '-');
    if (phrase) phrase.push(word);
    else if (!excluded) tokens.push({ word, position, stop: STOP_WORDS.has(word), last: k === parts.length - 1 });
  }
  if (phrase) quoted.push(phrase);
  return { tokens, quoted };
}

/** The synonyms as Meilisearch looks them up: folded keys (words joined by a space), each value a phrase of folded words. */
function foldedSynonyms(map: Record<string, string[]>): Map<string, string[][]> {
  const folded = new Map<string, string[][]>();
  const words = (text: string): string[] => [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => fold(m[0]));
  for (const [key, values] of Object.entries(map)) folded.set(words(key).join(' '), values.map(words));
  return folded;
}
