import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '../../domain/content-type.js';
import { AppError } from '../../domain/errors.js';
import type { InputFile, ProgrammeItem } from '../../domain/item.js';
import { sanitiseFileName } from '../../domain/slug.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { HashCache } from './hash-cache.js';
import type { ItemWork } from './item-work.js';

/** Where an input file sits in a programme item. */
export type InputSlot = 'media' | `captions:${number}` | 'slides' | 'audioDescription' | 'signLanguage';

/** One programme file of an item as it was read by `ingest`, and where the store keeps a copy. */
export interface StagedInput {
  slot: InputSlot;
  /** As written in the programme, for messages. */
  declared: string;
  /** Where `ingest` read it. */
  path: string;
  key: string;
  sha256: string;
  size: number;
  /** The file's identity when it was read (as the checksum cache keeps it): unchanged since, no need to read it again. */
  mtimeMs?: number;
  ino?: number;
}

/** `staging/<id>/<inputs>/inputs.json`: the item's programme files, copied into the store. */
export interface StagedInputs {
  inputsKey: string;
  inputs: StagedInput[];
}

/** Every programme file of an item with its slot, the media first. */
export function inputFilesOf(item: ProgrammeItem): { slot: InputSlot; file: InputFile }[] {
  return [
    { slot: 'media' as const, file: item.media },
    ...item.captions.map((file, index) => ({ slot: `captions:${index}` as const, file })),
    ...(item.slides ? [{ slot: 'slides' as const, file: item.slides }] : []),
    ...(item.audioDescription ? [{ slot: 'audioDescription' as const, file: item.audioDescription }] : []),
    ...(item.signLanguage ? [{ slot: 'signLanguage' as const, file: item.signLanguage }] : []),
  ];
}

/**
 * Copies the item's programme files into the store, so that workers on any machine can run its
 * steps without a shared mount. The recording goes where the archive keeps originals
 * (`items/<id>/<rev>/source/…`, published as is); companions go to the item's staging folder.
 * A copy already there (a resumed ingest) is not sent again.
 */
export async function stageInputs(
  store: BlobStore, work: ItemWork, item: ProgrammeItem, digests: Map<InputSlot, { sha256: string; size: number }>,
): Promise<StagedInputs> {
  const indexKey = `${work.staging}inputs.json`;
  const previous = await readStagedInputs(store, indexKey);
  const inputs: StagedInput[] = [];
  for (const [index, { slot, file }] of inputFilesOf(item).entries()) {
    const digest = digests.get(slot);
    if (!digest) throw new AppError(`${item.id}: ${file.declared} was not checksummed before staging`);
    const name = sanitiseFileName(path.basename(file.path));
    const key = slot === 'media' ? `${work.revision}source/${name}` : `${work.staging}inputs/${index}-${name}`;
    const already = previous?.inputsKey === work.inputsKey ? previous.inputs.find((i) => i.key === key && i.sha256 === digest.sha256) : undefined;
    if (!already || (await store.stat(key))?.size !== digest.size) {
      const stored = await store.putFile(key, file.path, contentTypeOf(file.path));
      if (stored.sha256 !== digest.sha256) {
        throw new AppError(`${file.declared}: the file changed while it was being stored (checksum differs): run the ingest again once it is complete`);
      }
    }
    const { mtimeMs, ino } = await stat(file.path);
    inputs.push({ slot, declared: file.declared, path: file.path, key, sha256: digest.sha256, size: digest.size, mtimeMs, ino });
  }
  const staged: StagedInputs = { inputsKey: work.inputsKey, inputs };
  await store.putBuffer(indexKey, JSON.stringify(staged), 'application/json');
  return staged;
}

export async function readStagedInputs(store: BlobStore, key: string): Promise<StagedInputs | null> {
  const buffer = await store.getBuffer(key);
  if (!buffer) return null;
  try {
    return JSON.parse(buffer.toString('utf8')) as StagedInputs;
  } catch {
    return null;
  }
}

/**
 * The item with every file path pointing to a readable copy on this machine: the programme's
 * own file when it is here unchanged (the machine that ran `ingest`, or a shared mount), else a
 * copy downloaded from the store into the work folder (checked against its checksum).
 */
export async function localInputs(item: ProgrammeItem, staged: StagedInputs, work: ItemWork, hashes: HashCache): Promise<ProgrammeItem> {
  const local = new Map<InputSlot, string>();
  for (const input of staged.inputs) {
    if (await sameFileHere(input, hashes)) {
      local.set(input.slot, input.path);
      continue;
    }
    const copy = path.join(work.localDir, 'inputs', `${input.sha256.slice(0, 16)}-${path.basename(input.key)}`);
    if (!(await sameFileHere({ path: copy, sha256: input.sha256, size: input.size }, hashes))) await work.download(input, copy);
    local.set(input.slot, copy);
  }
  await hashes.save();
  const at = <F extends InputFile>(slot: InputSlot, file: F): F => {
    const found = local.get(slot);
    if (!found) throw new AppError(`${item.id}: ${file.declared} is missing from the staged inputs (ingest the edition again)`);
    return { ...file, path: found };
  };
  return {
    ...item,
    media: at('media', item.media),
    captions: item.captions.map((caption, index) => at(`captions:${index}`, caption)),
    slides: item.slides ? at('slides', item.slides) : null,
    audioDescription: item.audioDescription ? at('audioDescription', item.audioDescription) : null,
    signLanguage: item.signLanguage ? at('signLanguage', item.signLanguage) : null,
  };
}

async function sameFileHere(input: Pick<StagedInput, 'path' | 'sha256' | 'size' | 'mtimeMs' | 'ino'>, hashes: HashCache): Promise<boolean> {
  try {
    await access(input.path, constants.R_OK);
    // The very file ingest read (the same machine, or a mount that keeps inode numbers): not read again.
    const info = await stat(input.path);
    if (info.size === input.size && info.mtimeMs === input.mtimeMs && info.ino === input.ino) return true;
    return (await hashes.sha256(input.path)).sha256 === input.sha256;
  } catch {
    return false;
  }
}
