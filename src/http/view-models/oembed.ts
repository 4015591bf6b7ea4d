import { VIDEO_KINDS } from '../../domain/item.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { parseMoment, type Moment } from '../../domain/moment.js';
import { LOCALES, routePattern, type Locale } from '../locale.js';
import { urlFor } from '../urls.js';
import { escapeMarkup } from '../../lib/escape-markup.js';
import { momentLinkParam } from './moment.js';
import { fileUrl, previewImage } from './public-item.js';

/** An oEmbed 1.0 answer (https://oembed.com/#section2.3), JSON form. */
export interface OEmbed {
  version: '1.0';
  type: 'video' | 'rich';
  title: string;
  author_name?: string;
  author_url?: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

const DEFAULT_EMBED_WIDTH = 640;
export const OEMBED_CACHE_SECONDS = 3600;
const EMBEDDABLE_ROUTES = ['talk', 'podcast', 'document', 'embed'] as const;

/**
 * The item a URL of this site points to ("https://site/talks/<id>?t=5", "/en/podcasts/<id>",
 * "/embed/<id>"), or null for another site, another page or a malformed URL. The host must be
 * this site's; the scheme may differ (a page shared as http behind an https proxy).
 */
export function itemOfUrl(value: string, origin: string): { id: string; locale: Locale } | null {
  let url: URL;
  let own: URL;
  try {
    url = new URL(value);
    own = new URL(origin);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.host.toLowerCase() !== own.host.toLowerCase()) return null;
  for (const locale of LOCALES) {
    for (const route of EMBEDDABLE_ROUTES) {
      const [before, after] = routePattern(route, locale).split(':id');
      if (before === undefined || after === undefined) continue;
      if (!url.pathname.startsWith(before) || !url.pathname.endsWith(after)) continue;
      const segment = url.pathname.slice(before.length, url.pathname.length - after.length);
      if (segment === '' || segment.includes('/')) continue;
      try {
        return { id: decodeURIComponent(segment), locale };
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The moment a page's URL asks for (`?t=12:34,13:10`), within a recording lasting `duration`
 * seconds; null for none, an unreadable one (as the page itself ignores it) or a document.
 */
export function momentOfUrl(value: string, manifest: Pick<ManifestFields, 'kind' | 'media'>): Moment | null {
  if (manifest.kind === 'document') return null;
  let t: string | null;
  try {
    t = new URL(value).searchParams.get('t');
  } catch {
    return null;
  }
  const result = t === null ? null : parseMoment(t, manifest.media.duration);
  return result?.ok ? result.moment : null;
}

/**
 * The player in an iframe of /embed/<id> (at the moment of the page's URL, if it has one), 16:9, as large as asked within maxwidth × maxheight
 * (640 × 360 by default). Recordings with pictures are `video`; podcasts and documents `rich`.
 */
export function oembedOf(
  manifest: ManifestFields,
  options: { origin: string; locale: Locale; maxWidth?: number; maxHeight?: number; moment?: Moment | null },
): OEmbed {
  const { origin, locale } = options;
  const width = Math.max(1, Math.min(DEFAULT_EMBED_WIDTH, options.maxWidth ?? Infinity, Math.floor(((options.maxHeight ?? Infinity) * 16) / 9)));
  const height = Math.max(1, Math.floor((width * 9) / 16));
  const src = `${origin}${urlFor('embed', locale, { id: manifest.id }, { t: options.moment ? momentLinkParam(options.moment) : null })}`;
  const html =
    `<iframe src="${escapeMarkup(src)}" width="${width}" height="${height}" title="${escapeMarkup(manifest.title)}"` +
    ` loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>`;
  const answer: OEmbed = {
    version: '1.0',
    type: VIDEO_KINDS.includes(manifest.kind) ? 'video' : 'rich',
    title: manifest.title,
    provider_name: 'Médiacommuns',
    provider_url: `${origin}${urlFor('home', locale)}`,
    cache_age: OEMBED_CACHE_SECONDS,
    html,
    width,
    height,
  };
  const first = manifest.speakers[0];
  if (first) {
    answer.author_name = manifest.speakers.map((s) => s.name).join(', ');
    answer.author_url = `${origin}${urlFor('speaker', locale, { slug: first.slug })}`;
  }
  // The thumbnail must respect maxwidth/maxheight too (oEmbed 2.3.4).
  const thumbnail = previewImage(manifest, {
    minWidth: width,
    ...(options.maxWidth !== undefined ? { maxWidth: options.maxWidth } : {}),
    ...(options.maxHeight !== undefined ? { maxHeight: options.maxHeight } : {}),
  });
  if (thumbnail) {
    answer.thumbnail_url = fileUrl(origin, thumbnail.key);
    answer.thumbnail_width = thumbnail.width;
    answer.thumbnail_height = thumbnail.height;
  }
  return answer;
}
