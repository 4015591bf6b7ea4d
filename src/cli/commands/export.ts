import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { describeError, UsageError } from '../../domain/errors.js';
import { EditionExports } from '../../services/archive/edition-export.js';
import { packedFilesOf } from '../../services/archive/edition-package-files.js';
import type { Manifest } from '../../domain/manifest.js';
import { readStoredJson, readStoredManifests } from '../../services/archive/manifests.js';
import { escapeControlCharacters } from '../../services/programme/control-characters.js';
import { editionPackageFiles } from '../../http/view-models/edition-package.js';
import { readableTextFiles } from '../../http/view-models/edition-readable-texts.js';
import type { CliIo } from '../io.js';

export const EXPORT_HELP = `Usage: mediacommuns export --edition <slug> --out <file.zip>

Writes an edition as one ZIP, the same package as /api/editions/<slug>/export.zip: items.csv and
items.json (each item as the API describes it), every transcript, slide and page text to read
(with its source, licence and [12:34] times) and as stored (txt, vtt, JSON), the captions, the PDFs, media.csv (every recording's URL, size, sha256 and licence: videos and audio
are listed, not packed) and LICENCES.md. URLs start with PUBLIC_URL (else http://localhost:PORT).
The package is kept in the store until an item of the edition changes; the file is written
beside --out and renamed into place when complete.

Exit code: 0 written, 1 no such edition, 2 bad usage.`;

export async function exportCommand(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { edition: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(`${EXPORT_HELP}\n`);
    return 0;
  }
  if (!values.edition || !values.out) throw new UsageError('export needs --edition <slug> and --out <file.zip> (see mediacommuns export --help)');
  const store = await createStore(config);
  const all: { manifest: Manifest; digest: string }[] = [];
  for await (const stored of readStoredManifests(store, (key, cause) => io.err(`${escapeControlCharacters(`warning: ${key}: ${cause}`)}\n`))) all.push(stored);
  const ofEdition = all.filter(({ manifest }) => manifest.edition.slug === values.edition);
  const manifests = ofEdition.map(({ manifest }) => manifest);
  const first = manifests[0];
  if (!first) {
    const editions = [...new Set(all.map(({ manifest }) => manifest.edition.slug))].sort();
    io.err(`${escapeControlCharacters(`error: no edition "${values.edition}" in the archive (editions: ${editions.join(', ') || 'none'})`)}\n`);
    return 1;
  }
  const origin = config.publicUrl ?? `http://localhost:${config.port}`;
  const edition = { slug: first.edition.slug, label: first.edition.label, year: first.edition.year, city: first.edition.city };
  const opened = await new EditionExports(store).open({
    slug: edition.slug,
    versions: ofEdition.map(({ manifest, digest }) => ({ id: manifest.id, digest })),
    variant: origin,
    manifests: async () => manifests,
    generate: async (_manifests, packed) => [
      ...editionPackageFiles(edition, manifests, origin, packed),
      ...(await readableTextFiles(manifests, origin, (key, schema) => readStoredJson(store, key, schema))),
    ],
  });
  const out = path.resolve(values.out);
  const partial = `${out}.partial-${process.pid}`;
  try {
    await pipeline(opened.stream, createWriteStream(partial));
    // The file is good even when the store could not keep its copy (then the next export builds it again).
    await opened.stored.catch((error: unknown) => io.err(`${escapeControlCharacters(`warning: the package was not kept in the store: ${describeError(error)}`)}\n`));
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }
  const packed = manifests.flatMap(packedFilesOf).length;
  const size = (await stat(out)).size;
  io.out(`${escapeControlCharacters(`${values.out}: ${edition.label}, ${manifests.length} item(s), ${packed} file(s) packed, ${(size / 1e6).toFixed(1)} MB${opened.cached ? ' (from the store’s copy)' : ''}`)}\n`);
  return 0;
}
