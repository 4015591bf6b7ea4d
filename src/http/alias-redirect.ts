import type { Manifest, ManifestListing } from '../domain/manifest.js';
import type { CatalogueSnapshot } from '../services/catalogue/catalogue.js';
import { currentIdOf } from '../services/catalogue/current-id.js';
import { DEFAULT_LOCALE, LOCALES, routePattern, type Locale } from './locale.js';
import { itemHref, mediaUrl, urlFor } from './urls.js';

/**
 * Where a request naming an item by an earlier id (an alias) is sent: the same address with the
 * current id, so that links cited years ago keep answering. Pure: the middleware
 * (middleware/aliases.ts) feeds it the request and the catalogue.
 */

/** An address that names an item: which kind of address, and the id segment as asked. */
export type ItemAddress =
  | { kind: 'page'; locale: Locale; embed: boolean; id: string }
  | { kind: 'path'; before: string; id: string; after: string }
  | { kind: 'media'; id: string; rest: string };

const PAGE_ROUTES = ['talk', 'podcast', 'document', 'embed'] as const;
/** Addresses outside the locale table whose one id segment is replaced as is: `<before><id><after>`. */
const ITEM_PATHS: readonly { before: string; after: RegExp }[] = [
  { before: '/api/items/', after: /^(\/.*)?$/ },
  { before: '/feeds/chapters/', after: /^\.json$/ },
  { before: '/iiif/', after: /^\/.+$/ },
];
const MEDIA_PREFIX = '/media/items/';
const ID_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The item a request path names, or null (not an item's address, or no id-shaped segment). */
export function itemAddressOf(pathname: string): ItemAddress | null {
  for (const locale of LOCALES) {
    for (const route of PAGE_ROUTES) {
      const [before, after] = routePattern(route, locale).split(':id') as [string, string];
      const id = segmentBetween(pathname, before, after);
      if (id !== null) return { kind: 'page', locale, embed: route === 'embed', id };
    }
  }
  for (const { before, after } of ITEM_PATHS) {
    if (!pathname.startsWith(before)) continue;
    const rest = pathname.slice(before.length);
    const cut = rest.search(/[/.]/);
    const id = decoded(cut < 0 ? rest : rest.slice(0, cut));
    const tail = cut < 0 ? '' : rest.slice(cut);
    if (id !== null && after.test(tail)) return { kind: 'path', before, id, after: tail };
  }
  if (pathname.startsWith(MEDIA_PREFIX)) {
    const rest = pathname.slice(MEDIA_PREFIX.length);
    const slash = rest.indexOf('/');
    const id = slash < 0 ? null : decoded(rest.slice(0, slash));
    if (id !== null) return { kind: 'media', id, rest: rest.slice(slash + 1) };
  }
  return null;
}

/**
 * The 301's Location for an address naming an alias; null when the id is live (a live id always
 * wins) or unknown. `search` is the request's query string, "?…" or "", kept as asked.
 */
export async function aliasLocation(address: ItemAddress, search: string, snapshot: Pick<CatalogueSnapshot, 'byId' | 'aliases'>, whole: (current: ManifestListing) => Promise<Manifest | null>): Promise<string | null> {
  if (snapshot.byId.has(address.id)) return null;
  const currentId = currentIdOf(snapshot, address.id);
  const current = currentId === null ? undefined : snapshot.byId.get(currentId);
  if (!current) return null;
  switch (address.kind) {
    case 'page':
      // Straight to the item's own section: /podcasts/<alias> of a talk is one hop, not two.
      return `${address.embed ? urlFor('embed', address.locale, { id: current.id }) : itemHref(current.kind, current.id, address.locale)}${search}`;
    case 'path':
      return `${address.before}${encodeURIComponent(current.id)}${address.after}${search}`;
    case 'media': {
      // Only a stored object's redirect needs the files the current manifest lists.
      const manifest = await whole(current);
      return manifest ? mediaLocation(address, manifest, search) : itemHref(current.kind, current.id, DEFAULT_LOCALE);
    }
  }
}

/**
 * A stored object of the old item: its revision is gone with it. The current item's object at
 * the same place (same path after the revision folder, the old id in the file name replaced by
 * the new one: `download/<id>-720p.mp4`) when its manifest lists one — the same recording
 * gives the same outputs; else the item's page, which offers what there is.
 */
function mediaLocation(address: Extract<ItemAddress, { kind: 'media' }>, current: Manifest, search: string): string {
  let inRevision: string;
  try {
    inRevision = address.rest.split('/').slice(1).map(decodeURIComponent).join('/');
  } catch {
    return itemHref(current.kind, current.id, DEFAULT_LOCALE);
  }
  const wanted = [inRevision, inRevision.split(address.id).join(current.id)];
  for (const file of [current.source, ...current.files]) {
    const segments = file.key.split('/');
    // items/<id>/<rev>/<path>
    if (segments[0] === 'items' && segments[1] === current.id && wanted.includes(segments.slice(3).join('/'))) {
      return `${mediaUrl(file.key)}${search}`;
    }
  }
  return itemHref(current.kind, current.id, DEFAULT_LOCALE);
}

function segmentBetween(pathname: string, before: string, after: string): string | null {
  if (!pathname.startsWith(before) || !pathname.endsWith(after) || pathname.length <= before.length + after.length) return null;
  const segment = pathname.slice(before.length, pathname.length - after.length);
  return segment.includes('/') ? null : decoded(segment);
}

/** The id a segment spells, when it is shaped like one. */
function decoded(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return ID_SEGMENT.test(id) ? id : null;
  } catch {
    return null;
  }
}
