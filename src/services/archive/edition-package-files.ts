import type { Manifest, StoredFile } from '../../domain/manifest.js';

/** A stored file that goes into an edition's package, at `path` inside the ZIP. */
export interface PackedFile {
  itemId: string;
  path: string;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  /** Text is deflated; PDFs are already compressed and stored as they are. */
  compress: boolean;
}

/** A recording, audio file or PDF of an item, listed in media.csv; `packedPath` when the package holds its bytes. */
export interface MediaFile {
  itemId: string;
  role: 'source' | 'download' | 'slides' | 'sign-language' | 'audio-description';
  file: StoredFile;
  packedPath: string | null;
}

const PDF = 'application/pdf';

/**
 * What a package holds of one item: every transcript (txt + vtt), caption and other text track,
 * the slide and page text, and the PDFs (the document itself, slides). Only keys the manifest's
 * `files` list (with their size and checksum) are ever read; recordings are listed, not packed.
 * Inside the ZIP a file keeps its place in the item's folder: `<id>/text/fr.vtt`.
 */
export function packedFilesOf(manifest: Manifest): PackedFile[] {
  const listed = new Map(manifest.files.map((file) => [file.key, file]));
  const keys = [
    ...manifest.text.transcripts.flatMap((t) => [t.txt, t.vtt]),
    ...manifest.tracks.map((t) => t.key),
    manifest.text.slides?.key,
    manifest.text.pages?.key,
    manifest.source.contentType === PDF ? manifest.source.key : undefined,
    manifest.slides?.key,
    ...manifest.downloads.filter((d) => d.format === 'pdf').map((d) => d.key),
  ];
  // Keyed by checksum: a document's PDF is often both its source and its download, packed once.
  const packed = new Map<string, PackedFile>();
  for (const key of keys) {
    const file = key === undefined ? undefined : listed.get(key);
    const inside = file && pathInPackage(manifest.id, file.key);
    if (!file || !inside || packed.has(file.sha256)) continue;
    packed.set(file.sha256, {
      itemId: manifest.id,
      path: inside,
      key: file.key,
      size: file.size,
      sha256: file.sha256,
      contentType: file.contentType,
      compress: file.contentType !== PDF,
    });
  }
  return [...packed.values()];
}

/** The item's recordings, audio files and PDFs, with the checksums its manifest holds. */
export function mediaFilesOf(manifest: Manifest): MediaFile[] {
  const listed = new Map(manifest.files.map((file) => [file.key, file]));
  const packed = new Map(packedFilesOf(manifest).map((file) => [file.sha256, file.path]));
  const found: [MediaFile['role'], StoredFile | undefined][] = [
    ['source', manifest.source],
    ...manifest.downloads.filter((d) => !['vtt', 'srt', 'txt'].includes(d.format)).map((d): [MediaFile['role'], StoredFile] => ['download', d]),
    ['slides', manifest.slides ?? undefined],
    ['sign-language', manifest.signLanguage ? listed.get(manifest.signLanguage.mp4) : undefined],
    ['audio-description', manifest.audioDescription?.type === 'audio' ? listed.get(manifest.audioDescription.key) : undefined],
  ];
  const seen = new Set<string>();
  const media: MediaFile[] = [];
  for (const [role, file] of found) {
    if (!file || seen.has(file.key)) continue;
    seen.add(file.key);
    const stored = listed.get(file.key) ?? file;
    media.push({ itemId: manifest.id, role, file: { key: stored.key, size: stored.size, sha256: stored.sha256, contentType: stored.contentType }, packedPath: packed.get(stored.sha256) ?? null });
  }
  return media;
}

/** `items/<id>/<rev>/text/fr.vtt` → `<id>/text/fr.vtt`; null for a key outside the item's folder. */
function pathInPackage(id: string, key: string): string | null {
  const parts = key.split('/');
  if (parts[0] !== 'items' || parts[1] !== id || parts.length < 4 || parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return [id, ...parts.slice(3)].join('/');
}
