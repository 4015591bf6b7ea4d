import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { z } from 'zod';
import { MANIFEST_SCHEMA_VERSION, type ManifestListing } from '../../domain/manifest.js';
import { tombstoneSchema } from '../../domain/tombstone.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { CatalogueState } from './catalogue-state.js';
import { shareStrings } from './shared-strings.js';

/**
 * The whole catalogue in one object, so that `serve` starts from one read plus the change log's
 * tail instead of one read per item: gzipped JSON lines, a header (the log time it covers) then
 * one line per manifest as held (without its files, with the sha256 of its stored bytes in `stored`) and per tombstone. The header also
 * names the log entries of the last minutes already applied, so a start reads only the others. It is derived
 * and safe to delete (the next start reads the archive the old way and writes it again); it is
 * never trusted for long: the catalogue's full pass replaces what it holds with what the store
 * holds, and rewrites it when they differ.
 */
export const COMPACTED_KEY = 'catalogue/compacted.jsonl.gz';

/** Bump when the lines change shape; an object of another format (or manifest schema) is ignored. 2: manifests held without their files. */
const FORMAT = 2;

const headerSchema = z.object({ format: z.literal(FORMAT), manifestSchema: z.literal(MANIFEST_SCHEMA_VERSION), cursor: z.number(), applied: z.array(z.tuple([z.string(), z.number()])), writtenAt: z.string(), items: z.number(), tombstones: z.number() });
const lineSchema = z.union([
  // Manifests were checked against their schema when first read: parsing them again here would double the start.
  z.object({ manifest: z.object({ id: z.string(), stored: z.object({ digest: z.string() }).passthrough() }).passthrough() }),
  z.object({ tombstone: tombstoneSchema }),
]);

export interface CompactedCatalogue {
  state: CatalogueState;
  writtenAt: Date;
}

/** The state as one object; returns its size in bytes. */
export async function writeCompacted(store: BlobStore, state: CatalogueState, now: Date = new Date()): Promise<number> {
  const lines: string[] = [JSON.stringify({ format: FORMAT, manifestSchema: MANIFEST_SCHEMA_VERSION, cursor: state.cursor, applied: [...state.applied], writtenAt: now.toISOString(), items: state.items.size, tombstones: state.tombstones.size })];
  for (const manifest of state.items.values()) lines.push(JSON.stringify({ manifest }));
  for (const tombstone of state.tombstones.values()) lines.push(JSON.stringify({ tombstone }));
  const body = await promisify(gzip)(Buffer.from(`${lines.join('\n')}\n`));
  await store.putBuffer(COMPACTED_KEY, body, 'application/gzip');
  return body.length;
}

/** The compacted catalogue, or null when there is none or it cannot be used (damaged, older format, counts that do not add up). */
export async function readCompacted(store: BlobStore): Promise<CompactedCatalogue | null> {
  const body = await store.getBuffer(COMPACTED_KEY);
  if (!body) return null;
  try {
    const lines = createInterface({ input: Readable.from([body]).pipe(createGunzip()), crlfDelay: Infinity });
    let header: z.infer<typeof headerSchema> | null = null;
    const items = new Map<string, ManifestListing>();
    const tombstones = new Map<string, z.infer<typeof tombstoneSchema>>();
    for await (const line of lines) {
      if (line === '') continue;
      if (!header) {
        header = headerSchema.parse(JSON.parse(line));
        continue;
      }
      const entry = lineSchema.parse(JSON.parse(line));
      if ('tombstone' in entry) tombstones.set(entry.tombstone.id, entry.tombstone);
      else items.set(entry.manifest.id, shareStrings(entry.manifest as unknown as ManifestListing));
    }
    if (!header || header.items !== items.size || header.tombstones !== tombstones.size) return null;
    return { state: { items, tombstones, unreadable: new Map(), cursor: header.cursor, applied: new Map(header.applied) }, writtenAt: new Date(header.writtenAt) };
  } catch {
    return null;
  }
}
