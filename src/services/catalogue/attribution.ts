import { LICENCES, type LicenceId } from '../../domain/licence.js';
import type { Manifest } from '../../domain/manifest.js';

export type AttributionLocale = 'fr' | 'en';

export interface Attribution {
  /** Plain text, ready to paste under a reused video, in a document or a slide. */
  text: string;
  /** The same credit as HTML (title linked to the page, licence linked to its deed), every value escaped. */
  html: string;
}

/** The names reusers see in credits: the short forms the licences themselves recommend. */
const SHORT_NAMES: Record<LicenceId, Record<AttributionLocale, string>> = {
  'CC-BY-4.0': { fr: 'CC BY 4.0', en: 'CC BY 4.0' },
  'CC-BY-SA-4.0': { fr: 'CC BY-SA 4.0', en: 'CC BY-SA 4.0' },
  'CC-BY-NC-SA-4.0': { fr: 'CC BY-NC-SA 4.0', en: 'CC BY-NC-SA 4.0' },
  'CC0-1.0': { fr: 'CC0 1.0', en: 'CC0 1.0' },
  'Etalab-2.0': { fr: 'Licence Ouverte 2.0', en: 'Open Licence 2.0' },
};

/** The conference's name as it is written, followed by the edition ("2025 Strasbourg"). */
const EVENT = 'Numérique en Commun[s]';

const NBSP = '\u00a0';

/**
 * The credit line a reuser copies, following the TASL rule of Creative Commons (title, author,
 * source, licence):
 * « Titre » — Jeanne Martin (La Mednum), Numérique en Commun[s] 2025 Strasbourg, <page URL>,
 * licence CC BY-SA 4.0 (<licence URL>).
 * CC0 asks for no credit: the line says so instead of naming a licence to respect.
 */
export function attributionOf(manifest: Manifest, pageUrl: string, locale: AttributionLocale): Attribution {
  const licence = LICENCES[manifest.licence];
  const shortName = SHORT_NAMES[manifest.licence][locale];
  const quote = (title: string): string => (locale === 'fr' ? `«${NBSP}${title}${NBSP}»` : `“${title}”`);
  const people = speakersOf(manifest, locale);
  const event = `${EVENT} ${manifest.edition.label}`;

  const credit = [quote(manifest.title), people ? ` — ${people}` : '', `, ${event}`].join('');
  const creditHtml = [
    quote(`<a href="${escapeHtml(pageUrl)}">${escapeHtml(manifest.title)}</a>`),
    people ? ` — ${escapeHtml(people)}` : '',
    `, ${escapeHtml(event)}`,
  ].join('');
  const licenceLink = `<a rel="license" href="${escapeHtml(licence.url)}">${escapeHtml(shortName)}</a>`;

  if (!licence.attribution) {
    const [lead, rest] = locale === 'fr'
      ? ['versé dans le domaine public', `${NBSP}: aucune attribution n’est requise.`]
      : ['dedicated to the public domain', ': no attribution is required.'];
    return {
      text: `${credit}, ${pageUrl}, ${lead} (${shortName}, ${licence.url})${rest}`,
      html: `${creditHtml}, ${lead} (${licenceLink})${rest}`,
    };
  }
  // "licence Licence Ouverte" would stutter: the Etalab name already says what it is.
  const named = manifest.licence === 'Etalab-2.0' ? shortName : locale === 'fr' ? `licence ${shortName}` : `licensed under ${shortName}`;
  const namedHtml = manifest.licence === 'Etalab-2.0' ? licenceLink : locale === 'fr' ? `licence ${licenceLink}` : `licensed under ${licenceLink}`;
  return {
    text: `${credit}, ${pageUrl}, ${named} (${licence.url})`,
    html: `${creditHtml}, ${namedHtml}`,
  };
}

/** "Jeanne Martin (La Mednum) et Ali Ben (Ville de Strasbourg)", in the locale's list style. */
function speakersOf(manifest: Manifest, locale: AttributionLocale): string {
  const names = manifest.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name));
  if (names.length === 0) return '';
  return new Intl.ListFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { type: 'conjunction', style: 'long' }).format(names);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
