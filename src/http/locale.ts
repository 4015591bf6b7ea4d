import { LOCALE_TABLE, ROUTE_NAMES, type LocaleEntry, type RouteName } from './locale-table.js';

/**
 * The site speaks French first (canonical paths, as in INTERFACE.md) and the other languages of
 * the locale table under their prefix. Everything here is read from that table, never from a
 * language named in code.
 */
export type Locale = keyof typeof LOCALE_TABLE;
export type { RouteName };
export { ROUTE_NAMES };

const TABLE: Readonly<Record<string, LocaleEntry>> = LOCALE_TABLE;

/** Every locale, in the table's order (the default first). */
export const LOCALES = Object.keys(TABLE) as [Locale, ...Locale[]];

/** The locale at the canonical paths: `x-default`, the API's default language. */
export const DEFAULT_LOCALE: Locale = LOCALES[0];
if (TABLE[DEFAULT_LOCALE]!.prefix !== '' || LOCALES.slice(1).some((id) => !/^\/[a-z-]+$/.test(TABLE[id]!.prefix))) {
  throw new Error('locale table: the first locale has no prefix, every other one a prefix such as "/en"');
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(TABLE, value);
}

export function localeEntry(locale: Locale): LocaleEntry {
  const entry = TABLE[locale];
  if (!entry) throw new Error(`no locale "${String(locale)}" in the locale table`);
  return entry;
}

/** The BCP 47 tag of the locale's Intl objects ("fr-FR"). */
export function localeTag(locale: Locale): string {
  return localeEntry(locale).tag;
}

/** The locales a page in `locale` links to in its language switch. */
export function otherLocales(locale: Locale): Locale[] {
  return LOCALES.filter((other) => other !== locale);
}

/** The Express path pattern of a page in a locale ("/en/talks/:id"). */
export function routePattern(name: RouteName, locale: Locale): string {
  const { prefix, paths } = localeEntry(locale);
  return `${prefix}${paths[name]}`;
}

/** The locale of a path: the one whose prefix it starts with ("/en", "/en/…"), else the default. */
export function localeOfPath(pathname: string): Locale {
  return LOCALES.find((id) => {
    const { prefix } = localeEntry(id);
    return prefix !== '' && (pathname === prefix || pathname.startsWith(`${prefix}/`));
  }) ?? DEFAULT_LOCALE;
}

/** The path without its locale prefix ("/en/embed/x" → "/embed/x"). */
export function pathWithoutLocale(pathname: string): string {
  const { prefix } = localeEntry(localeOfPath(pathname));
  return prefix === '' ? pathname : pathname.slice(prefix.length) || '/';
}
