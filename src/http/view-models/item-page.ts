import type { ItemKind } from '../../domain/item.js';
import type { Manifest } from '../../domain/manifest.js';
import { primaryLanguage, type PageTextFile, type SlideTextFile, type TranscriptFile } from '../../domain/text.js';
import { themeSlug } from '../../services/catalogue/catalogue.js';
import { formatBytes, timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemRoute, mediaUrl, urlFor, type ItemRoute } from '../urls.js';
import { documentPagesModel, paragraphsOf, type DocumentPagesModel } from './document-pages.js';
import { downloadsOf, type DownloadModel } from './downloads.js';
import { itemCitationModel, type ItemCitationModel } from './item-citation.js';
import type { ItemQuery } from './item-query.js';
import { embedCode, licenceModel, type LicenceModel } from './licence.js';
import { citeModel, momentLinkParam, momentModel, type CiteModel, type MomentModel } from './moment.js';
import { playerModel, signLanguageOf, statusOf, type PlayerModel, type SignLanguageModel, type StatusModel } from './player.js';
import { textFileLinks, type TextFileLinks } from './text-files/text-file-links.js';
import { linesOf, slidesModel, transcriptModel, type PageHref, type SlideModel, type TranscriptModel } from './transcript.js';

/** The id of the downloads section (views/partials/item-downloads.hbs). */
const DOWNLOADS_ANCHOR = 'telechargements';

/** What the page reads besides the manifest (each may be missing: the page still renders). */
export interface ItemTexts {
  transcript: TranscriptFile | null;
  slides: SlideTextFile | null;
  pages: PageTextFile | null;
}

export interface ItemPageInput {
  manifest: Manifest;
  locale: Locale;
  origin: string;
  /** The page being rendered (its links to moments stay on it: the embed page links to itself). */
  route: ItemRoute | 'embed';
  query: ItemQuery;
  texts: ItemTexts;
}

export interface ChapterModel {
  start: number;
  time: string;
  href: string;
  label: string;
  title: string;
}

export interface ItemPageModel {
  id: string;
  kind: ItemKind;
  kindLabel: string;
  title: string;
  /** The item's language when it is not the page's: put on its title, summary, chapters. */
  lang: string | null;
  summary: string[][];
  description: string;
  edition: { label: string; href: string };
  date: string | null;
  duration: number | null;
  speakers: { name: string; organisation: string | null; href: string }[];
  themes: { name: string; href: string }[];
  breadcrumb: { text: string; href: string }[];
  pageUrl: string;
  fullPage: { href: string; url: string };
  /** Where the player's fallback sends people to download: the embed page has no downloads, its full page does. */
  downloadsHref: string;
  status: StatusModel;
  player: PlayerModel | null;
  sign: SignLanguageModel | null;
  /** `needsScript`: hls.js picks the described rendition in the master (a silent talk's own master needs no JS). */
  describedAudio: { href: string; active: boolean; needsScript: boolean } | null;
  chapters: ChapterModel[];
  transcript: TranscriptModel | null;
  slides: SlideModel[];
  /** Links to the text as files (transcript formats, slide text, PDF pages); null on the embed page. */
  textFiles: TextFileLinks | null;
  downloads: DownloadModel[];
  licence: LicenceModel;
  embed: { url: string; code: string };
  /** The part of the recording asked for (`?t=`), when there is a player. */
  moment: MomentModel | null;
  cite: CiteModel;
  /** The reference to copy, the RIS/BibTeX/CSL-JSON links and the head's citation tags. */
  citation: ItemCitationModel;
  document: (DocumentPagesModel & { jump: { href: string; text: string } | null; q: string | null; file: { href: string; fileName: string; text: string } | null }) | null;
  /** Poster or cover for link previews, absolute. */
  image: string | null;
}

export function itemPageModel(input: ItemPageInput): ItemPageModel {
  const { manifest, locale, origin, query, texts } = input;
  const t = (key: string, vars: Record<string, unknown> = {}): string => translate(locale, key, vars);
  const section = itemRoute(manifest.kind);
  const fullPath = urlFor(section, locale, { id: manifest.id });
  const pageUrl = `${origin}${fullPath}`;
  const href: PageHref = (params, fragment) => {
    const kept = { transcript: query.transcript, ad: query.audioDescribed ? '1' : null, ...params };
    return `${urlFor(input.route, locale, { id: manifest.id }, kept)}${fragment ? `#${fragment}` : ''}`;
  };
  const isDocument = manifest.kind === 'document';
  // A moment means nothing in a document (its pages are `?page=`).
  const moment = isDocument ? null : query.moment;
  const player = isDocument ? null : playerModel(manifest, locale, moment, query.audioDescribed);
  const hasPlayer = player !== null && player.sources.length > 0;
  const itemLang = primaryLanguage(manifest.language) === locale ? null : manifest.language;
  const embedUrl = `${origin}${urlFor('embed', locale, { id: manifest.id })}`;
  const downloads = downloadsOf(manifest, locale);
  const pagesOfDocument = isDocument ? documentPagesModel(manifest, texts.pages, locale, { current: query.page, q: query.q }) : null;

  return {
    id: manifest.id,
    kind: manifest.kind,
    kindLabel: t(`item.kind.${manifest.kind}`),
    title: manifest.title,
    lang: itemLang,
    summary: paragraphsOf(manifest.summary),
    description: shorten(manifest.summary || manifest.title, 200),
    edition: { label: manifest.edition.label, href: urlFor('edition', locale, { slug: manifest.edition.slug }) },
    date: manifest.date,
    duration: isDocument || manifest.media.duration <= 0 ? null : manifest.media.duration,
    speakers: manifest.speakers.map((s) => ({ name: s.name, organisation: s.organisation ?? null, href: urlFor('speaker', locale, { slug: s.slug }) })),
    themes: manifest.themes.map((name) => ({ name, href: urlFor('theme', locale, { slug: themeSlug(name) }) })),
    breadcrumb: [
      { text: t('nav.home'), href: urlFor('home', locale) },
      { text: manifest.edition.label, href: urlFor('edition', locale, { slug: manifest.edition.slug }) },
    ],
    pageUrl,
    fullPage: { href: moment !== null ? urlFor(section, locale, { id: manifest.id }, { t: momentLinkParam(moment) }) : fullPath, url: pageUrl },
    downloadsHref: `${input.route === 'embed' ? fullPath : ''}#${DOWNLOADS_ANCHOR}`,
    status: statusOf(manifest, locale),
    player: hasPlayer ? player : null,
    sign: hasPlayer ? signLanguageOf(manifest, moment) : null,
    describedAudio: hasPlayer && (player.describedAudio || player.describedVersion)
      ? { href: href({ ad: query.audioDescribed ? null : '1' }, 'player'), active: query.audioDescribed, needsScript: player.describedAudio !== null }
      : null,
    chapters: manifest.chapters.map((c) => {
      const time = timecode(c.start);
      return { start: c.start, time, href: href({ t: Math.floor(c.start) }, 'player'), label: t('item.playFrom', { time }), title: c.title };
    }),
    transcript: texts.transcript ? transcriptModel(texts.transcript, manifest, locale, href) : null,
    slides: slidesOf(texts, isDocument, locale, href),
    textFiles: input.route === 'embed' ? null : textFileLinks(manifest, locale, texts.transcript?.language ?? null),
    downloads,
    licence: licenceModel(manifest, pageUrl, locale),
    embed: { url: embedUrl, code: embedCode(embedUrl, manifest.title) },
    moment: hasPlayer && moment !== null ? momentModel(moment, locale, href({})) : null,
    cite: citeModel({ manifest, locale, origin, section, moment, query }),
    citation: itemCitationModel(manifest, origin, locale, moment),
    document: pagesOfDocument
      ? {
          ...pagesOfDocument,
          q: query.q,
          jump: query.page !== null ? { href: `#page-${query.page}`, text: t('item.document.jump', { page: query.page }) } : null,
          file: documentFile(downloads, locale),
        }
      : null,
    image: imageOf(manifest, origin),
  };
}

/** The slides' text: timed from slide OCR; for a talk with only its PDF, the PDF's pages. */
function slidesOf(texts: ItemTexts, isDocument: boolean, locale: Locale, href: PageHref): SlideModel[] {
  if (texts.slides) return slidesModel(texts.slides, locale, href);
  if (isDocument || !texts.pages) return [];
  return texts.pages.pages
    .map((p) => ({ start: null, time: null, href: null, label: null, lines: linesOf(p.text) }))
    .filter((s) => s.lines.length > 0);
}

/** The document itself (its PDF, else the original file), offered first on its page. */
function documentFile(downloads: readonly DownloadModel[], locale: Locale): { href: string; fileName: string; text: string } | null {
  const file = downloads.find((d) => d.format === 'pdf') ?? downloads.find((d) => d.format === 'original');
  if (!file) return null;
  const format = file.format === 'pdf' ? 'PDF' : (file.fileName.split('.').pop() ?? '').toUpperCase();
  return { href: file.href, fileName: file.fileName, text: translate(locale, 'item.document.download', { format, size: formatBytes(locale, file.size) }) };
}

function imageOf(manifest: Manifest, origin: string): string | null {
  const pictures = [...manifest.images.posters].filter((p) => p.format === 'jpeg').sort((a, b) => b.width - a.width);
  const best = pictures.find((p) => p.width <= 1280) ?? pictures[0] ?? manifest.images.cover ?? manifest.images.pages[0];
  return best ? `${origin}${mediaUrl(best.key)}` : null;
}

/** At most `max` characters, cut on a word, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
