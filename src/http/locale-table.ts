import { en } from './i18n/en/index.js';
import { fr } from './i18n/fr/index.js';
import type { Messages } from './i18n/translation.js';

/** Every page of the site by name: links, the language switch and hreflang never hand-write a path. */
export const ROUTE_NAMES = [
  'home', 'search', 'talk', 'podcast', 'document', 'editions', 'edition', 'speaker', 'theme', 'accessibility', 'licences', 'embed',
  'correction', 'correctionThanks',
  'statistics', 'privacy',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

/** What the site needs to speak one language. Its key in the table is the language subtag. */
export interface LocaleEntry {
  /** BCP 47 tag of every Intl object: dates, numbers, sizes, lists, plurals, language names. */
  readonly tag: string;
  /** Before every page's path ("/en"); '' for the one locale at the canonical paths. */
  readonly prefix: string;
  /** Each page's path after the prefix, with `:name` parameters as Express reads them. */
  readonly paths: Readonly<Record<RouteName, string>>;
  /** The interface texts (checked complete against French by the compiler: i18n/translation.ts). */
  readonly messages: Messages;
}

/**
 * The one table of locales. A key is the language subtag written in `lang`, `hreflang`,
 * Content-Language and the API's `?lang=`; the first entry is the default (`x-default`, the
 * API's default language) and the only one without a prefix. Adding a language is one entry here
 * and its message folder under i18n/: routes, links, alternates, the language switch and every
 * formatter follow from this table (test/integration/web-third-locale.test.ts adds one to prove it).
 */
export const LOCALE_TABLE = {
  fr: {
    tag: 'fr-FR',
    prefix: '',
    paths: {
      home: '/', search: '/recherche', talk: '/talks/:id', podcast: '/podcasts/:id', document: '/documents/:id',
      editions: '/editions', edition: '/editions/:slug', speaker: '/intervenants/:slug', theme: '/themes/:slug',
      accessibility: '/accessibilite', licences: '/licences', embed: '/embed/:id',
      correction: '/corrections/:id', correctionThanks: '/corrections/:id/merci',
      statistics: '/statistiques', privacy: '/confidentialite',
    },
    messages: fr,
  },
  en: {
    tag: 'en-GB',
    prefix: '/en',
    paths: {
      home: '/', search: '/search', talk: '/talks/:id', podcast: '/podcasts/:id', document: '/documents/:id',
      editions: '/editions', edition: '/editions/:slug', speaker: '/speakers/:slug', theme: '/themes/:slug',
      accessibility: '/accessibility', licences: '/licences', embed: '/embed/:id',
      correction: '/corrections/:id', correctionThanks: '/corrections/:id/thanks',
      statistics: '/statistics', privacy: '/privacy',
    },
    messages: en,
  },
} as const satisfies Readonly<Record<string, LocaleEntry>>;
