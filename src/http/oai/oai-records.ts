import { ITEM_KINDS, type ItemKind } from '../../domain/item.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { editionEventName } from '../../domain/conference.js';
import type { Tombstone } from '../../domain/tombstone.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import { DEFAULT_LOCALE } from '../locale.js';
import { oaiDatestamp } from './oai-datestamp.js';

/**
 * The archive as OAI-PMH records: every live item, every removed one (its tombstone), and every
 * earlier id of a renamed item, in one order: by datestamp, then id. A harvest walks this order
 * with a cursor (the last datestamp and id it was given), so an item changed or removed during
 * a harvest moves to the end of the list and is still harvested, never skipped.
 *
 * Sets are `edition:<slug>` and `kind:<kind>`; `edition` and `kind` are their parents (an item in
 * `edition:2025-strasbourg` is in `edition` too, as the protocol's set hierarchy says).
 */
export interface OaiRecord {
  id: string;
  datestamp: string;
  sets: readonly string[];
  /** The live item; null for a deleted record. */
  manifest: ManifestFields | null;
}

export interface OaiSet {
  spec: string;
  name: string;
}

const EDITION_SETS = 'edition';
const KIND_SETS = 'kind';

export function editionSet(slug: string): string {
  return `${EDITION_SETS}:${slug}`;
}

export function kindSet(kind: ItemKind): string {
  return `${KIND_SETS}:${kind}`;
}

function setsOf(item: { edition: { slug: string } | null; kind: ItemKind | null }): string[] {
  return [...(item.edition ? [editionSet(item.edition.slug)] : []), ...(item.kind ? [kindSet(item.kind)] : [])];
}

/** A removed item: its datestamp is its removal; a purged one keeps no sets (nothing but its id is known). */
function deletedRecord(tombstone: Tombstone): OaiRecord {
  return { id: tombstone.id, datestamp: oaiDatestamp(tombstone.removedAt), sets: tombstone.purged ? [] : setsOf(tombstone), manifest: null };
}

const cache = new WeakMap<CatalogueSnapshot, readonly OaiRecord[]>();

/**
 * Every record of the snapshot in harvest order (computed once per snapshot). An earlier id of a
 * renamed item is a deleted record dated like the item now carrying it: a harvester holding the
 * old identifier learns to drop it (asked for it by identifier, the endpoint redirects instead).
 */
export function oaiRecords(snapshot: CatalogueSnapshot): readonly OaiRecord[] {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const records: OaiRecord[] = snapshot.items.map((m) => ({ id: m.id, datestamp: oaiDatestamp(m.pipeline.updatedAt), sets: setsOf(m), manifest: m }));
  for (const tombstone of snapshot.tombstones.values()) records.push(deletedRecord(tombstone));
  for (const [alias, current] of snapshot.aliases) {
    const item = snapshot.byId.get(current);
    if (item && !snapshot.tombstones.has(alias)) records.push({ id: alias, datestamp: oaiDatestamp(item.pipeline.updatedAt), sets: setsOf(item), manifest: null });
  }
  records.sort(compareRecords);
  cache.set(snapshot, records);
  return records;
}

/** Harvest order; the same order a resumption token's cursor is compared in. */
export function compareRecords(a: Pick<OaiRecord, 'datestamp' | 'id'>, b: Pick<OaiRecord, 'datestamp' | 'id'>): number {
  return a.datestamp < b.datestamp ? -1 : a.datestamp > b.datestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether a record is in `set` or in one of its subsets. */
export function inSet(record: OaiRecord, set: string): boolean {
  return record.sets.some((spec) => spec === set || spec.startsWith(`${set}:`));
}

/** The record of one id (live, removed or an earlier id), or null. */
export function oaiRecord(snapshot: CatalogueSnapshot, id: string): OaiRecord | null {
  const manifest = snapshot.byId.get(id);
  if (manifest) return { id, datestamp: oaiDatestamp(manifest.pipeline.updatedAt), sets: setsOf(manifest), manifest };
  const tombstone = snapshot.tombstones.get(id);
  return tombstone ? deletedRecord(tombstone) : null;
}

/** The repository's sets, named in French (the archive's first language): the two parents, then each edition and each kind present. */
export function oaiSets(snapshot: CatalogueSnapshot): OaiSet[] {
  // A removed item's edition and kind stay sets: its deleted record names them.
  const removed = [...snapshot.tombstones.values()];
  const kinds = ITEM_KINDS.filter((kind) => snapshot.items.some((m) => m.kind === kind) || removed.some((t) => t.kind === kind));
  const editions = new Map(snapshot.editions.map((e) => [e.slug, e.label]));
  for (const t of removed) if (t.edition && !editions.has(t.edition.slug)) editions.set(t.edition.slug, t.edition.label);
  return [
    { spec: EDITION_SETS, name: translate(DEFAULT_LOCALE, 'oai.set.editions') },
    ...[...editions].map(([slug, label]) => ({ spec: editionSet(slug), name: editionEventName(label) })),
    { spec: KIND_SETS, name: translate(DEFAULT_LOCALE, 'oai.set.kinds') },
    ...kinds.map((kind) => ({ spec: kindSet(kind), name: translate(DEFAULT_LOCALE, `oai.set.kind.${kind}`) })),
  ];
}
