import { v5 as uuidV5 } from 'uuid';
import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { translate } from '../i18n/messages.js';
import { DEFAULT_LOCALE, type Locale } from '../locale.js';
import { urlFor } from '../urls.js';
import { xmlDocument, type XmlNode } from '../xml.js';
import { chaptersFileUrl } from './api-item.js';
import { audioEnclosure, fileUrl, itemPageUrl, publishedDate, type Image } from './public-item.js';

/**
 * A podcast feed: RSS 2.0 with the iTunes tags podcast apps expect and the Podcasting 2.0
 * namespace (https://podcastindex.org/namespace/1.0): guid, license, transcripts, chapters and
 * people. Only podcasts with an audio file are episodes (an app cannot play anything else).
 */
const PODCAST_NAMESPACE_GUID = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';
export const CHAPTERS_TYPE = 'application/json+chapters';

const NAMESPACES = {
  '@version': '2.0',
  '@xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  '@xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  '@xmlns:atom': 'http://www.w3.org/2005/Atom',
};

interface FeedOptions {
  origin: string;
  /** The feed's own path ("/feeds/podcasts.xml"). */
  path: string;
  title: string;
  description: string;
  /** The web page the feed stands for (home page, edition page). */
  link: string;
  locale?: Locale;
}

/** podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes (namespace spec). */
export function feedGuid(feedUrl: string): string {
  return uuidV5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, ''), PODCAST_NAMESPACE_GUID);
}

/** RFC 822 date of RSS ("Thu, 30 Oct 2025 00:00:00 GMT"). */
export function rfc822(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? new Date(0).toUTCString() : date.toUTCString();
}

export function podcastFeed(podcasts: readonly ManifestFields[], options: FeedOptions): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const episodes = podcasts.filter((m) => m.kind === 'podcast' && audioEnclosure(m) !== null);
  const feedUrl = `${options.origin}${options.path}`;
  const cover = episodes.map(squareCover).find((image) => image !== null) ?? null;
  const coverUrl = cover ? fileUrl(options.origin, cover.key) : null;
  const licences = new Set(episodes.map((m) => m.licence));
  const shared = licences.size === 1 ? episodes[0] : undefined;
  const languages = new Set(episodes.map((m) => m.language));
  const updated = episodes.map((m) => m.pipeline.updatedAt).sort().at(-1);
  const channel: XmlNode = {
    title: options.title,
    link: options.link,
    'atom:link': { '@href': feedUrl, '@rel': 'self', '@type': 'application/rss+xml' },
    description: options.description,
    language: languages.size === 1 ? [...languages][0] ?? locale : locale,
    generator: 'Médiacommuns',
    lastBuildDate: updated ? rfc822(updated) : undefined,
    image: coverUrl ? { url: coverUrl, title: options.title, link: options.link } : undefined,
    'itunes:image': coverUrl ? { '@href': coverUrl } : undefined,
    'itunes:author': translate(locale, 'feed.author'),
    'itunes:summary': options.description,
    'itunes:explicit': 'false',
    'itunes:type': 'episodic',
    'itunes:category': [{ '@text': 'Society & Culture' }, { '@text': 'Technology' }],
    'podcast:guid': feedGuid(feedUrl),
    'podcast:medium': 'podcast',
    'podcast:license': shared ? licenceElement(shared) : undefined,
    item: episodes.map((m) => episode(m, options.origin)),
  };
  return xmlDocument({ rss: { ...NAMESPACES, channel } });
}

function episode(manifest: ManifestFields, origin: string): XmlNode {
  const enclosure = audioEnclosure(manifest);
  const cover = squareCover(manifest);
  return {
    title: manifest.title,
    link: itemPageUrl(manifest, origin),
    guid: { '#text': manifest.id, '@isPermaLink': 'false' },
    pubDate: rfc822(publishedDate(manifest)),
    description: manifest.summary || manifest.title,
    enclosure: enclosure ? { '@url': fileUrl(origin, enclosure.key), '@length': enclosure.size, '@type': enclosure.contentType } : undefined,
    'itunes:title': manifest.title,
    'itunes:duration': Math.round(manifest.media.duration),
    'itunes:author': manifest.speakers.length > 0 ? manifest.speakers.map((s) => s.name).join(', ') : undefined,
    'itunes:image': cover ? { '@href': fileUrl(origin, cover.key) } : undefined,
    'itunes:explicit': 'false',
    'itunes:episodeType': 'full',
    'podcast:transcript': manifest.text.transcripts.flatMap((t) => [
      { '@url': fileUrl(origin, t.vtt), '@type': 'text/vtt', '@language': t.language, '@rel': 'captions' },
      { '@url': fileUrl(origin, t.txt), '@type': 'text/plain', '@language': t.language },
    ]),
    'podcast:chapters': manifest.chapters.length > 0 ? { '@url': chaptersFileUrl(manifest, origin), '@type': CHAPTERS_TYPE } : undefined,
    'podcast:person': manifest.speakers.map((s) => ({
      '#text': s.name, '@role': personRole(s.role), '@group': 'cast', '@href': `${origin}${urlFor('speaker', DEFAULT_LOCALE, { slug: s.slug })}`,
    })),
    'podcast:license': licenceElement(manifest),
  };
}

/** The licence as the namespace asks: the SPDX identifier in lower case, with the licence's URL. */
function licenceElement(manifest: ManifestFields): XmlNode {
  return { '#text': manifest.licence.toLowerCase(), '@url': LICENCES[manifest.licence].url };
}

/** Host when the programme says so ("animatrice", "host", "présentateur"), else guest. */
export function personRole(role: string | undefined): 'host' | 'guest' {
  return role && /anima|host|pr[ée]sent|interview/i.test(role) ? 'host' : 'guest';
}

/** Podcast apps want a square picture (JPEG or PNG): the largest square one, when there is a cover. */
function squareCover(manifest: ManifestFields): Image | null {
  const square = [...manifest.images.posters, ...(manifest.images.cover ? [manifest.images.cover] : [])]
    .filter((image) => image.width === image.height && (image.format === 'jpeg' || image.format === 'png'))
    .sort((a, b) => b.width - a.width);
  return square[0] ?? null;
}

/** The JSON Chapters file of an item (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md). */
export function jsonChapters(manifest: ManifestFields): { version: '1.2.0'; chapters: { startTime: number; endTime: number; title: string }[] } {
  return {
    version: '1.2.0',
    chapters: manifest.chapters.map((c) => ({ startTime: c.start, endTime: c.end, title: c.title })),
  };
}
