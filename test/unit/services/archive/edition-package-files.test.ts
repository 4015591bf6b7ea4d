import { describe, expect, it } from 'vitest';
import type { Manifest, StoredFile } from '../../../../src/domain/manifest.js';
import { mediaFilesOf, packedFilesOf } from '../../../../src/services/archive/edition-package-files.js';
import { documentManifest, talkManifest } from '../../../support/manifest-factory.js';

const stored = (key: string, contentType: string, sha: string): StoredFile => ({ key, size: 10, sha256: sha.repeat(64), contentType });

describe('packedFilesOf', () => {
  it('packs the texts a manifest lists, at their place in the item folder, and nothing it does not list', () => {
    const talk = talkManifest();
    const base = `items/${talk.id}/abc123`;
    // fr.txt is named by the transcript but missing from `files`: it is not read.
    const manifest: Manifest = {
      ...talk,
      files: [talk.source, ...talk.downloads, stored(`${base}/text/transcript-fr.json`, 'application/json', 'c')],
    };
    expect(packedFilesOf(manifest)).toEqual([
      { itemId: talk.id, path: `${talk.id}/text/fr.vtt`, key: `${base}/text/fr.vtt`, size: 100, sha256: talk.downloads[1]?.sha256, contentType: 'text/vtt; charset=utf-8', compress: true },
    ]);
  });

  it('packs a PDF once when it is both the source and the download, without compressing it', () => {
    const doc = documentManifest();
    const pages = stored(`items/${doc.id}/aaa111/text/pages.json`, 'application/json', 'd');
    const manifest: Manifest = { ...doc, files: [doc.source, ...doc.downloads, pages] };
    const packed = packedFilesOf(manifest);
    expect(packed.map((p) => [p.path, p.compress])).toEqual([
      [`${doc.id}/text/pages.json`, true],
      [`${doc.id}/source/magazine.pdf`, false],
    ]);
    expect(mediaFilesOf(manifest).map((m) => [m.role, m.packedPath])).toEqual([
      ['source', `${doc.id}/source/magazine.pdf`],
      ['download', `${doc.id}/source/magazine.pdf`],
    ]);
  });

  it('never packs a key outside the item’s own folder, even when listed', () => {
    const talk = talkManifest();
    const foreign = stored('items/another-item/abc123/text/fr.vtt', 'text/vtt', 'e');
    const manifest: Manifest = { ...talk, tracks: [{ ...talk.tracks[0]!, key: foreign.key }], text: { ...talk.text, transcripts: [] }, files: [foreign] };
    expect(packedFilesOf(manifest)).toEqual([]);
  });
});

describe('mediaFilesOf', () => {
  it('lists recordings (not packed) with the manifest’s checksums, and leaves text downloads to the package', () => {
    const talk = talkManifest();
    const media = mediaFilesOf({ ...talk, files: [talk.source, ...talk.downloads] });
    expect(media.map((m) => [m.role, m.file.key, m.file.sha256, m.packedPath])).toEqual([
      ['source', talk.source.key, talk.source.sha256, null],
      ['download', talk.downloads[0]?.key, talk.downloads[0]?.sha256, null],
    ]);
  });
});
