import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '../../domain/content-type.js';
import { AppError } from '../../domain/errors.js';
import type { InputFile, ProgrammeItem } from '../../domain/item.js';
import { sanitiseFileName } from '../../domain/slug.js';
import type { StoredFile } from '../../domain/manifest.js';
import type { InputRole } from '../../pipeline/step.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { HashCache } from './hash-cache.js';
import type { InputSlot, ItemVersion, StagedInput } from './item-version.js';
import type { LocalWork } from './local-work.js';

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
 * (`items/<id>/<rev>/source/…`, published as is); companions go to the version's staging. A copy
 * already there (a resumed ingest) is not sent again; a recording the published revision already
 * holds (same checksum) is copied inside the store rather than uploaded again.
 */
export async function stageInputs(
  store: BlobStore, version: ItemVersion, item: ProgrammeItem, digests: Map<InputSlot, { sha256: string; size: number }>,
  published: StoredFile | null,
): Promise<StagedInput[]> {
  const previous = await version.readStaged();
  const earlier = previous?.inputsKey === version.inputsKey ? previous.inputs : [];
  const inputs: StagedInput[] = [];
  for (const [index, { slot, file }] of inputFilesOf(item).entries()) {
    const digest = digests.get(slot);
    if (!digest) throw new AppError(`${item.id}: ${file.declared} was not checksummed before staging`);
    const key = version.inputKey(slot, index, sanitiseFileName(path.basename(file.path)));
    const already = earlier.find((i) => i.key === key && i.sha256 === digest.sha256);
    if (!already || (await store.stat(key))?.size !== digest.size) {
      if (slot === 'media' && published?.sha256 === digest.sha256 && published.size === digest.size) {
        if (published.key !== key) await store.copy(published.key, key, published);
      } else {
        const stored = await store.putFile(key, file.path, contentTypeOf(file.path));
        if (stored.sha256 !== digest.sha256) {
          throw new AppError(`${file.declared}: the file changed while it was being stored (checksum differs): run the ingest again once it is complete`);
        }
      }
    }
    const { mtimeMs, ino } = await stat(file.path);
    inputs.push({ slot, declared: file.declared, path: file.path, key, sha256: digest.sha256, size: digest.size, mtimeMs, ino });
  }
  return inputs;
}

/** The programme file a path belongs to, as the programme names it: what failures show. */
export function declaredName(item: ProgrammeItem, file: string): string {
  return inputFilesOf(item).find(({ file: f }) => f.path === file)?.file.declared ?? file;
}

/**
 * The item with the paths of the files a step reads (`roles`; all when absent) pointing to a
 * readable copy on this machine: the programme's own file when it is here unchanged (the machine
 * that ran `ingest`, or a shared mount), else a copy downloaded from the store into the work
 * folder (checked against its checksum). A captions step on another machine never fetches the
 * recording.
 */
export async function localInputs(
  item: ProgrammeItem, staged: readonly StagedInput[], work: LocalWork, hashes: HashCache, roles?: readonly InputRole[],
): Promise<ProgrammeItem> {
  const local = new Map<InputSlot, string>();
  for (const input of staged) {
    if (roles && !roles.includes(roleOf(input.slot))) continue;
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
    if (roles && !roles.includes(roleOf(slot))) return file;
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

/** The kind of programme file in a slot. */
export function roleOf(slot: InputSlot): InputRole {
  return slot.startsWith('captions:') ? 'captions' : (slot as Exclude<InputRole, 'captions'>);
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
