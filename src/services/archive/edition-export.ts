import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import type { Manifest } from '../../domain/manifest.js';
import { sha256Of } from '../../lib/sha256.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { packedFilesOf, type PackedFile } from './edition-package-files.js';

/** The store's prefix for cached packages: `exports/<edition>/<version>.zip`, one version per edition. */
const EXPORTS_PREFIX = 'exports';
/** Bump when the layout or the generated files of a package change: cached packages are then made again. */
// 2: readable transcripts, slide and page text with their provenance (<id>/<id>.<lang>.txt…).
const PACKAGE_FORMAT = 2;
/** Every cached package of an edition (one version at a time, and older ones while a new one is stored). */
export function editionExportsPrefix(slug: string): string {
  return `${EXPORTS_PREFIX}/${slug}/`;
}

/** An edition's slug as the catalogue makes it: also what keeps the cache key inside its prefix. */
export const EDITION_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A file the package makes from the manifests (items.csv, README.txt…), in memory: metadata is small. */
export interface GeneratedFile {
  path: string;
  content: Buffer;
}

/** An item of the edition as stored: its id and the sha256 of its manifest's bytes. */
export interface StoredVersion {
  id: string;
  digest: string;
}

export interface EditionPackageRequest {
  slug: string;
  /** Every item of the edition as stored: what the cache key names, so a cached package is served without reading a manifest. */
  versions: readonly StoredVersion[];
  /** What the generated files depend on besides the manifests (the origin of their absolute URLs). */
  variant: string;
  /** Every item's whole manifest: read only when the package is built. */
  manifests: () => Promise<readonly Manifest[]>;
  /** Called only when the package is built, not when a cached one is served. */
  generate: (manifests: readonly Manifest[], packed: readonly PackedFile[]) => Promise<GeneratedFile[]>;
}

export interface OpenedPackage {
  stream: Readable;
  /** Known when the package comes from the cache. */
  size: number | null;
  cached: boolean;
  /** The cache key: the same for the same edition at the same version (an ETag). */
  key: string;
  /** Settles once a package being built is in the cache (at once for a cached one); rejects when it could not be stored. */
  stored: Promise<void>;
}

/**
 * An edition as one ZIP: the generated metadata files, then every text and PDF its manifests
 * list (never a key no manifest lists); recordings are only listed (media.csv). The ZIP is
 * streamed as yazl writes it, never held in memory, and at the same time written to a
 * temporary file that goes into the store when complete: the next request streams that copy,
 * until an item of the edition changes (the key hashes the stored bytes of every manifest of the edition).
 */
export class EditionExports {
  constructor(private readonly store: BlobStore, private readonly onError: (error: unknown) => void = () => {}) {}

  async open(request: EditionPackageRequest): Promise<OpenedPackage> {
    if (!EDITION_SLUG.test(request.slug)) throw new Error(`edition slug "${request.slug.slice(0, 100)}" is not a slug`);
    const key = cacheKeyOf(request);
    const cached = await this.store.stat(key);
    if (cached) return { stream: await this.store.getStream(key), size: cached.size, cached: true, key, stored: Promise.resolve() };
    return this.build(request, key);
  }

  private async build(request: EditionPackageRequest, key: string): Promise<OpenedPackage> {
    const manifests = await request.manifests();
    const packed = manifests.flatMap(packedFilesOf);
    const generated = await request.generate(manifests, packed);
    const dir = await mkdtemp(path.join(tmpdir(), 'mc-export-'));
    const tempFile = path.join(dir, 'package.zip');
    const zip = new yazl.ZipFile();
    // One date for every entry (the edition's last change): the same edition gives the same bytes.
    const mtime = new Date(Math.max(0, ...manifests.map((m) => Date.parse(m.pipeline.updatedAt) || 0)));
    for (const file of generated) zip.addBuffer(file.content, file.path, { mtime, compress: true });
    for (const file of packed) {
      zip.addReadStreamLazy(file.path, { mtime, size: file.size, compress: file.compress }, (callback) => {
        this.store.getStream(file.key).then(
          (stream) => {
            // yazl does not listen for errors of the streams it is given: they fail the whole package here.
            const checked = checkedAgainst(file);
            stream.on('error', (error) => checked.destroy(error));
            checked.on('error', (error) => zip.emit('error', error));
            callback(null, stream.pipe(checked));
          },
          (error: unknown) => callback(error, new PassThrough()),
        );
      });
    }
    zip.end();

    const out = new PassThrough();
    const copy = createWriteStream(tempFile);
    // The copy for the cache goes on if the reader leaves: `pipe` unpipes a destination that closes.
    zip.outputStream.pipe(out);
    zip.outputStream.pipe(copy);
    const failed = new Promise<never>((_, reject) => zip.on('error', reject));
    failed.catch((error: unknown) => {
      out.destroy(error as Error);
      copy.destroy();
    });
    const stored = Promise.race([finished(copy), failed])
      .then(async () => {
        await this.store.putFile(key, tempFile, 'application/zip');
        await this.removeOlderVersions(request.slug, key);
      })
      .finally(() => rm(dir, { recursive: true, force: true }));
    stored.catch(this.onError);
    return { stream: out, size: null, cached: false, key, stored };
  }

  private async removeOlderVersions(slug: string, current: string): Promise<void> {
    const older: string[] = [];
    for await (const blob of this.store.list(editionExportsPrefix(slug))) if (blob.key !== current) older.push(blob.key);
    for (const key of older) await this.store.delete(key);
  }
}

/**
 * `exports/<edition>/<hash>.zip`: the hash of the edition's stored manifests (their ids and the
 * sha256 of their bytes: any change to an item makes a new one) and of the variant.
 */
export function cacheKeyOf(request: Pick<EditionPackageRequest, 'slug' | 'versions' | 'variant'>): string {
  const versions = [...request.versions].sort((a, b) => a.id.localeCompare(b.id)).map((v) => [v.id, v.digest]);
  const hash = sha256Of(JSON.stringify([PACKAGE_FORMAT, request.variant, versions])).slice(0, 16);
  return `${EXPORTS_PREFIX}/${request.slug}/${hash}.zip`;
}

/** Passes a stored file through, failing the package if its bytes are not the ones its manifest lists. */
function checkedAgainst(file: PackedFile): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const sha256 = hash.digest('hex');
      if (sha256 === file.sha256 && size === file.size) callback();
      else callback(new Error(`${file.key}: stored bytes (${size} B, sha256 ${sha256.slice(0, 12)}…) differ from the manifest's`));
    },
  });
}
