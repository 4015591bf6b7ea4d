import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ITEM_KINDS } from '../../domain/item.js';
import { parseLicence } from '../../domain/licence.js';
import { NotFoundError } from '../../domain/errors.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { themeSlug } from '../../services/catalogue/catalogue.js';
import { FACET_NAMES, MAX_HITS_PER_PAGE, type FacetName, type SearchRequest } from '../../services/search/search-request.js';
import { openToAllOrigins, sendJson } from '../json-response.js';
import { openApiDocument } from '../openapi.js';
import { BadRequestError, localeParam, MAX_ITEMS_PER_PAGE, oneOrMany, parseQuery, positiveInt } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { openSearchCsv, sendSearchCsv } from '../search-csv.js';
import { itemDetail, itemSummary } from '../view-models/api-item.js';
import { searchResponse } from '../view-models/api-search.js';
import type { WebDeps } from '../web-deps.js';
import { editionExportRoutes } from './edition-export.js';
import { clipRoutes } from './clips.js';
import { countApiSearch } from '../middleware/count-usage.js';
import { eventRoutes } from './events.js';
import { citationRoutes } from './citations.js';
import { oembedRoutes } from './oembed.js';
import { transcriptRoutes } from './transcripts.js';

const DEFAULT_PER_PAGE = 20;

/**
 * The JSON API (documented at /api/openapi.json): read-only public data, open to any origin
 * (CORS `*`), cached briefly and revalidated with the ETag Express computes from the body.
 * Handlers are async: Express 5 hands a rejected promise to the error middleware (problem+json).
 */
export function apiRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/api', '/oembed'], openToAllOrigins());
  router.get('/api', (_req, res) => res.redirect(302, '/api/openapi.json'));
  router.get('/api/openapi.json', (_req, res) => sendJson(res, openApiDocument(contextOf(res).origin), 'public, max-age=3600'));
  router.get('/api/items', (req, res) => listItems(deps, req, res));
  router.get('/api/items/:id', async (req, res) => {
    const { lang } = parseQuery(req, z.object({ lang: localeParam }));
    const manifest = await deps.catalogue.listing(String(req.params.id));
    if (!manifest) throw new NotFoundError(`no item "${String(req.params.id).slice(0, 100)}"`);
    sendJson(res, itemDetail(manifest, contextOf(res).origin, lang));
  });
  router.get('/api/search', async (req, res) => {
    const query = parseQuery(req, searchQuery);
    if (query.format === 'csv') return sendSearchCsv(res, await openSearchCsv(deps.search, toSearchRequest(query), query.lang, contextOf(res).origin));
    const result = await deps.search.search(toSearchRequest(query));
    countApiSearch(deps.stats, req, result);
    sendJson(res, searchResponse(result, contextOf(res).origin, query.lang));
  });
  router.use(oembedRoutes(deps));
  router.use(citationRoutes(deps));
  router.use(clipRoutes(deps));
  router.use(editionExportRoutes(deps));
  router.use(transcriptRoutes(deps));
  router.use(eventRoutes(deps));
  return router;
}

const listQuery = z.object({
  page: positiveInt.default(1),
  perPage: positiveInt.pipe(z.number().max(MAX_ITEMS_PER_PAGE, `at most ${MAX_ITEMS_PER_PAGE}`)).default(DEFAULT_PER_PAGE),
  edition: oneOrMany.optional(),
  kind: oneOrMany.pipe(z.array(z.enum(ITEM_KINDS, { error: `must be one of ${ITEM_KINDS.join(', ')}` }))).optional(),
  theme: oneOrMany.optional(),
  speaker: oneOrMany.optional(),
  licence: oneOrMany.optional(),
  language: oneOrMany.optional(),
  year: oneOrMany.pipe(z.array(z.string().regex(/^\d{4}$/, 'must be a year such as 2025'))).optional(),
  lang: localeParam,
});
type ListQuery = z.infer<typeof listQuery>;

async function listItems(deps: WebDeps, req: Request, res: Response): Promise<void> {
  const query = parseQuery(req, listQuery);
  const licences = (query.licence ?? []).map((value) => ({ value, id: parseLicence(value) }));
  const unknown = licences.filter((l) => l.id === null).map((l) => `licence: "${l.value.slice(0, 40)}" is not a known licence`);
  if (unknown.length > 0) throw new BadRequestError(unknown);
  const matches = itemFilter(query, licences.map((l) => l.id ?? ''));
  const all = (await deps.catalogue.snapshot()).items.filter(matches);
  const { origin } = contextOf(res);
  const pageCount = Math.max(1, Math.ceil(all.length / query.perPage));
  const start = (query.page - 1) * query.perPage;
  const link = (page: number): string => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query)) {
      if (name === 'page' || !(name in listQuery.shape)) continue;
      for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') params.append(name, one);
    }
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `${origin}/api/items${search ? `?${search}` : ''}`;
  };
  sendJson(res, {
    total: all.length,
    page: query.page,
    perPage: query.perPage,
    pageCount,
    items: all.slice(start, start + query.perPage).map((m) => itemSummary(m, origin, query.lang)),
    links: {
      self: link(query.page),
      first: link(1),
      last: link(pageCount),
      prev: query.page > 1 ? link(Math.min(query.page - 1, pageCount)) : null,
      next: query.page < pageCount ? link(query.page + 1) : null,
    },
  });
}

/** Exact filters over the catalogue; each parameter accepts its slug or its name as written. */
function itemFilter(query: ListQuery, licenceIds: string[]): (m: ManifestFields) => boolean {
  const any = (values: string[] | undefined, test: (value: string) => boolean): boolean => !values || values.length === 0 || values.some(test);
  return (m) =>
    any(query.edition, (v) => v === m.edition.slug || v === m.edition.label) &&
    any(query.kind, (v) => v === m.kind) &&
    any(query.theme, (v) => m.themes.some((name) => name === v || themeSlug(name) === v)) &&
    any(query.speaker, (v) => m.speakers.some((s) => s.slug === v || s.name === v)) &&
    any(licenceIds, (v) => v === m.licence) &&
    any(query.language, (v) => v.toLowerCase() === m.language.toLowerCase()) &&
    any(query.year, (v) => Number(v) === m.edition.year);
}

const facetParams = Object.fromEntries(FACET_NAMES.map((name) => [name, oneOrMany.optional()])) as Record<FacetName, z.ZodOptional<typeof oneOrMany>>;

/** The site search's parameters: `q`, `sort`, `page`, every facet by its name; plus `perPage` and `passages`. */
const searchQuery = z.object({
  q: z.string({ error: 'must be a text value' }).optional(),
  sort: z.string({ error: 'must be a text value' }).optional(),
  page: z.string({ error: 'must be a text value' }).optional(),
  perPage: positiveInt.pipe(z.number().max(MAX_HITS_PER_PAGE, `at most ${MAX_HITS_PER_PAGE}`)).optional(),
  passages: z.string().regex(/^[0-5]$/, 'must be a whole number from 0 to 5').transform(Number).optional(),
  lang: localeParam,
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
  ...facetParams,
});
type SearchQuery = z.infer<typeof searchQuery>;

function toSearchRequest(query: SearchQuery): SearchRequest {
  const filters: Record<string, string[]> = {};
  for (const name of FACET_NAMES) {
    const values = query[name];
    if (values && values.length > 0) filters[name] = values;
  }
  return {
    q: query.q ?? '',
    filters,
    sort: query.sort ?? null,
    page: query.page ?? null,
    hitsPerPage: query.perPage ?? null,
    ...(query.passages !== undefined ? { passagesPerItem: query.passages } : {}),
  };
}
