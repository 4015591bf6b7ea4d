import { ITEM_KINDS, type ItemKind } from '../../domain/item.js';
import type { CatalogueSnapshot, EditionSummary, SpeakerSummary, ThemeSummary } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { urlFor } from '../urls.js';
import { editionLineOf, kindsText, type EditionLine } from './home.js';
import { itemCardOf, type ItemCard, type LinkRef } from './item-card.js';

export interface Breadcrumb {
  /** Between the home page (always first) and this page. */
  crumbs: LinkRef[];
  /** This page (not `current`: the layout's name of the route). */
  here: LinkRef;
}

export function breadcrumbOf(here: LinkRef, crumbs: LinkRef[] = []): Breadcrumb {
  return { crumbs, here };
}

export interface EditionsModel {
  editions: EditionLine[];
  lede: string;
}

export function editionsModel(snapshot: CatalogueSnapshot, locale: Locale): EditionsModel {
  return {
    editions: snapshot.editions.map((e) => editionLineOf(e, locale)),
    lede: translate(locale, 'listing.editions.lede', { count: snapshot.editions.length }),
  };
}

export interface KindGroup {
  kind: ItemKind;
  /** Anchor of the section ("talk"), also listed in the summary at the top. */
  id: string;
  heading: string;
  countText: string;
  cards: ItemCard[];
}

export interface EditionModel {
  heading: string;
  label: string;
  lede: string;
  kindsText: string;
  groups: KindGroup[];
  /** The edition's podcast feed, when it has podcasts. */
  feed: { href: string; text: string } | null;
  searchHref: string;
}

/** The feed another part of the site serves for one edition's podcasts. */
export function editionFeedPath(slug: string): string {
  return `/feeds/editions/${encodeURIComponent(slug)}/podcasts.xml`;
}

export function editionModel(edition: EditionSummary, locale: Locale): EditionModel {
  const groups = ITEM_KINDS.map((kind): KindGroup | null => {
    const items = edition.items.filter((i) => i.kind === kind);
    if (items.length === 0) return null;
    return {
      kind,
      id: `kind-${kind}`,
      heading: translate(locale, `listing.group.${kind}`),
      countText: translate(locale, `card.count.${kind}`, { count: items.length }),
      cards: items.map((i) => itemCardOf(i, locale)),
    };
  }).filter((g): g is KindGroup => g !== null);
  const hasPodcasts = edition.items.some((i) => i.kind === 'podcast');
  return {
    heading: translate(locale, 'listing.edition.heading', { label: edition.label }),
    label: edition.label,
    lede: translate(locale, 'listing.edition.lede', { count: edition.items.length, city: edition.city, year: String(edition.year) }),
    kindsText: kindsText(edition.items, locale),
    groups,
    feed: hasPodcasts ? { href: editionFeedPath(edition.slug), text: translate(locale, 'listing.edition.feed', { label: edition.label }) } : null,
    searchHref: urlFor('search', locale, {}, { edition: edition.label }),
  };
}

export interface PersonModel {
  name: string;
  organisations: string[];
  lede: string;
  cards: ItemCard[];
  searchHref: string;
  searchText: string;
}

export function speakerModel(speaker: SpeakerSummary, locale: Locale): PersonModel {
  return {
    name: speaker.name,
    organisations: speaker.organisations,
    lede: translate(locale, 'listing.speaker.lede', { count: speaker.items.length, editions: new Set(speaker.items.map((i) => i.edition.slug)).size }),
    cards: speaker.items.map((i) => itemCardOf(i, locale)),
    searchHref: urlFor('search', locale, {}, { speaker: speaker.name }),
    searchText: translate(locale, 'listing.speaker.search', { name: speaker.name }),
  };
}

export interface ThemeModel {
  name: string;
  lede: string;
  cards: ItemCard[];
  searchHref: string;
  searchText: string;
}

export function themeModel(theme: ThemeSummary, locale: Locale): ThemeModel {
  return {
    name: theme.name,
    lede: translate(locale, 'listing.theme.lede', { count: theme.items.length, kinds: kindsText(theme.items, locale) }),
    cards: theme.items.map((i) => itemCardOf(i, locale)),
    searchHref: urlFor('search', locale, {}, { theme: theme.name }),
    searchText: translate(locale, 'listing.theme.search', { name: theme.name }),
  };
}

/** schema.org Person for a speaker's page: name, organisations, and the page itself. */
export function speakerJsonLd(speaker: SpeakerSummary, pageUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: speaker.name,
    url: pageUrl,
    ...(speaker.organisations.length > 0 ? { affiliation: speaker.organisations.map((name) => ({ '@type': 'Organization', name })) } : {}),
  };
}
