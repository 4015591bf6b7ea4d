import { ITEM_KINDS } from '../domain/item.js';
import { LICENCE_IDS } from '../domain/licence.js';
import { FACET_NAMES, MAX_HITS_PER_PAGE, SORT_ORDERS } from '../services/search/search-request.js';
import { int, json, lang, many, oneOfValues, problem, query, ref, SCHEMAS, str, text, uri, type JsonSchema, type PathItem } from './openapi-parts.js';
import { CLIP_PATHS } from './openapi-clips.js';
import { citationPaths } from './openapi-citations.js';
import { GONE_RESPONSE, withGoneResponses } from './openapi-gone.js';
import { CORRECTION_PATHS } from './openapi-corrections.js';
import { EVENT_PATHS } from './openapi-events.js';
import { EXPORT_PATHS, SEARCH_FORMAT_PARAMETER, withSearchCsv } from './openapi-exports.js';
import { IIIF_PATHS } from './openapi-iiif.js';
import { OAI_PATHS } from './openapi-oai.js';
import { MAX_ITEMS_PER_PAGE } from './query-params.js';
import { transcriptPaths } from './openapi-transcripts.js';

/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json: the JSON endpoints, oEmbed
 * and the feeds, with the schemas of every answer (openapi-schemas.ts).
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string }[];
  /** Public and read-only: no operation needs credentials. */
  security: [];
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };
}

export function openApiDocument(origin: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Médiacommuns API',
      version: '1.0.0',
      description:
        'Read-only public data of the archive: talks, podcasts and documents of Numérique en Commun[s], each under an open licence, ' +
        'with their media, transcripts and chapters; full-text search with positions; oEmbed; podcast feeds. ' +
        'Any origin may call it (CORS *). Answers are cached for a minute and carry an ETag.',
      license: { name: 'AGPL-3.0-or-later (software); each item states its own licence', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: origin }],
    security: [],
    // A removed item's addresses answer 410 Gone with its notice (openapi-gone.ts).
    paths: withGoneResponses({
      '/api/items': { get: {
        operationId: 'listItems', tags: ['items'], summary: 'Items, newest first, with exact filters',
        parameters: [
          query('page', 'Page number, from 1', int()),
          query('perPage', 'Items per page (default 20)', { ...int(), minimum: 1, maximum: MAX_ITEMS_PER_PAGE }),
          many('edition', 'Edition slug or label ("2025-strasbourg", "2025 Strasbourg")'),
          many('kind', 'Kind of item', oneOfValues(ITEM_KINDS)),
          many('theme', 'Theme slug or name'),
          many('speaker', 'Speaker slug or name'),
          many('licence', 'Licence identifier', oneOfValues(LICENCE_IDS)),
          many('language', 'Item language (BCP 47)'),
          many('year', 'Edition year', { type: 'string', pattern: '^\\d{4}$' }),
          lang,
        ],
        responses: { 200: json(ref('ItemList'), 'A page of items'), 400: problem },
      } },
      '/api/items/{id}': { get: {
        operationId: 'getItem', tags: ['items'], summary: 'Everything public about one item',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Item identifier', schema: str() }, lang],
        responses: { 200: json(ref('Item'), 'The item'), 404: problem },
      } },
      ...transcriptPaths,
      ...CLIP_PATHS,
      '/api/search': { get: {
        operationId: 'search', tags: ['search'], summary: 'Full-text search over titles, transcripts, slides and pages',
        description: 'The website’s search: each item comes with its best passages and their positions: the second at which the first matched word is said (the start of its cue; the passage’s own bounds in `passageStart`/`passageEnd`) or the page.',
        parameters: [
          query('q', 'Words to find; empty lists everything', str()),
          query('sort', 'Order of results', oneOfValues(SORT_ORDERS)),
          query('page', 'Page number, from 1', int()),
          query('perPage', 'Items per page (default 20)', { ...int(), minimum: 1, maximum: MAX_HITS_PER_PAGE }),
          query('passages', 'Passages per item, 0 to 5 (default 3)', { ...int(), minimum: 0, maximum: 5 }),
          ...FACET_NAMES.map((name) => many(name, `Filter on ${name}`)),
          lang,
          SEARCH_FORMAT_PARAMETER,
        ],
        responses: { 200: withSearchCsv(json(ref('SearchResult'), 'Results')), 400: problem, 503: problem },
      } },
      ...EXPORT_PATHS,
      '/api/openapi.json': { get: {
        operationId: 'openapi', tags: ['meta'], summary: 'This document',
        responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') },
      } },
      '/oembed': { get: {
        operationId: 'oembed', tags: ['embed'], summary: 'oEmbed for a page of this site (https://oembed.com)',
        parameters: [
          query('url', 'A talk, podcast, document or embed page of this site; its moment (`?t=START` or `?t=START,END`) is passed on to the iframe', uri(), true),
          query('format', 'Only json is available; anything else answers 501', oneOfValues(['json'])),
          query('maxwidth', 'Largest width of the player, pixels', { ...int(), minimum: 1 }),
          query('maxheight', 'Largest height of the player, pixels', { ...int(), minimum: 1 }),
        ],
        responses: { 200: json(ref('OEmbed'), 'The player as an iframe (16:9)'), 400: problem, 404: problem, 501: problem },
      } },
      '/feeds/podcasts.xml': { get: {
        operationId: 'podcastFeed', tags: ['feeds'], summary: 'Every podcast: RSS 2.0 with iTunes and Podcasting 2.0 tags',
        responses: { 200: text('application/rss+xml', 'RSS feed') },
      } },
      '/feeds/editions/{slug}/podcasts.xml': { get: {
        operationId: 'editionPodcastFeed', tags: ['feeds'], summary: 'One edition’s podcasts',
        parameters: [{ name: 'slug', in: 'path', required: true, description: 'Edition slug', schema: str() }],
        responses: { 200: text('application/rss+xml', 'RSS feed'), 404: { description: 'No such edition' } },
      } },
      '/feeds/chapters/{id}.json': { get: {
        operationId: 'chapters', tags: ['feeds'], summary: 'An item’s chapters in the JSON Chapters format',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Item identifier', schema: str() }],
        responses: { 200: json(ref('JsonChapters'), 'Chapters', 'application/json+chapters'), 404: { description: 'No such item or no chapters' } },
      } },
      '/sitemap.xml': { get: {
        operationId: 'sitemap', tags: ['meta'], summary: 'The sitemap index: the site’s own pages, then one sitemap per edition, each with its newest change',
        responses: { 200: text('application/xml', 'Sitemap index') },
      } },
      '/sitemaps/pages.xml': { get: {
        operationId: 'pagesSitemap', tags: ['meta'], summary: 'Home, editions, speakers, themes and the fixed pages, in every language',
        responses: { 200: text('application/xml', 'Sitemap with hreflang alternates') },
      } },
      '/sitemaps/editions/{slug}.xml': { get: {
        operationId: 'editionSitemap', tags: ['meta'], summary: 'An edition’s page and its items’ pages, in every language',
        parameters: [{ name: 'slug', in: 'path', required: true, description: 'Edition slug', schema: str() }],
        responses: { 200: text('application/xml', 'Sitemap with hreflang alternates'), 404: { description: 'No such edition' } },
      } },
      ...citationPaths,
      ...IIIF_PATHS,
      ...OAI_PATHS,
      ...EVENT_PATHS,
      ...CORRECTION_PATHS,
    }),
    components: {
      schemas: SCHEMAS,
      responses: {
        Problem: json(ref('Problem'), 'An error (RFC 9457 problem details)', 'application/problem+json'),
        Gone: GONE_RESPONSE,
      },
    },
  };
}
