import type { ManifestFields } from '../../domain/manifest.js';
import { primaryLanguage } from '../../domain/text.js';
import { passageText, type TranscriptPassage } from '../../domain/transcript-passages.js';
import { CORRECTION_LIMITS } from '../../services/corrections/suggest-correction.js';
import { timecode } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { correctionsApiUrl, itemHref, passageHref } from '../urls.js';

/** What the visitor typed, shown again when the form comes back with a problem. */
export interface CorrectionValues {
  text: string;
  speaker: string;
  note: string;
}

export interface CorrectionFormModel {
  heading: string;
  lede: string;
  itemHref: string;
  /** "Le passage à 1:23" and the link to hear it on the item's page. */
  passageHeading: string;
  listenHref: string;
  currentText: string;
  currentSpeaker: string | null;
  /** The transcript's language when it is not the page's (`lang` of the quoted text and the field). */
  textLang: string | null;
  action: string;
  start: number;
  language: string;
  locale: Locale;
  stamp: string;
  values: CorrectionValues;
  limits: typeof CORRECTION_LIMITS;
  textHint: string;
  noteHint: string;
  /** The problem that sent the form back, as a sentence; null the first time. */
  error: string | null;
  /** The field to point at (`aria-invalid`, the error's link). */
  errorField: string | null;
  invalid: { text: boolean; speaker: boolean; note: boolean };
  itemTitle: string;
}

export function correctionFormModel(input: {
  manifest: ManifestFields; passage: TranscriptPassage; language: string; locale: Locale; stamp: string;
  values?: CorrectionValues; error?: { field: string; key: string } | null;
}): CorrectionFormModel {
  const { manifest, passage, locale } = input;
  const time = timecode(passage.start);
  const current = passageText(passage);
  return {
    heading: translate(locale, 'corrections.form.title'),
    lede: translate(locale, 'corrections.form.lede', { title: manifest.title }),
    itemHref: itemHref(manifest.kind, manifest.id, locale),
    passageHeading: translate(locale, 'corrections.form.passage', { time }),
    listenHref: `${passageHref(manifest.kind, manifest.id, { start: passage.start, page: null }, locale)}#player`,
    currentText: current,
    currentSpeaker: passage.speaker,
    textLang: primaryLanguage(input.language) === locale ? null : input.language,
    action: correctionsApiUrl(manifest.id),
    start: passage.start,
    language: input.language,
    locale,
    stamp: input.stamp,
    values: input.values ?? { text: current, speaker: passage.speaker ?? '', note: '' },
    limits: CORRECTION_LIMITS,
    textHint: translate(locale, 'corrections.form.textHint', { max: CORRECTION_LIMITS.text }),
    noteHint: translate(locale, 'corrections.form.noteHint', { max: CORRECTION_LIMITS.note }),
    error: input.error ? translate(locale, input.error.key) : null,
    // A problem with the passage itself (gone since) points at the text the visitor wrote.
    errorField: input.error ? (['speaker', 'note'].includes(input.error.field) ? input.error.field : 'text') : null,
    invalid: { text: Boolean(input.error) && !['speaker', 'note'].includes(input.error?.field ?? ''), speaker: input.error?.field === 'speaker', note: input.error?.field === 'note' },
    itemTitle: manifest.title,
  };
}
