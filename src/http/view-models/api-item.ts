import { LICENCES } from '../../domain/licence.js';
import { isSilentVideo, type ManifestFields, type StoredFile } from '../../domain/manifest.js';
import { themeSlug } from '../../services/catalogue/catalogue.js';
import { LOCALES, type Locale } from '../locale.js';
import { urlFor } from '../urls.js';
import { attributionOf, type Attribution } from './attribution.js';
import {
  durationOf, embedUrl, fileUrl, itemPageUrl, previewImage, publishedDate, type Download, type Image,
} from './public-item.js';

/**
 * The JSON API's view of items: a summary for lists and the full public description. Only what
 * reusers need: URLs of every public file with size, checksum and type; never internal fields
 * (pipeline inputs, work paths, warnings).
 */
export interface ApiLicence {
  id: string;
  name: string;
  url: string;
}

export interface ApiItemSummary {
  id: string;
  kind: ManifestFields['kind'];
  title: string;
  url: string;
  apiUrl: string;
  edition: { slug: string; label: string; year: number; city: string };
  date: string;
  duration: number | null;
  pages: number | null;
  language: string;
  licence: ApiLicence;
  speakers: { name: string; organisation: string | null; slug: string; url: string }[];
  themes: { name: string; slug: string; url: string }[];
  accessibility: ManifestFields['accessibility'];
  poster: string | null;
  updatedAt: string;
}

export interface ApiFile {
  url: string;
  size: number;
  sha256: string;
  type: string;
}

export interface ApiImage {
  url: string;
  width: number;
  height: number;
  format: Image['format'];
}

export interface ApiItem extends ApiItemSummary {
  summary: string;
  urls: Record<Locale, string>;
  embedUrl: string;
  oembedUrl: string;
  media: {
    class: ManifestFields['media']['class'];
    width: number | null;
    height: number | null;
    /** HLS master playlist (adaptive streaming), null for documents. */
    hls: string | null;
    /** false for a video recorded without sound (no audio in its HLS or MP4), null for documents. */
    sound: boolean | null;
    downloads: (ApiFile & { format: Download['format']; label: string; width: number | null; height: number | null })[];
    original: (ApiFile & { fileName: string }) | null;
    slides: ApiFile | null;
    signLanguage: { hls: string; mp4: string; width: number; height: number } | null;
    audioDescription: { type: 'text' | 'audio'; url: string } | null;
  };
  images: {
    posters: ApiImage[];
    cover: ApiImage | null;
    waveform: ApiImage | null;
    storyboard: { vtt: string; sheets: string[]; interval: number; tileWidth: number; tileHeight: number } | null;
    pages: (ApiImage & { page: number })[];
  };
  tracks: { kind: ManifestFields['tracks'][number]['kind']; language: string; label: string; url: string; format: string; origin: string }[];
  chapters: { start: number; end: number; title: string; url: string }[];
  /** JSON Chapters file (Podcasting 2.0), null when the item has no chapters. */
  chaptersUrl: string | null;
  transcripts: { language: string; source: string; vtt: string; txt: string; json: string; cues: number; words: number }[];
  slideText: { url: string; count: number; language: string } | null;
  pageText: { url: string; count: number; language: string; ocrPages: number } | null;
  attribution: Attribution;
  publishedAt: string;
}

export function apiLicence(manifest: ManifestFields, locale: Locale): ApiLicence {
  const licence = LICENCES[manifest.licence];
  return { id: licence.id, name: licence.name[locale], url: licence.url };
}

export function itemSummary(manifest: ManifestFields, origin: string, locale: Locale): ApiItemSummary {
  const poster = previewImage(manifest);
  return {
    id: manifest.id,
    kind: manifest.kind,
    title: manifest.title,
    url: itemPageUrl(manifest, origin, locale),
    apiUrl: `${origin}/api/items/${encodeURIComponent(manifest.id)}`,
    edition: { slug: manifest.edition.slug, label: manifest.edition.label, year: manifest.edition.year, city: manifest.edition.city },
    date: publishedDate(manifest),
    duration: durationOf(manifest),
    pages: manifest.media.pages,
    language: manifest.language,
    licence: apiLicence(manifest, locale),
    speakers: manifest.speakers.map((s) => ({
      name: s.name,
      organisation: s.organisation ?? null,
      slug: s.slug,
      url: `${origin}${urlFor('speaker', locale, { slug: s.slug })}`,
    })),
    themes: manifest.themes.map((name) => ({ name, slug: themeSlug(name), url: `${origin}${urlFor('theme', locale, { slug: themeSlug(name) })}` })),
    accessibility: manifest.accessibility,
    poster: poster ? fileUrl(origin, poster.key) : null,
    updatedAt: manifest.pipeline.updatedAt,
  };
}

export function itemDetail(manifest: ManifestFields, origin: string, locale: Locale): ApiItem {
  const summary = itemSummary(manifest, origin, locale);
  const file = (stored: StoredFile): ApiFile => ({ url: fileUrl(origin, stored.key), size: stored.size, sha256: stored.sha256, type: stored.contentType });
  const image = (img: Image): ApiImage => ({ url: fileUrl(origin, img.key), width: img.width, height: img.height, format: img.format });
  const url = (key: string): string => fileUrl(origin, key);
  const video = manifest.media.video;
  return {
    ...summary,
    summary: manifest.summary,
    urls: Object.fromEntries(LOCALES.map((target) => [target, itemPageUrl(manifest, origin, target)])) as Record<Locale, string>,
    embedUrl: embedUrl(manifest, origin, locale),
    oembedUrl: `${origin}/oembed?url=${encodeURIComponent(summary.url)}&format=json`,
    media: {
      class: manifest.media.class,
      width: video?.displayWidth ?? null,
      height: video?.displayHeight ?? null,
      hls: manifest.hls ? url(manifest.hls.master) : null,
      sound: manifest.media.class === 'document' ? null : !isSilentVideo(manifest),
      downloads: manifest.downloads.map((d) => ({ ...file(d), format: d.format, label: d.label, width: d.width, height: d.height })),
      original: { ...file(manifest.source), fileName: manifest.source.fileName },
      slides: manifest.slides ? file(manifest.slides) : null,
      signLanguage: manifest.signLanguage
        ? { hls: url(manifest.signLanguage.hls), mp4: url(manifest.signLanguage.mp4), width: manifest.signLanguage.width, height: manifest.signLanguage.height }
        : null,
      audioDescription: manifest.audioDescription ? { type: manifest.audioDescription.type, url: url(manifest.audioDescription.key) } : null,
    },
    images: {
      posters: manifest.images.posters.map(image),
      cover: manifest.images.cover ? image(manifest.images.cover) : null,
      waveform: manifest.images.waveform ? image(manifest.images.waveform) : null,
      storyboard: manifest.images.storyboard
        ? { ...manifest.images.storyboard, vtt: url(manifest.images.storyboard.vtt), sheets: manifest.images.storyboard.sheets.map(url) }
        : null,
      pages: manifest.images.pages.map((img) => ({ page: img.page, ...image(img) })),
    },
    tracks: manifest.tracks.map((t) => ({ kind: t.kind, language: t.language, label: t.label, url: url(t.key), format: t.format, origin: t.origin })),
    chapters: manifest.chapters.map((c) => ({ ...c, url: `${summary.url}?t=${Math.floor(c.start)}` })),
    chaptersUrl: manifest.chapters.length > 0 ? chaptersFileUrl(manifest, origin) : null,
    transcripts: manifest.text.transcripts.map((t) => ({
      language: t.language, source: t.source, vtt: url(t.vtt), txt: url(t.txt), json: url(t.json), cues: t.cues, words: t.words,
    })),
    slideText: manifest.text.slides ? { url: url(manifest.text.slides.key), count: manifest.text.slides.count, language: manifest.text.slides.language } : null,
    pageText: manifest.text.pages
      ? { url: url(manifest.text.pages.key), count: manifest.text.pages.count, language: manifest.text.pages.language, ocrPages: manifest.text.pages.ocrPages }
      : null,
    attribution: attributionOf(manifest, summary.url, locale),
    publishedAt: manifest.pipeline.ingestedAt,
  };
}

/** Where the item's chapters are served in the JSON Chapters format (podcast apps read it). */
export function chaptersFileUrl(manifest: Pick<ManifestFields, 'id'>, origin: string): string {
  return `${origin}/feeds/chapters/${encodeURIComponent(manifest.id)}.json`;
}
