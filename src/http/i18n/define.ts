import type { Locale } from '../locale.js';

/**
 * A group of interface texts in both languages. English must have every key French has (the
 * compiler checks it), so a page is never half translated. Texts may hold `{name}` placeholders;
 * a key with `.one`/`.other` variants is chosen by the plural rules of the locale for `{count}`.
 */
export function defineMessages<const K extends string>(fr: Record<K, string>, en: Record<K, string>): Record<Locale, Record<K, string>> {
  return { fr, en };
}
