import { contentTypeOf } from '../../domain/content-type.js';
import type { ItemKind } from '../../domain/item.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { primaryLanguage } from '../../domain/text.js';
import type { HighlightPart } from '../../ports/search-index.js';
import { formatDate, formatDuration, isoDuration } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemHref, mediaUrl, urlFor } from '../urls.js';

/**
 * The card of an item, shared by the home page, listings and search results: enough to choose
 * (kind, edition, date, length, speakers) and to know before opening it whether it can be
 * followed (captions, transcript, audio description, sign language, easy-to-read).
 */
export interface ItemCard {
  id: string;
  href: string;
  title: string;
  /** The title split at the words a search matched (one unmarked part otherwise). */
  titleParts: HighlightPart[];
  /** The item's language when it differs from the page's (the `lang` of its title), else null. */
  lang: string | null;
  kind: ItemKind;
  kindLabel: string;
  edition: LinkRef | null;
  /** ISO date for <time datetime>, with its text in the page's language (not `date`: a view helper). */
  dateIso: string | null;
  dateText: string;
  /** "12 min 34 s" or "24 pages"; `lengthIso` is set for durations (PT12M34S). */
  length: string;
  lengthIso: string | null;
  speakers: LinkRef[];
  picture: Picture | null;
  badges: Badge[];
}

export interface LinkRef {
  text: string;
  href: string;
}

export interface Badge {
  text: string;
  tone: 'ok' | 'warn';
}

export interface Picture {
  /** Modern formats first (<source type>), the browser takes the first it can show. */
  sources: { type: string; srcset: string }[];
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

/** A card is at most about a third of the page wide, full width (less the margins) on phones. */
const CARD_SIZES = '(min-width: 48rem) 22rem, calc(100vw - 2rem)';

/** The `lang` to put on an item's own words when they are not in the page's language. */
export function langAttribute(language: string, locale: Locale): string | null {
  return primaryLanguage(language) === locale ? null : language;
}

export function itemCardOf(manifest: ManifestFields, locale: Locale, titleParts?: HighlightPart[]): ItemCard {
  const duration = manifest.media.class === 'document' ? null : manifest.media.duration;
  return {
    id: manifest.id,
    href: itemHref(manifest.kind, manifest.id, locale),
    title: manifest.title,
    titleParts: titleParts ?? [{ text: manifest.title, match: false }],
    lang: langAttribute(manifest.language, locale),
    kind: manifest.kind,
    kindLabel: kindLabel(manifest.kind, locale),
    edition: { text: manifest.edition.label, href: urlFor('edition', locale, { slug: manifest.edition.slug }) },
    dateIso: manifest.date,
    dateText: formatDate(locale, manifest.date),
    ...lengthOf(duration, manifest.media.pages, locale),
    speakers: manifest.speakers.map((s) => ({ text: s.name, href: urlFor('speaker', locale, { slug: s.slug }) })),
    picture: pictureOf(manifest),
    badges: badgesOf(manifest, locale),
  };
}

/**
 * A card from a search hit alone, for an item the catalogue has not loaded yet (indexed moments
 * ago): no picture or badges, names without links.
 */
export function itemCardOfHit(
  hit: { id: string; kind: ItemKind; title: string; titleParts: HighlightPart[]; edition: string; date: string | null; duration: number | null; pages: number | null; speakers: string[]; language: string },
  locale: Locale,
): ItemCard {
  return {
    id: hit.id,
    href: itemHref(hit.kind, hit.id, locale),
    title: hit.title,
    titleParts: hit.titleParts,
    lang: langAttribute(hit.language, locale),
    kind: hit.kind,
    kindLabel: kindLabel(hit.kind, locale),
    edition: null,
    dateIso: hit.date,
    dateText: formatDate(locale, hit.date),
    ...lengthOf(hit.duration, hit.pages, locale),
    speakers: [],
    picture: null,
    badges: [],
  };
}

export function kindLabel(kind: ItemKind, locale: Locale): string {
  return translate(locale, `card.kind.${kind}`);
}

function lengthOf(duration: number | null, pages: number | null, locale: Locale): { length: string; lengthIso: string | null } {
  if (duration !== null && duration > 0) return { length: formatDuration(locale, duration), lengthIso: isoDuration(duration) };
  if (pages !== null) return { length: translate(locale, 'card.pages', { count: pages }), lengthIso: null };
  return { length: '', lengthIso: null };
}

/** What people check before pressing play; documents have no speech, so nothing to say there. */
function badgesOf(manifest: ManifestFields, locale: Locale): Badge[] {
  const a = manifest.accessibility;
  const badges: Badge[] = [];
  if (manifest.kind !== 'document') {
    const family = manifest.kind === 'podcast' ? 'card.badge.transcript' : 'card.badge.captions';
    badges.push({ text: translate(locale, `${family}.${a.transcript}`), tone: a.transcript === 'reviewed' ? 'ok' : 'warn' });
  }
  if (a.audioDescription) badges.push({ text: translate(locale, 'card.badge.audioDescription'), tone: 'ok' });
  if (a.signLanguage) badges.push({ text: translate(locale, 'card.badge.signLanguage'), tone: 'ok' });
  if (a.easyRead) badges.push({ text: translate(locale, 'card.badge.easyRead'), tone: 'ok' });
  return badges;
}

type Image = ManifestFields['images']['posters'][number];

/** Posters; else a document's first page, a podcast's cover or its waveform. */
function imagesOf(manifest: ManifestFields): Image[] {
  if (manifest.images.posters.length > 0) return manifest.images.posters;
  const firstPage = manifest.images.pages.filter((p) => p.page === 1);
  if (firstPage.length > 0) return firstPage;
  if (manifest.images.cover) return [manifest.images.cover];
  return manifest.images.waveform ? [manifest.images.waveform] : [];
}

/** <picture> data: AVIF and WebP sources, JPEG (or PNG) for the <img> every browser shows. */
export function pictureOf(manifest: ManifestFields): Picture | null {
  const images = imagesOf(manifest);
  if (images.length === 0) return null;
  const byWidth = (list: Image[]): Image[] => [...list].sort((a, b) => a.width - b.width);
  const of = (format: Image['format']): Image[] => byWidth(images.filter((i) => i.format === format));
  const fallbackFormat = (['jpeg', 'png', 'webp', 'avif'] as const).find((f) => of(f).length > 0) ?? 'jpeg';
  const fallback = of(fallbackFormat);
  // The smallest image at least as wide as a card on a phone, else the widest there is.
  const img = fallback.find((i) => i.width >= 320) ?? fallback[fallback.length - 1];
  if (!img) return null;
  const srcset = (list: Image[]): string => list.map((i) => `${mediaUrl(i.key)} ${i.width}w`).join(', ');
  const sources = (['avif', 'webp'] as const)
    .filter((format) => format !== fallbackFormat && of(format).length > 0)
    // An image format is named as its file extension: the storage table gives its type.
    .map((format) => ({ type: contentTypeOf(`.${format}`), srcset: srcset(of(format)) }));
  return { sources, src: mediaUrl(img.key), srcset: srcset(fallback), sizes: CARD_SIZES, width: img.width, height: img.height };
}
