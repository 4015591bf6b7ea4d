import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '../../domain/content-type.js';
import type { StoredFile } from '../../domain/manifest.js';
import type { StepResult } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { hashFile } from './hash-cache.js';

/** What one finished step (or the probe) left: its result and the files it stored. */
export interface StepRecord {
  step: string;
  version: number;
  /** New at every run of the step: later steps note which runs they built on. */
  run: string;
  /** The runs of the earlier steps this one built on (see basisOf). */
  basis: string;
  /** false: the step does not apply to this item (nothing run, nothing stored). */
  applies: boolean;
  result: StepResult;
  /** Files written or rewritten by the step, by path relative to the item's revision folder. */
  files: Record<string, StoredFile>;
  /** Files of earlier steps that this step deleted. */
  removed: string[];
  seconds: number;
}

/** Store keys of an item's work in progress, for one version of its inputs. */
export const stagingRoot = (id: string): string => `staging/${id}/`;
export const stagingPrefix = (id: string, inputsKey: string): string => `${stagingRoot(id)}${inputsKey.slice(0, 16)}/`;
/** Names the version of the item that is wanted now (the last one submitted). */
export const currentKeyOf = (id: string): string => `${stagingRoot(id)}current.json`;

/** Which version of the item is wanted now: the job key and inputs hash the last ingest submitted. */
export async function readCurrentVersion(store: BlobStore, id: string): Promise<{ key?: string; inputsKey?: string }> {
  const buffer = await store.getBuffer(currentKeyOf(id));
  return buffer ? (JSON.parse(buffer.toString('utf8')) as { key?: string; inputsKey?: string }) : {};
}

/** Twelve hex digits of the inputs' hash: short in URLs, unique per item in practice. */
export const revisionOf = (inputsKey: string): string => inputsKey.slice(0, 12);
export const revisionPrefix = (id: string, inputsKey: string): string => `items/${id}/${revisionOf(inputsKey)}/`;

/** A stable summary of the earlier steps' runs: a step's record is reused only on the same basis. */
export function basisOf(records: StepRecord[]): string {
  return records.map((r) => `${r.step}@${r.version}:${r.run}`).join(',');
}

/** The item's files after these steps, by relative path: later writes win, removals remove. */
export function filesAfter(records: StepRecord[]): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const record of records) {
    for (const rel of record.removed) files.delete(rel);
    for (const [rel, file] of Object.entries(record.files)) files.set(rel, file);
  }
  return files;
}

/**
 * One item's ingest, shared between the machines that run its steps. The truth is in the
 * store: each step's outputs go straight to the item's revision folder (`items/<id>/<rev>/…`,
 * invisible until a manifest lists them) and its record to `staging/<id>/<inputs>/steps/`.
 * Each machine keeps a local copy of the outputs in its work folder, with a ledger of the
 * checksums its copies have: a step that runs where the previous one ran downloads nothing.
 */
export class ItemWork {
  readonly localDir: string;
  readonly outDir: string;
  private ledger: Record<string, string> | null = null;

  constructor(private readonly store: BlobStore, workRoot: string, readonly id: string, readonly inputsKey: string) {
    this.localDir = path.join(workRoot, id, inputsKey.slice(0, 16));
    this.outDir = path.join(this.localDir, 'out');
  }

  get staging(): string {
    return stagingPrefix(this.id, this.inputsKey);
  }

  get revision(): string {
    return revisionPrefix(this.id, this.inputsKey);
  }

  async readRecord(step: string): Promise<StepRecord | null> {
    const buffer = await this.store.getBuffer(`${this.staging}steps/${step}.json`);
    if (!buffer) return null;
    try {
      return JSON.parse(buffer.toString('utf8')) as StepRecord;
    } catch {
      return null; // damaged: the step runs again
    }
  }

  /** Written after the step's files: a record always means complete outputs. */
  async writeRecord(record: Omit<StepRecord, 'run'>): Promise<StepRecord> {
    const full: StepRecord = { ...record, run: randomUUID() };
    await this.store.putBuffer(`${this.staging}steps/${record.step}.json`, JSON.stringify(full), 'application/json');
    return full;
  }

  /** Makes the local output folder hold exactly `files`: downloads what is missing or different, deletes the rest. */
  async syncOut(files: Map<string, StoredFile>): Promise<void> {
    const ledger = await this.loadLedger();
    await mkdir(this.outDir, { recursive: true });
    for (const rel of await listFiles(this.outDir)) {
      if (!files.has(rel)) {
        await rm(path.join(this.outDir, rel), { force: true });
        delete ledger[rel];
      }
    }
    await inParallel([...files], 4, async ([rel, file]) => {
      const local = path.join(this.outDir, rel);
      const size = await stat(local).then((s) => s.size, () => -1);
      if (ledger[rel] === file.sha256 && size === file.size) return;
      await this.download(file, local);
      ledger[rel] = file.sha256;
    });
    await this.saveLedger();
  }

  /** The local output files with their sizes and modification times, to tell later what a step changed. */
  async snapshot(): Promise<Map<string, string>> {
    const marks = new Map<string, string>();
    for (const rel of await listFiles(this.outDir)) {
      const s = await stat(path.join(this.outDir, rel));
      marks.set(rel, `${s.size}:${s.mtimeMs}`);
    }
    return marks;
  }

  /** Stores what changed in the output folder since `before`; says what was removed. */
  async storeChanges(before: Map<string, string>): Promise<{ files: Record<string, StoredFile>; removed: string[] }> {
    const ledger = await this.loadLedger();
    const after = await this.snapshot();
    const changed = [...after].filter(([rel, mark]) => before.get(rel) !== mark).map(([rel]) => rel);
    const files: Record<string, StoredFile> = {};
    await inParallel(changed, 4, async (rel) => {
      const key = this.revision + rel;
      const contentType = contentTypeOf(rel);
      const stored = await this.store.putFile(key, path.join(this.outDir, rel), contentType);
      files[rel] = { key, size: stored.size, sha256: stored.sha256, contentType };
      ledger[rel] = stored.sha256;
    });
    const removed = [...before.keys()].filter((rel) => !after.has(rel));
    for (const rel of removed) delete ledger[rel];
    await this.saveLedger();
    return { files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))), removed };
  }

  /** Copies a stored object to a local file, checking its checksum; the file appears whole or not at all. */
  async download(file: { key: string; sha256: string }, local: string): Promise<void> {
    await mkdir(path.dirname(local), { recursive: true });
    const part = `${local}.${process.pid}.part`;
    try {
      await pipeline(await this.store.getStream(file.key), createWriteStream(part));
      const sha256 = await hashFile(part);
      if (sha256 !== file.sha256) throw new Error(`${file.key}: stored copy does not match its checksum (${sha256.slice(0, 12)}… instead of ${file.sha256.slice(0, 12)}…)`);
      await rename(part, local);
    } finally {
      await rm(part, { force: true });
    }
  }

  private async loadLedger(): Promise<Record<string, string>> {
    this.ledger ??= await readFile(this.ledgerFile(), 'utf8').then((text) => JSON.parse(text) as Record<string, string>, () => ({}));
    return this.ledger;
  }

  private async saveLedger(): Promise<void> {
    if (!this.ledger) return;
    const temp = `${this.ledgerFile()}.${process.pid}.part`;
    await mkdir(this.localDir, { recursive: true });
    await writeFile(temp, JSON.stringify(this.ledger));
    await rename(temp, this.ledgerFile());
  }

  private ledgerFile(): string {
    return path.join(this.localDir, 'ledger.json');
  }
}

/**
 * Removes this machine's local copies of work that is over: items published (or removed) since,
 * whose staging is gone from the store. Publishing cleans the machine it runs on; this cleans
 * the others, which ran earlier steps of the same items.
 */
export async function sweepLocalCopies(store: BlobStore, workRoot: string): Promise<void> {
  for (const id of await readdir(workRoot).catch(() => [] as string[])) {
    const versions = await readdir(path.join(workRoot, id)).catch(() => [] as string[]);
    for (const version of versions.filter((v) => /^[0-9a-f]{16}$/.test(v))) {
      if (await store.stat(`${stagingRoot(id)}${version}/inputs.json`)) continue;
      await rm(path.join(workRoot, id, version), { recursive: true, force: true });
    }
  }
}

/** Deletes every object under a prefix. */
export async function deletePrefix(store: BlobStore, prefix: string): Promise<void> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  await deleteKeys(store, keys);
}

/** Deletes objects a few at a time: object stores answer each request slowly, many at once well. */
export async function deleteKeys(store: BlobStore, keys: string[]): Promise<void> {
  await inParallel(keys, 8, (key) => store.delete(key));
}

/** Relative "/"-separated paths of every file under `dir`, sorted (none when it does not exist). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.part'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** An item version with work in the store's staging area: being ingested, or stopped half-way. */
export interface UnfinishedWork {
  id: string;
  /** The first 16 hex digits of its inputs' hash. */
  version: string;
  /** Steps whose record is stored (done, or found not to apply). */
  steps: string[];
}

/** Every item version with work in progress in the store, by id. */
export async function unfinishedWork(store: BlobStore): Promise<UnfinishedWork[]> {
  const byVersion = new Map<string, UnfinishedWork>();
  for await (const blob of store.list('staging/')) {
    const match = /^staging\/([^/]+)\/([0-9a-f]{16})\/(.+)$/.exec(blob.key);
    if (!match) continue;
    const [, id = '', version = '', rest = ''] = match;
    const entry = byVersion.get(`${id}/${version}`) ?? { id, version, steps: [] };
    byVersion.set(`${id}/${version}`, entry);
    const step = /^steps\/([^/]+)\.json$/.exec(rest)?.[1];
    if (step) entry.steps.push(step);
  }
  return [...byVersion.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version));
}
