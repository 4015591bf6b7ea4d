import { LICENCE_IDS, LICENCES, type LicenceId } from '../../domain/licence.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemHref, urlFor } from '../urls.js';
import { attributionOf } from './attribution.js';

export interface LicenceView {
  id: LicenceId;
  /** Anchor of the licence's section ("cc-by-sa-4-0"). */
  anchor: string;
  name: string;
  short: string;
  /** The licence's own text (not `url`: a view helper). */
  deedUrl: string;
  /** What reusers may and must do, one sentence each. */
  terms: string[];
  countText: string;
  /** Search filtered by this licence, when some resource uses it. */
  searchHref: string | null;
  searchText: string;
}

export interface LicencesModel {
  licences: LicenceView[];
  /** A real credit line, from a resource of the archive that asks for one. */
  example: { title: string; text: string } | null;
}

export function licencesModel(snapshot: CatalogueSnapshot, locale: Locale, origin: string): LicencesModel {
  const sample = snapshot.items.find((i) => LICENCES[i.licence].attribution) ?? snapshot.items[0];
  return {
    licences: LICENCE_IDS.map((id) => licenceView(id, snapshot.items.filter((i) => i.licence === id).length, locale)),
    example: sample
      ? {
          title: sample.title,
          text: attributionOf(sample, `${origin}${itemHref(sample.kind, sample.id, locale)}`, locale).text,
        }
      : null,
  };
}

function licenceView(id: LicenceId, count: number, locale: Locale): LicenceView {
  const licence = LICENCES[id];
  const terms = [
    translate(locale, 'licences.term.share'),
    translate(locale, licence.commercialUse ? 'licences.term.commercial' : 'licences.term.nonCommercial'),
    translate(locale, licence.attribution ? 'licences.term.attribution' : 'licences.term.noAttribution'),
  ];
  if (licence.shareAlike) terms.push(translate(locale, 'licences.term.shareAlike'));
  return {
    id,
    anchor: id.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name: licence.name[locale],
    short: translate(locale, `card.licence.${id}`),
    deedUrl: licence.url,
    terms,
    countText: translate(locale, 'listing.count.items', { count }),
    searchHref: count > 0 ? urlFor('search', locale, {}, { licence: id }) : null,
    searchText: translate(locale, 'licences.search', { licence: translate(locale, `card.licence.${id}`) }),
  };
}
