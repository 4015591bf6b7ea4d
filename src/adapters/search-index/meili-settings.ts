import type { FacetField } from '../../ports/search-index.js';

/**
 * The indexes' settings, as code: applied at boot when they differ from the server's, so a
 * change here reaches every archive on its next start (and `reindex` builds with them).
 */

export const FACET_FIELDS: readonly FacetField[] = [
  'kind', 'edition', 'editionSlug', 'year', 'themes', 'speakers', 'speakerSlugs', 'language', 'licence',
  'captions', 'reviewedTranscript', 'audioDescription', 'signLanguage', 'easyRead', 'transcript',
];

/**
 * Frequent French function words, left out of the index and of queries. None of them may appear
 * in a synonym: Meilisearch cannot match a multi-word synonym whose words include a stop word
 * (measured: with "en" a stop word, NEC never finds "Numérique en Commun[s]"), so "à", "de",
 * "des", "en" and "et" stay searchable. A test checks the two lists against each other.
 */
export const FRENCH_STOP_WORDS: readonly string[] = [
  'a', 'ai', 'as', 'au', 'aux', 'avait', 'c', 'ça', 'ce', 'ceci', 'cela', 'ces', 'cet', 'cette', 'd', 'donc', 'dont', 'du',
  'elle', 'elles', 'est', 'était', 'eu', 'il', 'ils', 'j', 'je', 'l', 'la', 'le', 'les', 'leur', 'leurs', 'lui', 'm', 'ma',
  'mais', 'me', 'mes', 'moi', 'mon', 'n', 'ne', 'ni', 'nos', 'notre', 'nous', 'on', 'ont', 'ou', 'où', 'qu', 'que', 'quel',
  'quelle', 'quelles', 'quels', 'qui', 's', 'sa', 'se', 'ses', 'si', 'son', 'sont', 't', 'ta', 'te', 'tes', 'toi', 'ton',
  'tu', 'un', 'une', 'vos', 'votre', 'vous', 'y',
];

/** Meilisearch reads the first 10 words of a query (stop words do not count) and drops the rest silently. */
export const MAX_QUERY_WORDS = 10;

/**
 * Words and phrases that mean the same in this field; each group is made multi-way. Meilisearch
 * matches a phrase synonym of up to a few words in both directions; a long phrase is found from
 * its acronym ("FALC"), not always the other way round.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['ia', 'intelligence artificielle'],
  ['nec', 'numérique en commun', 'numérique en communs'],
  ['lsf', 'langue des signes', 'langue des signes française'],
  ['falc', 'facile à lire et à comprendre'],
  ['audiodescription', 'audio description'],
  ['open data', 'opendata', 'données ouvertes'],
  ['cnfs', 'conseiller numérique', 'conseillère numérique', 'conseillers numériques'],
  ['epn', 'espace public numérique'],
  ['chatbot', 'robot conversationnel', 'agent conversationnel'],
  ['e-administration', 'démarches en ligne', 'démarches dématérialisées'],
];

export function synonymMap(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      map[term] = [...new Set([...(map[term] ?? []), ...others])];
    }
  }
  return map;
}

/** The settings this code sets; other settings keep Meilisearch's defaults. */
export interface IndexSettings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  synonyms: Record<string, string[]>;
  typoTolerance: { enabled: boolean; minWordSizeForTypos: { oneTypo: number; twoTypos: number }; disableOnNumbers: boolean };
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, 'count' | 'alpha'> };
  pagination: { maxTotalHits: number };
  facetSearch: boolean;
}

/** Items beyond this rank cannot be paged to: 250 pages of 20, far more than anyone reads. */
export const MAX_TOTAL_HITS = 5000;

const common = {
  stopWords: [...FRENCH_STOP_WORDS],
  synonyms: synonymMap(),
  // Years and numbers must match exactly: a typo would make "2024" find "2025".
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
  // The most frequent values first: a long tail of speakers is cut, not the main ones.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' as const } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  // Values are chosen from the facet lists shown, never searched: skip building that structure.
  facetSearch: false,
};

/**
 * "sort" right after "words": a date order chosen by the user wins over typo and proximity among
 * results matching as many words, instead of only breaking ties at the very end.
 */
const RANKING = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'];

/**
 * The index layout these settings and the documents of meili-documents.ts make. A search on
 * indexes built in another layout would give wrong answers (an item index without text counts
 * only titles): the adapter refuses to search them until `reindex` has rebuilt them.
 *   1  items (display fields) + segments (passages, one about segment per item)
 *   2  items become the counting index (all text), chunks the ranking index; segments unchanged
 */
export const INDEX_FORMAT = 2;

/**
 * The counting index's text attributes. Meilisearch stops indexing an attribute at 65,535
 * positions (an array is one attribute; a sentence end costs 8 positions, so does each new
 * element): an item's passages are spread over as many `text_<n>` as it needs. 32 of them hold
 * some 1.9 million positions, over 150 hours of speech.
 */
export const TEXT_ATTRIBUTES = 32;
export const textAttribute = (n: number): string => `text_${n}`;

/**
 * The counting index: one document per item with all its words (see meili-documents.ts). Asked
 * only for its exact total and facet counts (no hits): nothing of it is displayed or ranked.
 */
export const ITEM_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'people', 'topics', ...Array.from({ length: TEXT_ATTRIBUTES }, (_, n) => textAttribute(n))],
  filterableAttributes: [...FACET_FIELDS],
  sortableAttributes: [],
  rankingRules: RANKING,
  ...common,
};

/**
 * The ranking index: an item's about chunk (title, people, topics, summary) and chunks of ~10
 * passages, each carrying the item's display fields, searched with `distinct: itemId`.
 * `about` lists items when there is no query; `batch` as in the segments.
 */
export const CHUNK_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'people', 'topics', 'text'],
  filterableAttributes: ['itemId', 'about', 'batch', ...FACET_FIELDS],
  sortableAttributes: ['day'],
  rankingRules: [...RANKING, 'sourceRank:desc'],
  ...common,
};

export const SEGMENT_SETTINGS: IndexSettings = {
  // Title first: an item named after the query outranks one that mentions it in passing.
  searchableAttributes: ['title', 'people', 'topics', 'text'],
  // `batch` tells an item's fresh segments from those its previous version left (see upsert).
  filterableAttributes: ['itemId', 'source', 'batch', ...FACET_FIELDS],
  sortableAttributes: ['day'],
  // Among equally good passages, reviewed captions and documents before speech-to-text and OCR.
  rankingRules: [...RANKING, 'sourceRank:desc'],
  ...common,
};

const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords']);

/**
 * The settings whose value on the server differs from `desired`. Lists whose order means nothing
 * are compared as sets; synonyms as a whole map; other objects only on the keys this code sets
 * (the server fills in its defaults for the rest).
 */
export function settingsDiff(desired: IndexSettings, current: Record<string, unknown>): (keyof IndexSettings)[] {
  return (Object.keys(desired) as (keyof IndexSettings)[]).filter((key) =>
    key === 'synonyms' ? canonicalSynonyms(desired.synonyms) !== canonicalSynonyms(current.synonyms) : !matches(desired[key], current[key], UNORDERED.has(key)),
  );
}

function canonicalSynonyms(value: unknown): string {
  if (value === null || typeof value !== 'object') return 'null';
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.normalize('NFC'), Array.isArray(v) ? v.map((s) => String(s).normalize('NFC')).sort() : v] as const);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function matches(desired: unknown, current: unknown, unordered = false): boolean {
  if (Array.isArray(desired)) {
    if (!Array.isArray(current) || current.length !== desired.length) return false;
    const a = desired.map((v) => JSON.stringify(v).normalize('NFC'));
    const b = current.map((v) => JSON.stringify(v).normalize('NFC'));
    if (unordered) {
      a.sort();
      b.sort();
    }
    return a.every((v, i) => v === b[i]);
  }
  if (desired !== null && typeof desired === 'object') {
    if (current === null || typeof current !== 'object') return false;
    return Object.entries(desired).every(([k, v]) => matches(v, (current as Record<string, unknown>)[k]));
  }
  // Meilisearch may hand strings back in another Unicode normal form ("où" decomposed).
  if (typeof desired === 'string' && typeof current === 'string') return desired.normalize('NFC') === current.normalize('NFC');
  return desired === current;
}
