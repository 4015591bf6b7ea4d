import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src/domain/manifest.js';
import { itemDetail } from '../../../../src/http/view-models/api-item.js';
import { editionPackageFiles } from '../../../../src/http/view-models/edition-package.js';
import { packedFilesOf } from '../../../../src/services/archive/edition-package-files.js';
import { documentManifest, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const EDITION = { slug: '2025-strasbourg', label: '2025 Strasbourg', year: 2025, city: 'Strasbourg' };
const listed = (m: Manifest): Manifest => ({ ...m, files: [m.source, ...m.downloads, ...(m.slides ? [m.slides] : [])] });

describe('editionPackageFiles', () => {
  const manifests = [listed(talkManifest()), listed(podcastManifest()), listed(documentManifest())];
  const packed = manifests.flatMap(packedFilesOf);
  const files = new Map(editionPackageFiles(EDITION, manifests, ORIGIN, packed).map((f) => [f.path, f.content]));
  const csv = (name: string): Record<string, string>[] => {
    const bytes = files.get(name) ?? Buffer.alloc(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
  };

  it('makes README.txt, items.json, items.csv, media.csv and LICENCES.md', () => {
    expect([...files.keys()]).toEqual(['README.txt', 'items.json', 'items.csv', 'media.csv', 'LICENCES.md']);
  });

  it('describes each item as the API does, in items.json and items.csv (oldest first)', () => {
    const json = JSON.parse(files.get('items.json')?.toString('utf8') ?? '') as { edition: unknown; items: unknown[] };
    expect(json.edition).toEqual(EDITION);
    expect(json.items).toHaveLength(3);
    for (const m of manifests) expect(json.items).toContainEqual(JSON.parse(JSON.stringify(itemDetail(m, ORIGIN, 'fr'))));
    const rows = csv('items.csv');
    expect(rows.map((r) => r.id).sort()).toEqual(manifests.map((m) => m.id).sort());
    const talk = rows.find((r) => r.id === manifests[0]?.id);
    expect(talk).toMatchObject({ kind: 'talk', edition: '2025 Strasbourg', licence: 'CC-BY-SA-4.0', speakers: 'Jeanne Martin (La Mednum); Ali Ben', themes: 'Communs & souveraineté; Éthique' });
    expect(talk?.attribution).toBe(itemDetail(manifests[0] as Manifest, ORIGIN, 'fr').attribution.text);
  });

  it('lists every recording and PDF in media.csv with its URL, checksum and licence, and where the package holds it', () => {
    const rows = csv('media.csv');
    const doc = manifests[2] as Manifest;
    expect(rows.filter((r) => r.id === doc.id).map((r) => [r.role, r.type, r.url, r.sha256, r.licence, r.file])).toEqual([
      ['source', 'application/pdf', `${ORIGIN}/media/${doc.source.key}`, doc.source.sha256, doc.licence, `${doc.id}/source/magazine.pdf`],
      ['download', 'application/pdf', `${ORIGIN}/media/${doc.downloads[0]?.key}`, doc.downloads[0]?.sha256, doc.licence, `${doc.id}/source/magazine.pdf`],
    ]);
    const audio = rows.filter((r) => r.id === manifests[1]?.id && r.role === 'download');
    expect(audio.map((r) => [r.type, r.file])).toEqual([['audio/mp4', ''], ['audio/mpeg', '']]);
  });

  it('says in README.txt, in French and English, that videos and audio are listed, not packed, with the checksums of what is', () => {
    const readme = files.get('README.txt')?.toString('utf8') ?? '';
    expect(readme).toContain('Les vidéos et les fichiers audio sont listés, pas inclus');
    expect(readme).toContain('Videos and audio files are listed, not packed');
    expect(readme).toContain(`${ORIGIN}/api/editions/2025-strasbourg/export.zip`);
    for (const file of packed) expect(readme).toContain(`${file.sha256}  ${file.path}\n`);
  });

  it('gives each item’s credit in LICENCES.md, in every language', () => {
    const licences = files.get('LICENCES.md')?.toString('utf8') ?? '';
    for (const m of manifests) {
      expect(licences).toContain(`## ${m.title}`);
      for (const locale of ['fr', 'en'] as const) expect(licences).toContain(itemDetail(m, ORIGIN, locale).attribution.text);
    }
  });
});
