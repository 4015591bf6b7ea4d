import { ITEM_KINDS } from '../domain/item.js';
import { LICENCE_IDS } from '../domain/licence.js';
import { PASSAGE_SOURCES } from '../domain/text.js';
import { FACET_NAMES, SORT_ORDERS } from '../services/search/search-request.js';
import { LOCALES } from './locale.js';

/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of every API answer. Objects are closed
 * (`additionalProperties: false`): a field the API sends but this file does not document fails
 * the conformance test, so the document cannot drift from the code.
 */
export type JsonSchema = { [key: string]: unknown };

export const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
export const uri = (description?: string): JsonSchema => ({ ...str(description), format: 'uri' });
export const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) });
export const num = (description?: string): JsonSchema => ({ type: 'number', ...(description ? { description } : {}) });
export const bool = (description?: string): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const arr = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const oneOfValues = (values: readonly string[], description?: string): JsonSchema => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
/** The schema, or null (JSON Schema 2020-12 has no `nullable`). */
export const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** A closed object; every property is required unless listed in `optional`. */
export function obj(properties: Record<string, JsonSchema>, options: { optional?: readonly string[]; description?: string } = {}): JsonSchema {
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties).filter((name) => !(options.optional ?? []).includes(name)),
    additionalProperties: false,
  };
}

const file = {
  url: uri('Where to download it (HTTP Range supported, cached for a year)'),
  size: int('Bytes'),
  sha256: str('SHA-256 of the content, hexadecimal'),
  type: str('Media type'),
};
const image = { url: uri(), width: int(), height: int(), format: oneOfValues(['avif', 'webp', 'jpeg', 'png']) };

const summaryProperties: Record<string, JsonSchema> = {
  id: str('Stable identifier: <edition>-<slug>'),
  kind: oneOfValues(ITEM_KINDS),
  title: str(),
  url: uri('The item’s page (in the language asked with `lang`)'),
  apiUrl: uri('This item in the API'),
  edition: ref('Edition'),
  date: str('Date of the talk or publication (ISO 8601)'),
  duration: orNull(num('Seconds (recordings)')),
  pages: orNull(int('Pages (documents)')),
  language: str('BCP 47 language of the item'),
  licence: ref('Licence'),
  speakers: arr(ref('Speaker')),
  themes: arr(ref('Theme')),
  accessibility: ref('Accessibility'),
  poster: orNull(uri('A JPEG picture of the item')),
  updatedAt: str('Last change of the item (ISO 8601)'),
};

export const SCHEMAS: Record<string, JsonSchema> = {
  Licence: obj({ id: oneOfValues(LICENCE_IDS), name: str(), url: uri('The licence’s text') }),
  Edition: obj({ slug: str(), label: str('"2025 Strasbourg"'), year: int(), city: str() }),
  Speaker: obj({ name: str(), organisation: orNull(str()), slug: str(), url: uri('Their page') }),
  Theme: obj({ name: str(), slug: str(), url: uri('Its page') }),
  Accessibility: obj({
    captions: bool(), reviewedTranscript: bool(), audioDescription: bool(), signLanguage: bool(), easyRead: bool(),
    transcript: oneOfValues(['reviewed', 'automatic', 'none']),
  }),
  ItemSummary: obj(summaryProperties),
  File: obj(file),
  Image: obj(image),
  Item: obj({
    ...summaryProperties,
    summary: str(),
    urls: obj(Object.fromEntries(LOCALES.map((locale) => [locale, uri()])), { description: 'The item’s page in each language' }),
    embedUrl: uri('A minimal player page for an iframe'),
    oembedUrl: uri(),
    media: obj({
      class: oneOfValues(['video', 'audio', 'document']),
      width: orNull(int()),
      height: orNull(int()),
      hls: orNull(uri('HLS master playlist')),
      sound: orNull(bool('false: a video recorded without sound (no audio in its HLS or MP4); null for documents')),
      downloads: arr(obj({
        ...file,
        format: oneOfValues(['mp4', 'm4a', 'mp3', 'opus', 'pdf', 'vtt', 'srt', 'txt', 'original']),
        label: str(), width: orNull(int()), height: orNull(int()),
      })),
      original: orNull(obj({ ...file, fileName: str() }, { description: 'The file as it was supplied' })),
      slides: orNull(ref('File')),
      signLanguage: orNull(obj({ hls: uri(), mp4: uri(), width: int(), height: int() }, { description: 'French Sign Language interpretation video' })),
      audioDescription: orNull(obj({ type: oneOfValues(['text', 'audio']), url: uri() })),
    }),
    images: obj({
      posters: arr(ref('Image')),
      cover: orNull(ref('Image')),
      waveform: orNull(ref('Image')),
      storyboard: orNull(obj({ vtt: uri(), sheets: arr(uri()), interval: num(), tileWidth: num(), tileHeight: num() })),
      pages: arr(obj({ page: int(), ...image })),
    }),
    tracks: arr(obj({
      kind: oneOfValues(['captions', 'subtitles', 'descriptions', 'chapters', 'metadata']),
      language: str(), label: str(), url: uri(), format: oneOfValues(['vtt', 'srt']),
      origin: oneOfValues(['supplied', 'reviewed', 'automatic', 'generated']),
    })),
    chapters: arr(obj({ start: num(), end: num(), title: str(), url: uri('The page opened at this chapter') })),
    chaptersUrl: orNull(uri('JSON Chapters file (Podcasting 2.0)')),
    transcripts: arr(obj({
      language: str(), source: oneOfValues(['captions-reviewed', 'speech-to-text']),
      vtt: uri(), txt: uri(), json: uri('Cues with their times'), cues: int(), words: int(),
    })),
    slideText: orNull(obj({ url: uri(), count: int(), language: str() })),
    pageText: orNull(obj({ url: uri(), count: int(), language: str(), ocrPages: int() })),
    attribution: obj({ text: str('Ready to paste'), html: str('The same credit in HTML') }, { description: 'How to credit the item' }),
    publishedAt: str('When the item entered the archive (ISO 8601)'),
  }),
  ItemList: obj({
    total: int(), page: int(), perPage: int(), pageCount: int(),
    items: arr(ref('ItemSummary')),
    links: obj({ self: uri(), first: uri(), last: uri(), prev: orNull(uri()), next: orNull(uri()) }),
  }),
  HighlightPart: obj({ text: str(), match: bool('Part of the matched words') }),
  SearchResult: obj({
    query: str(),
    total: int(),
    items: arr(obj({
      id: str(), title: str(), kind: oneOfValues(ITEM_KINDS), url: uri(), apiUrl: uri(), edition: str(),
      date: orNull(str()), duration: orNull(num()), pages: orNull(int()), speakers: arr(str()), themes: arr(str()),
      language: str(), licence: str(), poster: orNull(uri()),
      passages: arr(obj({
        start: orNull(num('Seconds into the recording where the first matched word is said: the start of its cue (the passage start when only a name or title matched); null for a document page')),
        end: orNull(num('End of that cue, in seconds')),
        passageStart: orNull(num('Start of the whole passage (20–40 s of speech, or a slide), in seconds')),
        passageEnd: orNull(num('End of the whole passage, in seconds')),
        page: orNull(int('Page of a document')),
        text: str(), source: oneOfValues(PASSAGE_SOURCES), language: str(),
        url: uri('The item’s page opened where the words are said (`?t=`, `start` rounded down) or at the page'), snippet: arr(ref('HighlightPart')),
      })),
    })),
    facets: {
      type: 'object',
      description: 'Counts per value of each facet',
      propertyNames: { enum: [...FACET_NAMES] },
      additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    },
    page: int(), pageCount: int(), perPage: int(),
    sort: oneOfValues(SORT_ORDERS),
    filters: { type: 'object', propertyNames: { enum: [...FACET_NAMES] }, additionalProperties: arr(str()) },
    limited: orNull(obj({ searched: str(), dropped: arr(str()), reason: oneOfValues(['too-many-words', 'too-long']) }, {
      description: 'Words of the query the engine did not read',
    })),
  }),
  OEmbed: obj({
    version: oneOfValues(['1.0']), type: oneOfValues(['video', 'rich']), title: str(),
    author_name: str(), author_url: uri(), provider_name: str(), provider_url: uri(), cache_age: int(),
    html: str('An iframe of the embed page'), width: int(), height: int(),
    thumbnail_url: uri(), thumbnail_width: int(), thumbnail_height: int(),
  }, { optional: ['author_name', 'author_url', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height'] }),
  JsonChapters: obj({
    version: oneOfValues(['1.2.0']),
    chapters: arr(obj({ startTime: num(), endTime: num(), title: str() })),
  }),
  Problem: obj({ type: str(), title: str(), status: int(), code: str(), detail: str('What was wrong, for people') }, { optional: ['detail'] }),
};
