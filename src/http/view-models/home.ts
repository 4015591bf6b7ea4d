import { ITEM_KINDS } from '../../domain/item.js';
import type { ManifestFields } from '../../domain/manifest.js';
import type { CatalogueSnapshot, EditionSummary, ThemeSummary } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import { listFormat } from '../intl.js';
import type { Locale } from '../locale.js';
import { itemCardOf, type ItemCard } from './item-card.js';
import { urlFor } from '../urls.js';

/** How many of the latest edition's items the home page shows before « see all ». */
export const HOME_CARDS = 12;

export interface EditionLine {
  label: string;
  href: string;
  city: string;
  year: number;
  count: number;
  /** « 8 ressources » */
  countText: string;
  /** « 3 conférences, 1 atelier et 2 podcasts » */
  kindsText: string;
  /** « 6 ressources : 3 conférences, 1 atelier et 2 podcasts » */
  summary: string;
}

export interface ThemeLine {
  name: string;
  href: string;
  countText: string;
}

export interface HomeModel {
  latest: { label: string; href: string; heading: string; cards: ItemCard[]; more: { href: string; text: string } | null } | null;
  editions: EditionLine[];
  themes: ThemeLine[];
  /** « 8 ressources, 1 édition » */
  summary: string;
}

export function homeModel(snapshot: CatalogueSnapshot, locale: Locale): HomeModel {
  const latest = snapshot.editions[0];
  return {
    latest: latest
      ? {
          label: latest.label,
          href: urlFor('edition', locale, { slug: latest.slug }),
          heading: translate(locale, 'home.latest.heading', { label: latest.label }),
          cards: latest.items.slice(0, HOME_CARDS).map((item) => itemCardOf(item, locale)),
          more: latest.items.length > HOME_CARDS
            ? { href: urlFor('edition', locale, { slug: latest.slug }), text: translate(locale, 'home.latest.more', { count: latest.items.length, label: latest.label }) }
            : null,
        }
      : null,
    editions: snapshot.editions.map((edition) => editionLineOf(edition, locale)),
    themes: snapshot.themes.map((theme) => themeLineOf(theme, locale)),
    summary: translate(locale, 'home.summary', {
      items: translate(locale, 'listing.count.items', { count: snapshot.items.length }),
      editions: translate(locale, 'listing.count.editions', { count: snapshot.editions.length }),
    }),
  };
}

export function editionLineOf(edition: EditionSummary, locale: Locale): EditionLine {
  const countText = translate(locale, 'listing.count.items', { count: edition.items.length });
  const kinds = kindsText(edition.items, locale);
  return {
    label: edition.label,
    href: urlFor('edition', locale, { slug: edition.slug }),
    city: edition.city,
    year: edition.year,
    count: edition.items.length,
    countText,
    kindsText: kinds,
    summary: kinds ? translate(locale, 'listing.edition.summary', { items: countText, kinds }) : countText,
  };
}

export function themeLineOf(theme: ThemeSummary, locale: Locale): ThemeLine {
  return { name: theme.name, href: urlFor('theme', locale, { slug: theme.slug }), countText: translate(locale, 'listing.count.items', { count: theme.items.length }) };
}

/** « 3 conférences, 1 atelier et 2 podcasts », kinds in their usual order. */
export function kindsText(items: readonly ManifestFields[], locale: Locale): string {
  const parts = ITEM_KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => translate(locale, `card.count.${kind}`, { count }));
  return listFormat(locale).format(parts);
}

/** schema.org WebSite with its search, so search engines can offer the archive's own search. */
export function homeJsonLd(origin: string, locale: Locale): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: translate(locale, 'site.name'),
    description: translate(locale, 'site.tagline'),
    url: `${origin}${urlFor('home', locale)}`,
    inLanguage: locale,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}${urlFor('search', locale)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
