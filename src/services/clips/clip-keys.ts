import type { Manifest } from '../../domain/manifest.js';
import type { ClipRange } from './clip-range.js';

/**
 * The only place that builds the keys of cut clips: `clips/<id>/<rev>/<start>-<end>-<tags>.<ext>`
 * beside a `.json` record of the real bounds. The item's revision is in the key, so a new
 * version of an item never serves an old clip; the tags' hash, because a metadata-only update
 * (a corrected title) keeps the revision but changes what the file says about itself.
 */
export const CLIPS_PREFIX = 'clips/';

/** The revision folder the manifest's files live in (`items/<id>/<rev>/…`). */
export function revisionOf(manifest: Pick<Manifest, 'id' | 'source'>): string {
  const match = new RegExp(`^items/${manifest.id}/([0-9a-f]+)/`).exec(manifest.source.key);
  if (!match?.[1]) throw new Error(`items/${manifest.id}: the source key ${manifest.source.key} names no revision`);
  return match[1];
}

/** Every clip of an item, whatever its revision. */
export const itemClipsPrefix = (id: string): string => `${CLIPS_PREFIX}${id}/`;

/** The clips of the item's current revision. */
export const revisionClipsPrefix = (manifest: Pick<Manifest, 'id' | 'source'>): string => `${itemClipsPrefix(manifest.id)}${revisionOf(manifest)}/`;

export interface ClipKeys {
  media: string;
  record: string;
}

export function clipKeys(manifest: Pick<Manifest, 'id' | 'source'>, range: ClipRange, tagsHash: string, extension: string): ClipKeys {
  const base = `${revisionClipsPrefix(manifest)}${millis(range.start)}-${millis(range.end)}-${tagsHash.slice(0, 12)}`;
  return { media: `${base}.${extension}`, record: `${base}.json` };
}

/** Whole milliseconds: a key never holds a decimal point or an exponent. */
function millis(seconds: number): string {
  return String(Math.round(seconds * 1000));
}
