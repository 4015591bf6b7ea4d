import { stringify } from 'csv-stringify/sync';
import { LICENCES } from '../../domain/licence.js';
import type { Manifest } from '../../domain/manifest.js';
import type { GeneratedFile } from '../../services/archive/edition-export.js';
import { mediaFilesOf, type PackedFile } from '../../services/archive/edition-package-files.js';
import { CSV_OPTIONS } from '../csv-options.js';
import { translate } from '../i18n/messages.js';
import { DEFAULT_LOCALE, LOCALES } from '../locale.js';
import { editionExportUrl } from '../urls.js';
import { itemDetail } from './api-item.js';
import { fileUrl } from './public-item.js';

export interface EditionInfo {
  slug: string;
  label: string;
  year: number;
  city: string;
}

/**
 * The files an edition's package makes from its manifests: README.txt, items.json (each item as
 * /api/items/<id> gives it), items.csv, media.csv and LICENCES.md. URLs are absolute (`origin`),
 * in the default language; the README and the credits are in every language of the site.
 */
export function editionPackageFiles(edition: EditionInfo, manifests: readonly Manifest[], origin: string, packed: readonly PackedFile[]): GeneratedFile[] {
  const items = [...manifests].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const details = items.map((m) => itemDetail(m, origin, DEFAULT_LOCALE));
  const file = (path: string, content: string): GeneratedFile => ({ path, content: Buffer.from(content, 'utf8') });
  return [
    file('README.txt', readme(edition, origin, packed)),
    file('items.json', `${JSON.stringify({ edition, items: details }, null, 2)}\n`),
    file('items.csv', stringify(details.map((d) => [
      d.id, d.title, d.kind, d.edition.label, d.date, d.duration, d.pages, d.language, d.licence.id,
      d.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name)).join('; '),
      d.themes.map((t) => t.name).join('; '), d.summary, d.url, d.apiUrl, d.attribution.text,
    ]), { ...CSV_OPTIONS, header: true, columns: ITEM_COLUMNS })),
    file('media.csv', stringify(items.flatMap(mediaFilesOf).map((media) => {
      const manifest = items.find((m) => m.id === media.itemId);
      return [media.itemId, media.role, media.file.contentType, fileUrl(origin, media.file.key), media.file.size, media.file.sha256, manifest?.licence ?? '', media.packedPath ?? ''];
    }), { ...CSV_OPTIONS, header: true, columns: MEDIA_COLUMNS })),
    file('LICENCES.md', licences(edition, details.map((d, i) => ({ detail: d, manifest: items[i] as Manifest })), origin)),
  ];
}

const ITEM_COLUMNS = ['id', 'title', 'kind', 'edition', 'date', 'duration', 'pages', 'language', 'licence', 'speakers', 'themes', 'summary', 'url', 'apiUrl', 'attribution'];
/** `file`: the file's path inside the package when it is packed, empty when it is only listed (recordings). */
const MEDIA_COLUMNS = ['id', 'role', 'type', 'url', 'size', 'sha256', 'licence', 'file'];

function readme(edition: EditionInfo, origin: string, packed: readonly PackedFile[]): string {
  const sections = LOCALES.map((locale) => [
    translate(locale, 'export.readme.title', { edition: edition.label }),
    translate(locale, 'export.readme.contents'),
    translate(locale, 'export.readme.videos'),
    translate(locale, 'export.readme.source', { url: `${origin}${editionExportUrl(edition.slug)}` }),
  ].join('\n\n'));
  const files = packed.map((p) => `${p.sha256}  ${p.path}`).join('\n');
  // Checksum lines as `sha256sum` writes them, so a reuser can check the packed files with it.
  return `${sections.join('\n\n\n')}\n\n\nsha256\n\n${files}\n`;
}

function licences(edition: EditionInfo, items: { detail: ReturnType<typeof itemDetail>; manifest: Manifest }[], origin: string): string {
  const out = [`# ${translate(DEFAULT_LOCALE, 'export.licences.heading', { edition: edition.label })}`, ''];
  for (const locale of LOCALES) out.push(translate(locale, 'export.licences.intro'), '');
  for (const { detail, manifest } of items) {
    out.push(`## ${detail.title}`, '', `- ${LICENCES[manifest.licence].id}: ${LICENCES[manifest.licence].url}`);
    for (const locale of LOCALES) out.push(`- ${itemDetail(manifest, origin, locale).attribution.text}`);
    out.push('');
  }
  return out.join('\n');
}
