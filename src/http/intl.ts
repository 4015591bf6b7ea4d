import { localeTag, type Locale } from './locale.js';

/**
 * Every Intl object of the site, built from the locale table's tag. They are costly to build
 * (they were 8% of a talk page's rendering), so each is made once per locale and options.
 */
const cache = new Map<string, unknown>();

function once<T>(kind: string, locale: Locale, options: object, make: (tag: string) => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make(localeTag(locale));
    cache.set(key, value);
  }
  return value;
}

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return once('number', locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

/** "a, b et c" / "a, b and c"; `style: 'long'` by default, as Intl has it. */
export function listFormat(locale: Locale, options: Intl.ListFormatOptions = { type: 'conjunction' }): Intl.ListFormat {
  return once('list', locale, options, (tag) => new Intl.ListFormat(tag, options));
}

export function collator(locale: Locale, options: Intl.CollatorOptions = {}): Intl.Collator {
  return once('collator', locale, options, (tag) => new Intl.Collator(tag, options));
}

export function pluralRules(locale: Locale): Intl.PluralRules {
  return once('plural', locale, {}, (tag) => new Intl.PluralRules(tag));
}
