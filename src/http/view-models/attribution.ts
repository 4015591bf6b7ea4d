import { editionEventName } from '../../domain/conference.js';
import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { translate, translateHtml } from '../i18n/messages.js';
import { listFormat } from '../intl.js';
import type { Locale } from '../locale.js';

export interface Attribution {
  /** Plain text, ready to paste under a reused video, in a document or a slide. */
  text: string;
  /** The same credit as HTML (title linked to the page, licence linked to its deed), every value escaped. */
  html: string;
}

/**
 * The credit line a reuser copies, following the TASL rule of Creative Commons (title, author,
 * source, licence), its wording in the locale's messages (attribution.*):
 * « Titre » — Jeanne Martin (La Mednum), Numérique en Commun[s] 2025 Strasbourg, <page URL>,
 * licence CC BY-SA 4.0 (<licence URL>).
 * CC0 asks for no credit: the line says so instead of naming a licence to respect.
 */
export function attributionOf(manifest: ManifestFields, pageUrl: string, locale: Locale): Attribution {
  const licence = LICENCES[manifest.licence];
  // The short forms the licences themselves recommend for credits.
  const shortName = translate(locale, `attribution.licence.${manifest.licence}`);
  const people = speakersOf(manifest, locale);
  const event = editionEventName(manifest.edition.label);

  const credit = [translate(locale, 'attribution.quote', { title: manifest.title }), people ? ` — ${people}` : '', `, ${event}`].join('');
  const creditHtml = [
    translateHtml(locale, 'attribution.quote', { title: `<a href="${escapeHtml(pageUrl)}">${escapeHtml(manifest.title)}</a>` }),
    people ? ` — ${escapeHtml(people)}` : '',
    `, ${escapeHtml(event)}`,
  ].join('');
  const licenceLink = `<a rel="license" href="${escapeHtml(licence.url)}">${escapeHtml(shortName)}</a>`;

  if (!licence.attribution) {
    return {
      text: `${credit}, ${pageUrl}, ${translate(locale, 'attribution.publicDomain', { licence: `${shortName}, ${licence.url}` })}`,
      html: `${creditHtml}, ${translateHtml(locale, 'attribution.publicDomain', { licence: licenceLink })}`,
    };
  }
  // "licence Licence Ouverte" would stutter: the Etalab name already says what it is.
  const etalab = manifest.licence === 'Etalab-2.0';
  const named = etalab ? shortName : translate(locale, 'attribution.licensed', { licence: shortName });
  const namedHtml = etalab ? licenceLink : translateHtml(locale, 'attribution.licensed', { licence: licenceLink });
  return {
    text: `${credit}, ${pageUrl}, ${named} (${licence.url})`,
    html: `${creditHtml}, ${namedHtml}`,
  };
}

/** "Jeanne Martin (La Mednum) et Ali Ben (Ville de Strasbourg)", in the locale's list style. */
function speakersOf(manifest: ManifestFields, locale: Locale): string {
  const names = manifest.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name));
  if (names.length === 0) return '';
  return listFormat(locale).format(names);
}

// Numeric references, as the credit has always been written (people paste it into other sites).
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
