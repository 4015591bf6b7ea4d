import { VIDEO_KINDS } from '../../domain/item.js';
import { languageName } from '../../domain/language.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { momentParam, type Moment } from '../../domain/moment.js';
import { timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemApiUrl, urlFor, type ItemRoute } from '../urls.js';
import type { ItemQuery, MomentForm } from './item-query.js';

/**
 * A moment of a recording on its page (`?t=START` or `?t=START,END`): what the page says about
 * it, the cite section's link and form, and the clip of that moment to download.
 */

/** The clip API refuses longer clips (400): the page says so instead of offering a link that fails. */
export const CLIP_LIMIT_SECONDS = 600;

/** The cite section's id: the form comes back to it. */
export const CITE_SECTION = 'citer';

/** A time as a form field or a player shows it: 754 → "12:34", 754.5 → "12:34.5", 3725 → "1:02:05". */
export function clockOf(seconds: number): string {
  const fraction = Math.round((seconds - Math.floor(seconds)) * 1000) / 1000;
  return fraction > 0 && fraction < 1 ? `${timecode(seconds)}${String(fraction).slice(1)}` : timecode(Math.round(seconds));
}

/**
 * The `t` of a link to a moment: a start alone to the second, as links to passages are (the
 * player starts just before the words); a range exactly, so a cited excerpt keeps its bounds.
 */
export function momentLinkParam(moment: Moment): string {
  return moment.end === null ? String(Math.floor(moment.start)) : momentParam(moment);
}

/** "12:34" or "12:34–13:10", as the link to the moment names it. */
export function momentLabel(moment: Moment): string {
  return moment.end === null ? timecode(moment.start) : `${timecode(moment.start)}–${timecode(moment.end)}`;
}

export interface MomentModel {
  start: number;
  end: number | null;
  /** "Extrait de 12:34 à 13:10", for a moment with an end. */
  excerpt: string | null;
  /** The whole recording: this page without `t`. */
  whole: { href: string; text: string };
}

export function momentModel(moment: Moment, locale: Locale, wholeHref: string): MomentModel {
  return {
    start: moment.start,
    end: moment.end,
    excerpt: moment.end === null ? null : translate(locale, 'moment.excerpt', { start: timecode(moment.start), end: timecode(moment.end) }),
    whole: { href: wholeHref, text: translate(locale, 'moment.whole') },
  };
}

interface HiddenField {
  name: string;
  value: string;
}

export interface MomentFormModel {
  /** The page itself: a GET form that comes back with `?from=…&to=…`, then is redirected to `?t=`. */
  action: string;
  /** Page parameters the form keeps (transcript language, described audio). */
  kept: HiddenField[];
  start: string;
  end: string;
  /** What was wrong with the fields sent, on the field to fix. */
  problem: { field: 'start' | 'end'; text: string } | null;
  /** Without an end, the link follows playback until someone chooses (player.js). */
  follows: boolean;
  /** Messages player.js fills in ({value}, {start}, {end}, {duration}, {time}) when it checks the fields itself. */
  messages: Record<'start' | 'end' | 'late' | 'order' | 'setStart' | 'setEnd', string>;
}

export interface ClipLinkModel {
  /** With the page's moment, when the clip can be made; the link without `t` otherwise. */
  href: string;
  /** The link without `t`: player.js adds the moment chosen on the page (see its data-moment-href convention). */
  momentHref: string;
  text: string;
}

export interface ClipModel {
  links: ClipLinkModel[];
  /** The moment has an end and lasts at most the limit: the links work as they are. */
  ready: boolean;
  limitSeconds: number;
  /** Why there is no link yet: no end chosen, or too long. */
  needsEnd: { text: string; shown: boolean };
  tooLong: { text: string; shown: boolean };
  /** Video clips are cut by stream copy at keyframes: they may begin up to one GOP early. */
  keyframes: string | null;
}

export interface CiteModel {
  /** The absolute address of the moment (`?t=0` when none was chosen: the beginning). */
  url: string;
  time: string;
  form: MomentFormModel;
  clip: ClipModel | null;
}

export interface CiteInput {
  manifest: ManifestFields;
  locale: Locale;
  origin: string;
  section: ItemRoute;
  moment: Moment | null;
  query: Pick<ItemQuery, 'transcript' | 'audioDescribed' | 'momentForm'>;
}

export function citeModel(input: CiteInput): CiteModel {
  const { manifest, locale, origin, section, moment } = input;
  const t = (key: string, vars: Record<string, unknown> = {}): string => translate(locale, key, vars);
  const shown = moment ?? { start: 0, end: null };
  const sent = input.query.momentForm;
  const refused = sent && !sent.ok ? sent : null;
  const kept: HiddenField[] = [];
  if (input.query.transcript) kept.push({ name: 'transcript', value: input.query.transcript });
  if (input.query.audioDescribed) kept.push({ name: 'ad', value: '1' });
  return {
    url: `${origin}${urlFor(section, locale, { id: manifest.id }, { t: momentLinkParam(shown) })}`,
    time: momentLabel(shown),
    form: {
      action: `${urlFor(section, locale, { id: manifest.id })}#${CITE_SECTION}`,
      kept,
      start: refused ? refused.from : moment ? clockOf(moment.start) : '',
      end: refused ? refused.to : moment && moment.end !== null ? clockOf(moment.end) : '',
      problem: refused ? problemModel(refused, manifest.media.duration, locale) : null,
      follows: !refused && (moment === null || moment.end === null),
      messages: {
        start: t('moment.problem.start'),
        end: t('moment.problem.end'),
        late: t('moment.problem.late'),
        order: t('moment.problem.order'),
        setStart: t('moment.set.start'),
        setEnd: t('moment.set.end'),
      },
    },
    clip: clipModel(manifest, locale, moment),
  };
}

function problemModel(sent: Extract<MomentForm, { ok: false }>, duration: number, locale: Locale): MomentFormModel['problem'] {
  const vars = { value: sent.problem === 'end' ? sent.to : sent.from, start: sent.from || '0', end: sent.to, duration: timecode(duration) };
  return { field: sent.problem === 'start' || sent.problem === 'late' ? 'start' : 'end', text: translate(locale, `moment.problem.${sent.problem}`, vars) };
}

/**
 * The clip of the moment: the video (MP4) of a recording with pictures or the audio (M4A) of a
 * podcast, cut by the API from the file it plays, and the captions of that range in each
 * language the item has them in. Null when there is no such file to cut from.
 */
export function clipModel(manifest: ManifestFields, locale: Locale, moment: Moment | null): ClipModel | null {
  const isVideo = VIDEO_KINDS.includes(manifest.kind);
  const format = isVideo ? 'mp4' : manifest.kind === 'podcast' ? 'm4a' : null;
  if (format === null || !manifest.downloads.some((d) => d.format === format)) return null;
  const length = moment && moment.end !== null ? moment.end - moment.start : null;
  const ready = length !== null && length <= CLIP_LIMIT_SECONDS;
  const t = ready && moment ? momentParam(moment) : null;
  const link = (file: string, text: string, lang: string | null = null): ClipLinkModel => ({
    href: itemApiUrl(manifest.id, file, { t, lang }),
    momentHref: itemApiUrl(manifest.id, file, { lang }),
    text,
  });
  const links = [link(`clip.${format}`, translate(locale, isVideo ? 'moment.clip.video' : 'moment.clip.audio'))];
  for (const language of captionLanguages(manifest)) {
    links.push(link('clip.vtt', translate(locale, 'moment.clip.captions', { language: languageName(language, locale) }), language));
  }
  const minutes = CLIP_LIMIT_SECONDS / 60;
  return {
    links,
    ready,
    limitSeconds: CLIP_LIMIT_SECONDS,
    needsEnd: { text: translate(locale, 'moment.clip.needsEnd', { minutes }), shown: length === null },
    tooLong: { text: translate(locale, 'moment.clip.tooLong', { minutes }), shown: length !== null && !ready },
    keyframes: isVideo ? translate(locale, 'moment.clip.keyframes') : null,
  };
}

/** The languages of the caption and subtitle tracks, once each, in the manifest's order. */
function captionLanguages(manifest: ManifestFields): string[] {
  const languages = manifest.tracks.filter((track) => (track.kind === 'captions' || track.kind === 'subtitles') && track.format === 'vtt').map((track) => track.language);
  return [...new Set(languages)];
}

/**
 * Where the cite form sent without JavaScript leads: the same page at the moment chosen (`?t=`,
 * other page parameters kept), back at the form. Null when the form was not sent, or its fields
 * are wrong (the page then says why, beside them).
 */
export function momentFormTarget(section: ItemRoute, locale: Locale, id: string, query: Pick<ItemQuery, 'transcript' | 'audioDescribed' | 'momentForm'>): string | null {
  const sent = query.momentForm;
  if (section === 'document' || !sent?.ok) return null;
  const t = sent.moment ? momentLinkParam(sent.moment) : null;
  return `${urlFor(section, locale, { id }, { transcript: query.transcript, ad: query.audioDescribed ? '1' : null, t })}#${CITE_SECTION}`;
}
