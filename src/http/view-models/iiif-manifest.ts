import { CONFERENCE_NAME } from '../../domain/conference.js';
import { languageName } from '../../domain/language.js';
import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import type { PageTextFile } from '../../domain/text.js';
import { LOCALES } from '../locale.js';
import { iiifManifestUrl, iiifSearchUrl, itemApiUrl, itemDetailApiUrl, urlFor } from '../urls.js';
import { attributionOf } from './attribution.js';
import { chapterStructures, pageCanvases, recordingCanvas, type Canvas, type Range, type Resource } from './iiif-canvases.js';
import { inEveryLocale, inLanguage, PRESENTATION_CONTEXT, rightsUri, SEARCH_CONTEXT, type LabelValue, type LanguageMap } from './iiif-parts.js';
import { fileUrl, itemPageUrl, previewImage, publishedDate } from './public-item.js';

/**
 * An item as a IIIF Presentation 3.0 Manifest (/iiif/<id>/manifest.json): what a IIIF viewer
 * (Universal Viewer, Mirador, Ramp, Clover…) needs to play or page through it with its texts,
 * and what an aggregator needs to describe and credit it. Every id is an absolute URL.
 */
export interface IiifManifest {
  '@context': string | string[];
  id: string;
  type: 'Manifest';
  label: LanguageMap;
  summary?: LanguageMap;
  metadata: LabelValue[];
  requiredStatement: LabelValue;
  rights?: string;
  provider: { id: string; type: 'Agent'; label: LanguageMap; homepage: Resource[] }[];
  homepage: Resource[];
  seeAlso: (Resource & { profile?: string })[];
  rendering: Resource[];
  thumbnail?: Resource[];
  behavior?: string[];
  items: Canvas[];
  structures?: Range[];
  service?: { id: string; type: 'SearchService2'; label: LanguageMap }[];
}

export interface IiifManifestInput {
  manifest: ManifestFields;
  origin: string;
  /** A document's page text (the file `manifest.text.pages` lists), null when it has none. */
  pages: PageTextFile | null;
  /** Whether the item has passages in the search index to offer a Content Search service over. */
  searchable: boolean;
}

export function iiifManifest({ manifest, origin, pages, searchable }: IiifManifestInput): IiifManifest {
  const isDocument = manifest.media.class === 'document';
  const items = isDocument ? pageCanvases(manifest, origin, pages) : [recordingCanvas(manifest, origin)];
  const structures = chapterStructures(manifest, origin);
  const poster = previewImage(manifest);
  const rights = rightsUri(manifest.licence);
  return {
    // With a search service, its context comes first and Presentation's last (Content Search 2.0 §3.1).
    '@context': searchable ? [SEARCH_CONTEXT, PRESENTATION_CONTEXT] : PRESENTATION_CONTEXT,
    id: `${origin}${iiifManifestUrl(manifest.id)}`,
    type: 'Manifest',
    label: inLanguage(manifest.language, manifest.title),
    ...(manifest.summary.trim() !== '' ? { summary: inLanguage(manifest.language, manifest.summary) } : {}),
    metadata: metadataOf(manifest),
    requiredStatement: {
      label: inEveryLocale('iiif.attribution'),
      value: Object.fromEntries(LOCALES.map((locale) => [locale, [attributionOf(manifest, itemPageUrl(manifest, origin, locale), locale).text]])),
    },
    ...(rights ? { rights } : {}),
    provider: [{
      id: `${origin}/`,
      type: 'Agent',
      label: inLanguage(null, CONFERENCE_NAME),
      homepage: LOCALES.map((locale) => ({ id: `${origin}${urlFor('home', locale)}`, type: 'Text', format: 'text/html', language: [locale], label: inLanguage(null, CONFERENCE_NAME) })),
    }],
    homepage: LOCALES.map((locale) => ({ id: itemPageUrl(manifest, origin, locale), type: 'Text', format: 'text/html', language: [locale], label: inLanguage(manifest.language, manifest.title) })),
    seeAlso: seeAlsoOf(manifest, origin),
    rendering: renderingOf(manifest, origin),
    ...(poster ? { thumbnail: [{ id: fileUrl(origin, poster.key), type: 'Image', format: `image/${poster.format}`, width: poster.width, height: poster.height }] } : {}),
    // A magazine is read page after page: viewers show it as a book.
    ...(isDocument ? { behavior: ['paged'] } : {}),
    items,
    ...(structures.length > 0 ? { structures } : {}),
    ...(searchable ? { service: [{ id: `${origin}${iiifSearchUrl(manifest.id)}`, type: 'SearchService2' as const, label: inEveryLocale('iiif.search') }] } : {}),
  };
}

/** Speakers, edition, date, themes, language and licence: labels in every locale, values as the programme gives them. */
function metadataOf(manifest: ManifestFields): LabelValue[] {
  const licence = LICENCES[manifest.licence];
  const entries: LabelValue[] = [];
  const speakers = manifest.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name));
  if (speakers.length > 0) entries.push({ label: inEveryLocale('iiif.speakers'), value: inLanguage(null, ...speakers) });
  entries.push({ label: inEveryLocale('iiif.edition'), value: inLanguage(null, `${CONFERENCE_NAME} ${manifest.edition.label}`) });
  entries.push({ label: inEveryLocale('iiif.date'), value: inLanguage(null, publishedDate(manifest)) });
  if (manifest.themes.length > 0) entries.push({ label: inEveryLocale('iiif.themes'), value: inLanguage(manifest.language, ...manifest.themes) });
  entries.push({ label: inEveryLocale('iiif.language'), value: Object.fromEntries(LOCALES.map((locale) => [locale, [languageName(manifest.language, locale)]])) });
  // IIIF allows simple HTML (an a with href) in values: the licence's name linked to its text.
  entries.push({
    label: inEveryLocale('iiif.licence'),
    value: Object.fromEntries(LOCALES.map((locale) => [locale, [`<a href="${licence.url}">${escapeHtml(licence.name[locale])}</a>`]])),
  });
  return entries;
}

/** Machine-readable descriptions: the API's record, then the item's texts as files to read. */
function seeAlsoOf(manifest: ManifestFields, origin: string): (Resource & { profile?: string })[] {
  const api = (file: string, query: Record<string, string> = {}): string => `${origin}${itemApiUrl(manifest.id, file, query)}`;
  const list: (Resource & { profile?: string })[] = [
    { id: `${origin}${itemDetailApiUrl(manifest.id)}`, type: 'Dataset', format: 'application/json', profile: `${origin}/api/openapi.json`, label: inEveryLocale('iiif.record') },
  ];
  for (const t of manifest.text.transcripts) {
    list.push({ id: api('transcript.txt', { lang: t.language }), type: 'Text', format: 'text/plain', language: [t.language], label: inEveryLocale('iiif.transcriptFile', { language: t.language }) });
  }
  if (manifest.text.slides) list.push({ id: api('slides.txt'), type: 'Text', format: 'text/plain', language: [manifest.text.slides.language], label: inEveryLocale('iiif.slidesFile') });
  if (manifest.text.pages) list.push({ id: api('pages.txt'), type: 'Text', format: 'text/plain', language: [manifest.text.pages.language], label: inEveryLocale('iiif.pagesFile') });
  return list;
}

/**
 * Files to download rather than to show on a Canvas: the PDF (a document, or a talk's slides).
 * The clip endpoint is left out: it makes a file for a moment asked, not one resource.
 */
function renderingOf(manifest: ManifestFields, origin: string): Resource[] {
  const pdfs = [manifest.media.class === 'document' ? manifest.source : null, manifest.slides].filter((f) => f !== null);
  return pdfs.map((file) => ({ id: fileUrl(origin, file.key), type: 'Text', format: 'application/pdf', label: inLanguage(manifest.language, manifest.title) }));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
