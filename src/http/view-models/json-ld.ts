import { LICENCES } from '../../domain/licence.js';
import { isSilentVideo, type ManifestFields } from '../../domain/manifest.js';
import { themeSlug } from '../../services/catalogue/catalogue.js';
import { isoDuration } from '../format.js';
import { translate } from '../i18n/messages.js';
import { listFormat } from '../intl.js';
import { DEFAULT_LOCALE, type Locale } from '../locale.js';
import {
  audioEnclosure, durationOf, embedUrl, fileUrl, itemPageUrl, previewImage, publishedDate, videoFile,
} from './public-item.js';
import { urlFor } from '../urls.js';

/**
 * schema.org descriptions (https://schema.org) rendered as JSON-LD in the pages' head: search
 * engines and reusers learn what an item is, who speaks, its licence, its chapters and how
 * accessible it is. Values are plain data; the view escapes them for the script block.
 */
type JsonLd = Record<string, unknown>;

/** Search engines index a transcript's beginning; the page itself holds the whole text. */
export const MAX_TRANSCRIPT_CHARS = 5000;

const SCHEMA_TYPES = { talk: 'VideoObject', podcast: 'PodcastEpisode', document: 'DigitalDocument' } as const;

/** schema.org description of one item (VideoObject, PodcastEpisode or DigitalDocument). */
export function itemJsonLd(manifest: ManifestFields, origin: string, locale: Locale, transcriptText?: string): JsonLd {
  const route = manifest.kind === 'podcast' ? 'podcast' : manifest.kind === 'document' ? 'document' : 'talk';
  const url = itemPageUrl(manifest, origin, locale);
  const duration = durationOf(manifest);
  const thumbnail = previewImage(manifest);
  const transcript = transcriptText ? cutText(transcriptText, MAX_TRANSCRIPT_CHARS) : undefined;
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[route],
    '@id': `${itemPageUrl(manifest, origin, DEFAULT_LOCALE)}#item`,
    url,
    name: manifest.title,
    description: manifest.summary || manifest.title,
    inLanguage: manifest.language,
    datePublished: publishedDate(manifest),
    dateModified: manifest.pipeline.updatedAt,
    license: LICENCES[manifest.licence].url,
    isAccessibleForFree: true,
    ...(thumbnail ? { thumbnailUrl: fileUrl(origin, thumbnail.key) } : {}),
    ...people(manifest, origin, locale),
    isPartOf: editionEvent(manifest, origin, locale),
    ...(manifest.themes.length > 0
      ? { about: manifest.themes.map((name) => ({ '@type': 'Thing', name, url: `${origin}${urlFor('theme', locale, { slug: themeSlug(name) })}` })) }
      : {}),
    accessMode: accessModes(manifest),
    accessibilityFeature: accessibilityFeatures(manifest),
    accessibilitySummary: accessibilitySummary(manifest, locale),
  };
  if (route === 'talk') {
    const mp4 = videoFile(manifest);
    Object.assign(data, {
      uploadDate: publishedDate(manifest),
      ...(duration !== null ? { duration: isoDuration(duration) } : {}),
      ...(mp4 ? { contentUrl: fileUrl(origin, mp4.key), encodingFormat: mp4.contentType } : {}),
      embedUrl: embedUrl(manifest, origin, locale),
      ...(transcript ? { transcript } : {}),
    });
  } else if (route === 'podcast') {
    const audio = audioEnclosure(manifest);
    Object.assign(data, {
      ...(duration !== null ? { duration: isoDuration(duration) } : {}),
      associatedMedia: {
        '@type': 'AudioObject',
        ...(audio ? { contentUrl: fileUrl(origin, audio.key), encodingFormat: audio.contentType, contentSize: String(audio.size) } : {}),
        embedUrl: embedUrl(manifest, origin, locale),
        ...(duration !== null ? { duration: isoDuration(duration) } : {}),
        ...(transcript ? { transcript } : {}),
      },
    });
  } else {
    const pdf = manifest.downloads.find((d) => d.format === 'pdf') ?? manifest.source;
    Object.assign(data, {
      encodingFormat: pdf.contentType,
      associatedMedia: { '@type': 'MediaObject', contentUrl: fileUrl(origin, pdf.key), encodingFormat: pdf.contentType, contentSize: String(pdf.size) },
    });
  }
  if (manifest.chapters.length > 0 && route !== 'document') {
    data.hasPart = manifest.chapters.map((c) => ({
      '@type': 'Clip',
      name: c.title,
      startOffset: Math.floor(c.start),
      endOffset: Math.ceil(c.end),
      url: `${url}?t=${Math.floor(c.start)}`,
    }));
  }
  return data;
}

/** The site itself, with the search box search engines can offer (WebSite + SearchAction). */
export function siteJsonLd(origin: string, locale: Locale): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${origin}/#website`,
    url: `${origin}${urlFor('home', locale)}`,
    name: translate(locale, 'site.name'),
    description: translate(locale, 'site.tagline'),
    inLanguage: locale,
    potentialAction: {
      '@type': 'SearchAction',
      // The placeholder must stay literal: urlFor would percent-encode its braces.
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}${urlFor('search', locale)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** Speakers are the item's creators; moderators and hosts contribute to it. */
function people(manifest: ManifestFields, origin: string, locale: Locale): JsonLd {
  const person = (s: ManifestFields['speakers'][number]): JsonLd => ({
    '@type': 'Person',
    name: s.name,
    url: `${origin}${urlFor('speaker', locale, { slug: s.slug })}`,
    ...(s.organisation ? { affiliation: { '@type': 'Organization', name: s.organisation } } : {}),
  });
  const contributes = (s: ManifestFields['speakers'][number]): boolean => /mod[ée]rat|anima|host|pr[ée]sent/i.test(s.role ?? '');
  const creators = manifest.speakers.filter((s) => !contributes(s)).map(person);
  const contributors = manifest.speakers.filter(contributes).map(person);
  return { ...(creators.length > 0 ? { creator: creators } : {}), ...(contributors.length > 0 ? { contributor: contributors } : {}) };
}

function editionEvent(manifest: ManifestFields, origin: string, locale: Locale): JsonLd {
  return {
    '@type': 'Event',
    name: translate(locale, 'jsonld.event', { edition: manifest.edition.label }),
    url: `${origin}${urlFor('edition', locale, { slug: manifest.edition.slug })}`,
    startDate: manifest.date ?? String(manifest.edition.year),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: manifest.edition.city, address: { '@type': 'PostalAddress', addressLocality: manifest.edition.city } },
  };
}

/** How the content is perceived: a video recorded without sound is visual only. */
function accessModes(manifest: ManifestFields): string[] {
  if (manifest.kind === 'document') return ['textual', 'visual'];
  if (manifest.kind === 'podcast') return ['auditory'];
  return isSilentVideo(manifest) ? ['visual'] : ['auditory', 'visual'];
}

/** schema.org accessibilityFeature values (https://www.w3.org/2021/a11y-discov-vocab/latest/), only what is there. */
export function accessibilityFeatures(manifest: ManifestFields): string[] {
  const a = manifest.accessibility;
  const features: string[] = [];
  // A podcast's timed text is a transcript, not captions over a picture.
  if (a.captions && manifest.kind !== 'podcast') features.push('captions');
  if (a.transcript !== 'none') features.push('transcript');
  if (a.audioDescription) features.push('audioDescription');
  if (a.signLanguage) features.push('signLanguage');
  if (manifest.chapters.length > 0) features.push('structuralNavigation');
  if (manifest.text.pages) features.push('displayTransformability');
  return features;
}

function accessibilitySummary(manifest: ManifestFields, locale: Locale): string {
  const a = manifest.accessibility;
  const t = (key: string): string => translate(locale, `jsonld.${key}`);
  const features: string[] = [];
  if (a.captions && manifest.kind !== 'podcast') features.push(t(a.reviewedTranscript ? 'captions.reviewed' : 'captions.automatic'));
  if (a.transcript !== 'none') features.push(t(`transcript.${a.transcript}`));
  if (a.audioDescription) features.push(t('audioDescription'));
  if (a.signLanguage) features.push(t('signLanguage'));
  if (a.easyRead) features.push(t('easyRead'));
  if (manifest.text.pages) features.push(t('pageText'));
  // A video without sound lacks no captions: say what it is rather than what it misses.
  const silent = isSilentVideo(manifest) ? ` ${t('silent')}` : '';
  if (features.length === 0) return silent ? silent.trim() : t('none');
  const list = listFormat(locale).format(features);
  return `${translate(locale, 'jsonld.offers', { features: list })}${silent}`;
}

/** At most `max` characters, cut at a word, with an ellipsis when cut. */
export function cutText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
