import type { ManifestFields } from '../../domain/manifest.js';
import type { EditionSummary } from '../../services/catalogue/catalogue.js';
import { LOCALES } from '../locale.js';
import { iiifCollectionUrl, iiifManifestUrl, urlFor } from '../urls.js';
import { inEveryLocale, inLanguage, PRESENTATION_CONTEXT, type LanguageMap } from './iiif-parts.js';
import { fileUrl, previewImage } from './public-item.js';

/**
 * IIIF Collections: the archive (/iiif/collection.json) lists one Collection per edition, newest
 * first; an edition's (/iiif/editions/<slug>/collection.json) lists its items' Manifests in the
 * site's order (newest first, then by title).
 */
interface Reference {
  id: string;
  type: 'Collection' | 'Manifest';
  label: LanguageMap;
  thumbnail?: { id: string; type: 'Image'; format: string; width: number; height: number }[];
}

export interface IiifCollection {
  '@context': string;
  id: string;
  type: 'Collection';
  label: LanguageMap;
  homepage: { id: string; type: 'Text'; format: 'text/html'; language: string[]; label: LanguageMap }[];
  partOf?: { id: string; type: 'Collection' }[];
  items: Reference[];
}

export function archiveCollection(editions: readonly EditionSummary[], origin: string): IiifCollection {
  const label = inEveryLocale('iiif.archive');
  return {
    '@context': PRESENTATION_CONTEXT,
    id: `${origin}${iiifCollectionUrl()}`,
    type: 'Collection',
    label,
    homepage: LOCALES.map((locale) => ({ id: `${origin}${urlFor('home', locale)}`, type: 'Text', format: 'text/html', language: [locale], label })),
    items: editions.map((edition) => ({ id: `${origin}${iiifCollectionUrl(edition.slug)}`, type: 'Collection', label: inEveryLocale('iiif.editionCollection', { edition: edition.label }) })),
  };
}

export function editionCollection(edition: EditionSummary, origin: string): IiifCollection {
  const label = inEveryLocale('iiif.editionCollection', { edition: edition.label });
  return {
    '@context': PRESENTATION_CONTEXT,
    id: `${origin}${iiifCollectionUrl(edition.slug)}`,
    type: 'Collection',
    label,
    homepage: LOCALES.map((locale) => ({ id: `${origin}${urlFor('edition', locale, { slug: edition.slug })}`, type: 'Text', format: 'text/html', language: [locale], label })),
    partOf: [{ id: `${origin}${iiifCollectionUrl()}`, type: 'Collection' }],
    items: edition.items.map((item) => manifestReference(item, origin)),
  };
}

function manifestReference(manifest: ManifestFields, origin: string): Reference {
  const poster = previewImage(manifest, { minWidth: 320 });
  return {
    id: `${origin}${iiifManifestUrl(manifest.id)}`,
    type: 'Manifest',
    label: inLanguage(manifest.language, manifest.title),
    ...(poster ? { thumbnail: [{ id: fileUrl(origin, poster.key), type: 'Image', format: `image/${poster.format}`, width: poster.width, height: poster.height }] } : {}),
  };
}
