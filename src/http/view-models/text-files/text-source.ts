import { LICENCES, type LicenceId } from '../../../domain/licence.js';
import { languageName } from '../../../domain/language.js';
import type { ManifestFields } from '../../../domain/manifest.js';
import { primaryLanguage, type PassageSource } from '../../../domain/text.js';
import { formatDate } from '../../format.js';
import { translate } from '../../i18n/messages.js';
import { listFormat } from '../../intl.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../locale.js';
import { itemHref } from '../../urls.js';
import { attributionOf } from '../attribution.js';

/** Which text of an item a file holds. */
export type TextKind = 'transcript' | 'slides' | 'pages';

/** What was read to make the text, as the stored text file says. */
export interface TextOrigin {
  kind: TextKind;
  /** BCP 47 tag of the text itself. */
  language: string;
  source: PassageSource;
  /** Pages of a document read by OCR (pages only). */
  ocrPages?: number;
}

/**
 * Where a text file comes from, resolved once (labels in `locale`, the page URL, the licence
 * and the credit) so that every format opens with the same provenance and the renderers stay
 * pure functions of data: the API and an edition's export call them alike.
 */
export interface TextSource {
  /** The language of the labels (not necessarily the text's). */
  locale: Locale;
  kind: TextKind;
  id: string;
  title: string;
  /** BCP 47 tag of the text. */
  language: string;
  source: PassageSource;
  /** Checked by a person (supplied captions, a document's own text layer), or made by a machine. */
  reviewed: boolean;
  speakers: { name: string; organisation: string | null }[];
  edition: { label: string; slug: string };
  date: string | null;
  /** The item's page in `locale`, absolute. */
  url: string;
  licence: { id: LicenceId; name: string; url: string };
  /** The credit line to copy (TASL), plain text. */
  attribution: string;
  /** "Transcription relue (français)", "Texte des diapositives lu automatiquement (OCR)…". */
  note: string;
  /** "Transcription", "Texte des diapositives", "Texte des pages". */
  heading: string;
  /** The header every format opens with, labelled, in order (the title first). */
  fields: { name: FieldName; label: string; value: string }[];
}

export type FieldName = 'title' | 'speakers' | 'edition' | 'date' | 'url' | 'licence' | 'attribution' | 'text';

/**
 * The labels follow the text's language when the site speaks it, else the default locale: an
 * English transcript gets an English header, a Breton one a French header.
 */
export function labelLocale(language: string): Locale {
  const primary = primaryLanguage(language);
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

export function textSourceOf(manifest: ManifestFields, text: TextOrigin, origin: string, locale: Locale = labelLocale(text.language)): TextSource {
  const t = (key: string, vars: Record<string, unknown> = {}): string => translate(locale, key, vars);
  const url = `${origin}${itemHref(manifest.kind, manifest.id, locale)}`;
  const licence = LICENCES[manifest.licence];
  const speakers = manifest.speakers.map((s) => ({ name: s.name, organisation: s.organisation ?? null }));
  const reviewed = text.source === 'captions-reviewed' || (text.source === 'pdf' && (text.ocrPages ?? 0) === 0);
  const note = noteOf(text, locale);
  const attribution = attributionOf(manifest, url, locale).text;
  const values: [FieldName, string][] = [
    ['title', manifest.title],
    ['speakers', listFormat(locale).format(speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name)))],
    ['edition', manifest.edition.label],
    ['date', formatDate(locale, manifest.date)],
    ['url', url],
    ['licence', `${licence.name[locale]} (${licence.url})`],
    ['attribution', attribution],
    ['text', note],
  ];
  return {
    locale,
    kind: text.kind,
    id: manifest.id,
    title: manifest.title,
    language: text.language,
    source: text.source,
    reviewed,
    speakers,
    edition: { label: manifest.edition.label, slug: manifest.edition.slug },
    date: manifest.date,
    url,
    licence: { id: licence.id, name: licence.name[locale], url: licence.url },
    attribution,
    note,
    heading: t(`textFile.${text.kind}.heading`),
    // An item without speakers or date says nothing rather than an empty line.
    fields: values.filter(([, value]) => value !== '').map(([name, value]) => ({ name, label: t(`textFile.label.${name}`), value })),
  };
}

function noteOf(text: TextOrigin, locale: Locale): string {
  const language = languageName(text.language, locale);
  if (text.kind === 'slides') return translate(locale, 'textFile.slides.source', { language });
  if (text.kind === 'pages') {
    const ocr = text.ocrPages ?? 0;
    return ocr > 0 ? translate(locale, 'textFile.pages.sourceOcr', { language, count: ocr }) : translate(locale, 'textFile.pages.source', { language });
  }
  return translate(locale, text.source === 'captions-reviewed' ? 'item.transcript.reviewed' : 'item.transcript.automatic', { language });
}

/** "Titre : …" — a header field as a line of text, with the locale's punctuation. */
export function fieldLine(source: TextSource, field: { label: string; value: string }): string {
  return translate(source.locale, 'textFile.field', field);
}
