import { VIDEO_KINDS, type ItemKind } from '../../domain/item.js';

/**
 * Public paths of items and of positions inside them (see INTERFACE.md): relative to the site,
 * so the website, the JSON API and the CLI can each put their own origin in front.
 */
export function itemPath(kind: ItemKind, id: string): string {
  const section = VIDEO_KINDS.includes(kind) ? 'talks' : kind === 'podcast' ? 'podcasts' : 'documents';
  return `/${section}/${encodeURIComponent(id)}`;
}

/**
 * The item's page opened at a passage: `?t=<seconds>` in a recording (rounded down, so the
 * player starts just before the words), `?page=<n>` in a document.
 */
export function passagePath(kind: ItemKind, id: string, position: { start: number | null; page: number | null }): string {
  const base = itemPath(kind, id);
  if (kind === 'document' && position.page !== null) return `${base}?page=${position.page}`;
  if (kind !== 'document' && position.start !== null) return `${base}?t=${Math.floor(position.start)}`;
  return base;
}
