import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { escapeMarkup } from '../../lib/escape-markup.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { attributionOf, type Attribution } from './attribution.js';

export interface LicenceModel {
  id: string;
  name: string;
  url: string;
  /** What the licence allows and asks, one sentence each. */
  terms: string[];
  attributionRequired: boolean;
  attribution: Attribution;
}

/** The item's licence as a reuser needs it: its name and deed, what it allows, and the credit to copy. */
export function licenceModel(manifest: ManifestFields, pageUrl: string, locale: Locale): LicenceModel {
  const licence = LICENCES[manifest.licence];
  const t = (key: string): string => translate(locale, key);
  const terms = [
    t('item.licence.share'),
    t(licence.commercialUse ? 'item.licence.commercial' : 'item.licence.nonCommercial'),
    ...(licence.shareAlike ? [t('item.licence.shareAlike')] : []),
    t(licence.attribution ? 'item.licence.attribution' : 'item.licence.noAttribution'),
  ];
  return {
    id: licence.id,
    name: licence.name[locale],
    url: licence.url,
    terms,
    attributionRequired: licence.attribution,
    attribution: attributionOf(manifest, pageUrl, locale),
  };
}

/** The HTML to paste in another site to show the player and transcript (the embed page in a frame). */
export function embedCode(embedUrl: string, title: string): string {
  return `<iframe src="${escapeMarkup(embedUrl)}" title="${escapeMarkup(title)}" width="640" height="400" allow="fullscreen" loading="lazy"></iframe>`;
}
