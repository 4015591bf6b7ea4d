/**
 * The site speaks French first (canonical paths, as in INTERFACE.md) and English under /en/.
 * Every page has a name; a path is built from the name, the locale and its parameters, so the
 * language switch, hreflang alternates and links never hand-write a path.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const ROUTES = {
  home: { fr: '/', en: '/en/' },
  search: { fr: '/recherche', en: '/en/search' },
  talk: { fr: '/talks/:id', en: '/en/talks/:id' },
  podcast: { fr: '/podcasts/:id', en: '/en/podcasts/:id' },
  document: { fr: '/documents/:id', en: '/en/documents/:id' },
  editions: { fr: '/editions', en: '/en/editions' },
  edition: { fr: '/editions/:slug', en: '/en/editions/:slug' },
  speaker: { fr: '/intervenants/:slug', en: '/en/speakers/:slug' },
  theme: { fr: '/themes/:slug', en: '/en/themes/:slug' },
  accessibility: { fr: '/accessibilite', en: '/en/accessibility' },
  licences: { fr: '/licences', en: '/en/licences' },
  embed: { fr: '/embed/:id', en: '/en/embed/:id' },
} as const satisfies Record<string, Record<Locale, string>>;

export type RouteName = keyof typeof ROUTES;
export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** The Express path pattern of a page in a locale ("/en/talks/:id"). */
export function routePattern(name: RouteName, locale: Locale): string {
  return ROUTES[name][locale];
}

/** A page's path with its parameters filled in and encoded; `query` values that are empty are left out. */
export function urlFor(
  name: RouteName,
  locale: Locale,
  params: Record<string, string> = {},
  query: Record<string, string | number | readonly string[] | null | undefined> = {},
): string {
  const path = ROUTES[name][locale].replace(/:([a-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`urlFor(${name}): missing parameter ${key}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The other language's version of the current page (same name, same parameters, same query). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}
