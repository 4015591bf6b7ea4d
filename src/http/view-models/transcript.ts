import type { ManifestFields } from '../../domain/manifest.js';
import { primaryLanguage, type Cue, type SlideTextFile, type TranscriptFile } from '../../domain/text.js';
import { passagesOf } from '../../domain/transcript-passages.js';
import { timecode } from '../format.js';
import { correctionHref } from '../urls.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { languageName } from '../../domain/language.js';

/** One paragraph of the interactive transcript: the cues of one speaker, about half a minute. */
export interface TranscriptParagraph {
  start: number;
  end: number;
  /**
   * The whole second its first words begin in: the player marks the paragraph being said from
   * then. Links to a moment (`?t=`, search hits) are whole seconds rounded down, so a link to
   * words at 12.3 s opens at 12 s and marks their paragraph, not the one before.
   */
  markFrom: number;
  /** "0:12", the visible time. */
  time: string;
  /** "?t=12#player": the same page at that moment (works without JS). */
  href: string;
  /** "Lire à partir de 0:12". */
  label: string;
  /** The speaker's name when it changes from the previous paragraph. */
  speaker: string | null;
  text: string;
  /** The form suggesting a correction of this paragraph, and its link's accessible name (with the time). */
  correct: { href: string; label: string };
}

export interface TranscriptChoice {
  language: string;
  name: string;
  href: string;
  current: boolean;
}

export interface TranscriptModel {
  language: string;
  /** Set when the transcript's language differs from the page's: the `lang` attribute to put on it. */
  lang: string | null;
  reviewed: boolean;
  /** "Transcription relue (français)" / "Transcription automatique (français), non relue". */
  sourceNote: string;
  paragraphs: TranscriptParagraph[];
  /** Other languages as links; empty when there is only one. */
  choices: TranscriptChoice[];
}

/** Groups cues into paragraphs a person can read: the transcript's passages (one rule for the page and corrections). */
export function paragraphsOf(cues: readonly Cue[]): { start: number; end: number; speaker: string | null; texts: string[] }[] {
  return passagesOf(cues).map(({ start, end, speaker, texts }) => ({ start, end, speaker, texts }));
}

/**
 * Which transcript a page shows: the one asked for (`?transcript=`), else the page's language,
 * else the item's, else the first.
 */
export function chooseTranscript(manifest: ManifestFields, locale: Locale, asked: string | null): ManifestFields['text']['transcripts'][number] | null {
  const all = manifest.text.transcripts;
  const byLanguage = (language: string): (typeof all)[number] | undefined => all.find((t) => primaryLanguage(t.language) === primaryLanguage(language));
  return (asked ? all.find((t) => t.language === asked) : undefined) ?? byLanguage(locale) ?? byLanguage(manifest.language) ?? all[0] ?? null;
}

/** A link to this page with some query parameters (kept ones first), and a fragment. */
export type PageHref = (query: Record<string, string | number | null>, fragment?: string) => string;

export function transcriptModel(
  file: TranscriptFile,
  manifest: ManifestFields,
  locale: Locale,
  href: PageHref,
): TranscriptModel {
  let previousSpeaker: string | null = null;
  const paragraphs = paragraphsOf(file.cues).map((p) => {
    const time = timecode(p.start);
    const speaker = p.speaker !== null && p.speaker !== previousSpeaker ? p.speaker : null;
    previousSpeaker = p.speaker ?? previousSpeaker;
    return {
      start: round(p.start),
      end: round(p.end),
      markFrom: Math.floor(p.start),
      time,
      href: href({ t: Math.floor(p.start) }, 'player'),
      label: translate(locale, 'item.playFrom', { time }),
      speaker,
      text: p.texts.join(' '),
      correct: { href: correctionHref(manifest.id, p.start, file.language, locale), label: translate(locale, 'corrections.suggestAt', { time }) },
    };
  });
  const reviewed = file.source === 'captions-reviewed';
  const language = languageName(file.language, locale);
  const choices = manifest.text.transcripts.length > 1
    ? manifest.text.transcripts.map((t) => ({
        language: t.language,
        name: languageName(t.language, locale),
        href: href({ transcript: t.language }, 'transcription'),
        current: t.language === file.language,
      }))
    : [];
  return {
    language: file.language,
    lang: primaryLanguage(file.language) === locale ? null : file.language,
    reviewed,
    sourceNote: translate(locale, reviewed ? 'item.transcript.reviewed' : 'item.transcript.automatic', { language }),
    paragraphs,
    choices,
  };
}

export interface SlideModel {
  start: number | null;
  time: string | null;
  href: string | null;
  label: string | null;
  lines: string[];
}

/** The text read on each slide, with the moment it appears (slides of a talk). */
export function slidesModel(file: SlideTextFile, locale: Locale, href: PageHref): SlideModel[] {
  return file.slides
    .filter((s) => s.text.trim() !== '')
    .map((s) => {
      const time = timecode(s.start);
      return {
        start: round(s.start),
        time,
        href: href({ t: Math.floor(s.start) }, 'player'),
        label: translate(locale, 'item.playFrom', { time }),
        lines: linesOf(s.text),
      };
    });
}

/** Non-empty lines of a block of text, spaces squeezed. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
