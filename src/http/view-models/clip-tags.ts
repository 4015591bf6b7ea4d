import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import type { ClipTags } from '../../pipeline/clip-command.js';
import type { Locale } from '../locale.js';
import { itemHref } from '../urls.js';
import { attributionOf } from './attribution.js';
import { listFormat } from '../intl.js';

/** What a clip file carries about itself: title, speakers, date, licence and the credit to paste. */
export function clipTagsOf(manifest: ManifestFields, origin: string, locale: Locale): ClipTags {
  const licence = LICENCES[manifest.licence];
  return {
    title: manifest.title,
    artist: listFormat(locale).format(manifest.speakers.map((s) => s.name)),
    date: manifest.date ?? String(manifest.edition.year),
    copyright: `${licence.id} (${licence.url})`,
    comment: attributionOf(manifest, `${origin}${itemHref(manifest.kind, manifest.id, locale)}`, locale).text,
  };
}
