import { VIDEO_KINDS, type ItemKind } from '../domain/item.js';
import { localeEntry, LOCALES, routePattern, type Locale, type RouteName } from './locale.js';

/**
 * Every URL the site hands out is built here, from the locale table's paths: pages, positions
 * inside recordings and documents, stored media. Services return ids, kinds, seconds and pages;
 * routes and view-models turn them into links with these functions.
 */
export type ItemRoute = Extract<RouteName, 'talk' | 'podcast' | 'document'>;

type QueryValue = string | number | readonly string[] | null | undefined;

/** The section an item is published under: any recording with pictures is a talk. */
export function itemRoute(kind: ItemKind): ItemRoute {
  if (VIDEO_KINDS.includes(kind)) return 'talk';
  return kind === 'podcast' ? 'podcast' : 'document';
}

/** A page's path with its parameters filled in and encoded; `query` values that are empty are left out. */
export function urlFor(name: RouteName, locale: Locale, params: Record<string, string> = {}, query: Record<string, QueryValue> = {}): string {
  const path = routePattern(name, locale).replace(/:([a-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`urlFor(${name}): missing parameter ${key}`);
    return encodeURIComponent(value);
  });
  return withQuery(path, query);
}

/**
 * The moment parameter keeps its comma (`t=754,790`, as media fragments write it): a comma needs
 * no escaping in a query (RFC 3986 sub-delims), and people read and copy these links.
 */
const MOMENT_COMMA = /(?<=^|&)t=[^&]*/g;

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString().replace(MOMENT_COMMA, (pair: string) => pair.replace(/%2C/g, ','));
  return text ? `${path}?${text}` : path;
}

/** An item's page: /talks/<id>, /podcasts/<id>, /documents/<id> (under the locale's prefix). */
export function itemHref(kind: ItemKind, id: string, locale: Locale): string {
  return urlFor(itemRoute(kind), locale, { id });
}

/**
 * The item's page opened at a passage: `?t=<seconds>` in a recording (rounded down, so the
 * player starts just before the words), `?page=<n>` in a document.
 */
export function passageHref(kind: ItemKind, id: string, position: { start: number | null; page: number | null }, locale: Locale): string {
  if (kind === 'document') return urlFor('document', locale, { id }, { page: position.page });
  return urlFor(itemRoute(kind), locale, { id }, { t: position.start === null ? null : Math.floor(position.start) });
}

/** The public path of a stored object, served by the media route (or redirected to the store's own URL). */
export function mediaUrl(key: string): string {
  return `/media/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * A file the API makes from one item: `/api/items/<id>/<file>` (`clip.mp4`, `citation.ris`,
 * `transcript.vtt`…), with its query (`t` for a moment, `lang`).
 */
export function itemApiUrl(id: string, file: string, query: Record<string, QueryValue> = {}): string {
  return withQuery(`/api/items/${encodeURIComponent(id)}/${file}`, query);
}

/**
 * The form suggesting a correction of a transcript's passage: `/corrections/<id>?t=<start>&lang=<language>`
 * (`t` the passage's start as stored, to the millisecond: the form finds the passage from it).
 */
export function correctionHref(id: string, start: number, language: string, locale: Locale): string {
  return urlFor('correction', locale, { id }, { t: Math.round(start * 1000) / 1000, lang: language });
}

/** Where suggestions are sent (the form and JSON alike): `/api/items/<id>/corrections`. */
export function correctionsApiUrl(id: string): string {
  return itemApiUrl(id, 'corrections');
}

/** Everything the API says about one item: `/api/items/<id>`. */
export function itemDetailApiUrl(id: string): string {
  return `/api/items/${encodeURIComponent(id)}`;
}

/** Every result of a search as CSV: `/api/search?…&format=csv` with the search's own parameters. */
export function searchCsvUrl(query: Record<string, QueryValue>): string {
  return withQuery('/api/search', { ...query, format: 'csv' });
}

/** An edition's package: `/api/editions/<slug>/export.zip`. */
export function editionExportUrl(slug: string): string {
  return `/api/editions/${encodeURIComponent(slug)}/export.zip`;
}

/** An item's IIIF Presentation 3 manifest: `/iiif/<id>/manifest.json`. */
export function iiifManifestUrl(id: string): string {
  return `/iiif/${encodeURIComponent(id)}/manifest.json`;
}

/**
 * A resource inside an item's IIIF manifest (`canvas/1`, `canvas/1/painting`, `range/2`…):
 * identifiers under `/iiif/<id>/`, which IIIF asks to be HTTP(S) URIs; only the manifest and
 * the search answer are served.
 */
export function iiifResourceUrl(id: string, ...segments: (string | number)[]): string {
  return `/iiif/${encodeURIComponent(id)}/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/** An item's IIIF Content Search 2.0 service: `/iiif/<id>/search`, with `q` when asked. */
export function iiifSearchUrl(id: string, q?: string): string {
  return withQuery(`/iiif/${encodeURIComponent(id)}/search`, { q });
}

/** The IIIF collection of the whole archive (no slug) or of one edition: `/iiif/collection.json`, `/iiif/editions/<slug>/collection.json`. */
export function iiifCollectionUrl(editionSlug?: string): string {
  return editionSlug === undefined ? '/iiif/collection.json' : `/iiif/editions/${encodeURIComponent(editionSlug)}/collection.json`;
}

/** The OAI-PMH endpoint (its base URL), with a request's arguments when given: `/oai?verb=GetRecord&…`. */
export function oaiUrl(query: Record<string, QueryValue> = {}): string {
  return withQuery('/oai', query);
}

/**
 * The team's console in a locale: `/admin`, `/en/admin`, with a path inside it (`/session`,
 * `/corrections/…`). Not a page of the locale table: it is never in sitemaps, hreflang or feeds.
 */
export function adminHref(locale: Locale, path = '', query: Record<string, QueryValue> = {}): string {
  return withQuery(`${localeEntry(locale).prefix}/admin${path}`, query);
}

/** Where the console is mounted, one path per locale (`/admin`, `/en/admin`): its cookies are set on each. */
export function adminBases(): string[] {
  return LOCALES.map((locale) => adminHref(locale));
}
