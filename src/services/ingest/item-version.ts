import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { manifestKey, manifestSchema, parseManifest, type Manifest, type StoredFile } from '../../domain/manifest.js';
import type { StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { mapLimit } from '../../lib/concurrency.js';
import { readStoredJson, writeManifest } from '../archive/manifests.js';

/**
 * One version of an item in the store, and the only code that knows its keys:
 *
 *   items/<id>/manifest.json               the commit point: names the live revision (written last)
 *   items/<id>/<rev>/…                     the version's files: source, outputs, steps.json
 *   staging/<id>/current.json              the version wanted now (the last ingest submitted)
 *   staging/<id>/<version>/inputs.json     the programme's files copied in, the step plan
 *   staging/<id>/<version>/inputs/…        those copies (the recording goes to <rev>/source/)
 *   staging/<id>/<version>/steps/<s>.json  one record per finished step
 *
 * A version is named by the hash of everything its outputs depend on (`inputsKey`). Nothing a
 * manifest lists is ever overwritten: a new version writes a new revision folder beside it.
 */

/** Hex digits of the inputs' hash that name a revision folder: short in URLs, unique per item in practice. */
const REVISION_HEX = 12;
/** Hex digits that name a version's staging folder and its local work folder. */
const VERSION_HEX = 16;

export const itemPrefix = (id: string): string => `items/${id}/`;
export const stagingRoot = (id: string): string => `staging/${id}/`;
export const currentKeyOf = (id: string): string => `${stagingRoot(id)}current.json`;
const revisionOf = (inputsKey: string): string => inputsKey.slice(0, REVISION_HEX);
export const versionOf = (inputsKey: string): string => inputsKey.slice(0, VERSION_HEX);
/** The step records of a published revision, kept beside its files: what a later version may carry over. */
const PUBLISHED_STEPS = 'steps.json';

/**
 * Files of a published revision changed afterwards (a corrected transcript) are written under
 * `<rev>/revised/<stamp>/<path>`, beside the ones they replace: nothing listed is overwritten.
 */
const REVISED_PATH = /^revised\/[0-9a-z]+\//;
/** The path inside its revision that a file stands for, revised or not (`revised/x/text/fr.vtt` → `text/fr.vtt`). */
const pathInRevision = (revision: string, key: string): string => key.slice(revision.length).replace(REVISED_PATH, '');

const storedFileSchema = z.object({ key: z.string(), size: z.number(), sha256: z.string(), contentType: z.string() });

const currentSchema = z.object({ key: z.string().optional(), inputsKey: z.string().optional() });
export type CurrentVersion = z.infer<typeof currentSchema>;

/**
 * What one finished step (or the probe) left. Step results are the steps' own typed output,
 * checked here as an object; each step validates what it reads of them.
 */
const stepRecordSchema = z.object({
  step: z.string(),
  version: z.number(),
  /** Of the step's definition, inputs, settings and needs (see step-plan.ts). */
  fingerprint: z.string(),
  /** New at every run of the step: later steps note which runs of their needs they built on. */
  run: z.string(),
  basis: z.string(),
  /** false: the step does not apply to this item (nothing run, nothing stored). */
  applies: z.boolean(),
  result: z.record(z.string(), z.unknown()),
  /** Files written or rewritten by the step, by path relative to the revision folder. */
  files: z.record(z.string(), storedFileSchema),
  /** Files of earlier steps that this step deleted. */
  removed: z.array(z.string()),
  seconds: z.number(),
});
export type StepRecord = Omit<z.infer<typeof stepRecordSchema>, 'result'> & { result: StepResult };

const stagedInputSchema = z.object({
  slot: z.string().regex(/^(media|slides|audioDescription|signLanguage|captions:\d+)$/),
  declared: z.string(),
  path: z.string(),
  key: z.string(),
  sha256: z.string(),
  size: z.number(),
  mtimeMs: z.number().optional(),
  ino: z.number().optional(),
});
export type InputSlot = 'media' | `captions:${number}` | 'slides' | 'audioDescription' | 'signLanguage';
export type StagedInput = Omit<z.infer<typeof stagedInputSchema>, 'slot'> & { slot: InputSlot };

const stagedSchema = z.object({
  inputsKey: z.string(),
  inputs: z.array(stagedInputSchema),
  /** Each stage's fingerprint: a stored record counts only with the same one. */
  fingerprints: z.record(z.string(), z.string()),
  /** Records of the published revision whose outputs this version takes over instead of running the step. */
  carried: z.array(stepRecordSchema),
});
export type StagedVersion = Omit<z.infer<typeof stagedSchema>, 'inputs' | 'carried'> & { inputs: StagedInput[]; carried: StepRecord[] };

const publishedStepsSchema = z.object({ inputsKey: z.string(), records: z.array(stepRecordSchema) });

/** A stable summary of the runs a step built on: its record is reused only on the same ones. */
export function basisOf(needs: readonly StepRecord[]): string {
  return needs.map((r) => `${r.step}@${r.version}:${r.run}`).join(',');
}

/** The item's files after these steps, by relative path: later writes win, removals remove. */
export function filesAfter(records: readonly StepRecord[]): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const record of records) {
    for (const rel of record.removed) files.delete(rel);
    for (const [rel, file] of Object.entries(record.files)) files.set(rel, file);
  }
  return files;
}

export class ItemVersion {
  constructor(private readonly store: BlobStore, readonly id: string, readonly inputsKey: string) {}

  /** `items/<id>/<rev>/`: where this version's files go, invisible until a manifest lists them. */
  get revision(): string {
    return `${itemPrefix(this.id)}${revisionOf(this.inputsKey)}/`;
  }

  /** `staging/<id>/<version>/`: this version's work in progress. */
  get staging(): string {
    return `${stagingRoot(this.id)}${versionOf(this.inputsKey)}/`;
  }

  get stagedKey(): string {
    return `${this.staging}inputs.json`;
  }

  /** Where a programme file is kept while the version is made: the recording as the published original. */
  inputKey(slot: InputSlot, index: number, name: string): string {
    return slot === 'media' ? `${this.revision}source/${name}` : `${this.staging}inputs/${index}-${name}`;
  }

  static async readCurrent(store: BlobStore, id: string): Promise<CurrentVersion> {
    return (await readStoredJson(store, currentKeyOf(id), currentSchema)) ?? {};
  }

  /** This version is the one wanted from now on: stages of an older one stop at their next step. */
  async claimCurrent(chainKey: string): Promise<void> {
    await this.store.putBuffer(currentKeyOf(this.id), JSON.stringify({ key: chainKey, inputsKey: this.inputsKey }), 'application/json');
  }

  async readStaged(): Promise<StagedVersion | null> {
    return (await readStoredJson(this.store, this.stagedKey, stagedSchema)) as StagedVersion | null;
  }

  async writeStaged(staged: StagedVersion): Promise<void> {
    await this.store.putBuffer(this.stagedKey, JSON.stringify(staged), 'application/json');
  }

  async readRecord(step: string): Promise<StepRecord | null> {
    return (await readStoredJson(this.store, this.recordKey(step), stepRecordSchema)) as StepRecord | null;
  }

  /** Written after the step's files: a record always means complete outputs. */
  async writeRecord(record: Omit<StepRecord, 'run'> & { run?: string }): Promise<StepRecord> {
    const full: StepRecord = { ...record, run: record.run ?? randomUUID() };
    await this.store.putBuffer(this.recordKey(full.step), JSON.stringify(full), 'application/json');
    return full;
  }

  /**
   * A record of the published revision taken over: its files (as that revision holds them: a
   * later step may have rewritten one) copied into this revision, by a hard link or a
   * server-side copy with their checksums, and the record written as this version's own.
   */
  async carry(record: StepRecord): Promise<StepRecord> {
    const files: Record<string, StoredFile> = {};
    await mapLimit(Object.entries(record.files), STORE_LANES, async ([rel, from]) => {
      const key = this.revision + rel;
      if (from.key !== key) await this.store.copy(from.key, key, from);
      files[rel] = { ...from, key };
    });
    return this.writeRecord({ ...record, files: sortedRecord(files) });
  }

  /**
   * Publishes this version: the step records beside its files, then the manifest, LAST. Until
   * that moment readers see the previous version whole. Then every object of the item that the
   * manifest does not list (the previous revision) goes, and the staging with it, except that
   * of a newer version submitted meanwhile.
   */
  async publish(manifest: (steps: StoredFile) => Manifest, records: readonly StepRecord[], stillCurrent: () => Promise<void>): Promise<Manifest> {
    const stepsKey = this.revision + PUBLISHED_STEPS;
    const stored = await this.store.putBuffer(stepsKey, JSON.stringify({ inputsKey: this.inputsKey, records }), 'application/json');
    const built = manifest({ key: stepsKey, size: stored.size, sha256: stored.sha256, contentType: 'application/json' });
    const previous: string[] = [];
    for await (const blob of this.store.list(itemPrefix(this.id))) previous.push(blob.key);
    await stillCurrent();
    await writeManifest(this.store, built, 'published');
    const kept = new Set(built.files.map((f) => f.key).concat(manifestKey(this.id)));
    await deleteKeys(this.store, previous.filter((key) => !kept.has(key)));
    await this.removeStaging();
    return built;
  }

  /** Removes what this version stored (its revision folder, never listed by a manifest, and its staging). */
  async discard(): Promise<void> {
    for (const prefix of [this.revision, this.staging]) await deletePrefix(this.store, prefix);
    // Without a pointer any version may run: the next ingest writes its own.
    await this.store.delete(currentKeyOf(this.id));
  }

  /** The step records a published manifest's revision keeps; none for items published before they were kept. */
  static async publishedRecords(store: BlobStore, manifest: Manifest): Promise<{ records: StepRecord[]; files: Map<string, StoredFile> } | null> {
    const key = `${itemPrefix(manifest.id)}${revisionOf(manifest.pipeline.inputs)}/${PUBLISHED_STEPS}`;
    const published = await readStoredJson(store, key, publishedStepsSchema);
    if (!published || published.inputsKey !== manifest.pipeline.inputs) return null;
    const records = published.records as StepRecord[];
    // The files as the manifest lists them: what the revision really holds.
    const listed = new Map(manifest.files.map((f) => [f.key, f]));
    const revision = `${itemPrefix(manifest.id)}${revisionOf(manifest.pipeline.inputs)}/`;
    const revised = new Map(manifest.files.filter((f) => f.key.startsWith(`${revision}revised/`)).map((f) => [pathInRevision(revision, f.key), f]));
    const files = new Map<string, StoredFile>();
    for (const [rel, file] of filesAfter(records)) {
      // A file revised since (a corrected transcript) stands for the step's output: carried over as it is now.
      const stored = revised.get(rel) ?? listed.get(file.key);
      if (stored) files.set(rel, stored);
    }
    return { records, files };
  }

  /**
   * New contents for some files of the published revision (a transcript corrected after its
   * ingest), by their current keys: each is written beside the file it replaces, then the
   * manifest naming them is published (the commit point: every reference to an old key — text,
   * tracks, downloads, files — now names the new file, then `edit` adds what else changed), then
   * the replaced files go. Refused without any change when the manifest moved meanwhile.
   */
  static async revise(
    store: BlobStore,
    manifest: Manifest,
    contents: ReadonlyMap<string, { body: string; contentType: string }>,
    edit: (revised: Manifest) => Manifest,
  ): Promise<Manifest> {
    const stamp = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
    const replaced = new Map<string, StoredFile>();
    const listed = new Set(manifest.files.map((f) => f.key));
    for (const [key, { body, contentType }] of contents) {
      // The revision folder the file is in: items/<id>/<rev>/.
      const folder = key.slice(itemPrefix(manifest.id).length).split('/')[0];
      if (!key.startsWith(itemPrefix(manifest.id)) || !folder || !listed.has(key)) throw new Error(`${manifest.id}: ${key} is not a file the manifest lists`);
      const revision = `${itemPrefix(manifest.id)}${folder}/`;
      const newKey = `${revision}revised/${stamp}/${pathInRevision(revision, key)}`;
      const put = await store.putBuffer(newKey, body, contentType);
      replaced.set(key, { key: newKey, size: put.size, sha256: put.sha256, contentType });
    }
    const built = edit(renamedFiles(manifest, replaced) as Manifest);
    const now = await store.getBuffer(manifestKey(manifest.id));
    if (!now || JSON.stringify(parseManifest(now.toString('utf8'))) !== JSON.stringify(manifestSchema.parse(manifest))) {
      await deleteKeys(store, [...replaced.values()].map((f) => f.key));
      throw new RevisionConflictError(manifest.id);
    }
    await writeManifest(store, built, 'updated');
    const kept = new Set(built.files.map((f) => f.key));
    await deleteKeys(store, [...replaced.keys()].filter((key) => !kept.has(key)));
    return built;
  }

  private recordKey(step: string): string {
    return `${this.staging}steps/${step}.json`;
  }

  /** The item's staging, every version, once one is published: but a newer one's, named by the current pointer. */
  private async removeStaging(): Promise<void> {
    const current = await ItemVersion.readCurrent(this.store, this.id);
    const newer = current.inputsKey && current.inputsKey !== this.inputsKey ? new ItemVersion(this.store, this.id, current.inputsKey).staging : null;
    const keys: string[] = [];
    for await (const blob of this.store.list(stagingRoot(this.id))) keys.push(blob.key);
    await deleteKeys(this.store, keys.filter((key) => !(newer && (key.startsWith(newer) || key === currentKeyOf(this.id)))));
  }
}

/** Object stores answer each request slowly and many at once well. */
const STORE_LANES = 8;

/** Deletes every object under a prefix. */
async function deletePrefix(store: BlobStore, prefix: string): Promise<void> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  await deleteKeys(store, keys);
}

export async function deleteKeys(store: BlobStore, keys: readonly string[]): Promise<void> {
  await mapLimit(keys, STORE_LANES, (key) => store.delete(key));
}

/** An item version with work in the store's staging area: being ingested, or stopped half-way. */
export interface UnfinishedWork {
  id: string;
  /** The first VERSION_HEX hex digits of its inputs' hash. */
  version: string;
  /** Steps whose record is stored (done, or found not to apply). */
  steps: string[];
}

/** Every item version with work in progress in the store, by id. */
export async function unfinishedWork(store: BlobStore): Promise<UnfinishedWork[]> {
  const byVersion = new Map<string, UnfinishedWork>();
  const pattern = new RegExp(`^staging/([^/]+)/([0-9a-f]{${VERSION_HEX}})/(.+)$`);
  for await (const blob of store.list('staging/')) {
    const match = pattern.exec(blob.key);
    if (!match) continue;
    const [, id = '', version = '', rest = ''] = match;
    const entry = byVersion.get(`${id}/${version}`) ?? { id, version, steps: [] };
    byVersion.set(`${id}/${version}`, entry);
    const step = /^steps\/([^/]+)\.json$/.exec(rest)?.[1];
    if (step) entry.steps.push(step);
  }
  return [...byVersion.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version));
}

/** Whether a version's work is still in the store (its local copies on a machine are still of use). */
export async function versionInProgress(store: BlobStore, id: string, version: string): Promise<boolean> {
  return (await store.stat(`${stagingRoot(id)}${version}/inputs.json`)) !== null;
}


/** The item changed while a revision of its files was being made: nothing was changed, try again. */
export class RevisionConflictError extends Error {
  override name = 'RevisionConflictError';
  constructor(id: string) {
    super(`${id}: the item changed meanwhile (a new version was published); nothing was changed, try again`);
  }
}

/** Every reference to a replaced file (a key string, or a stored file object) made to name its replacement. */
function renamedFiles(value: unknown, replaced: ReadonlyMap<string, StoredFile>): unknown {
  if (typeof value === 'string') return replaced.get(value)?.key ?? value;
  if (Array.isArray(value)) return value.map((entry) => renamedFiles(entry, replaced));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const stored = typeof object.key === 'string' && typeof object.sha256 === 'string' ? replaced.get(object.key) : undefined;
  const renamed = Object.fromEntries(Object.entries(object).map(([name, entry]) => [name, renamedFiles(entry, replaced)]));
  return stored ? { ...renamed, key: stored.key, size: stored.size, sha256: stored.sha256 } : renamed;
}

function sortedRecord<T>(entries: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
}
