import type { Locale } from '../locale.js';
import { api } from './api.js';
import { common } from './common.js';
import { item } from './item.js';
import { pages } from './pages.js';
import { search } from './search.js';

/**
 * Every interface text, merged from one group per area of the site. A group is added here once;
 * its keys must not collide with another group's (checked at start, see mergeGroups).
 */
const GROUPS: readonly Record<Locale, Record<string, string>>[] = [common, api, item, search, pages];

export type Messages = Readonly<Record<string, string>>;

export const MESSAGES: Readonly<Record<Locale, Messages>> = mergeGroups(GROUPS);

function mergeGroups(groups: readonly Record<Locale, Record<string, string>>[]): Record<Locale, Messages> {
  const merged: Record<Locale, Record<string, string>> = { fr: {}, en: {} };
  for (const group of groups) {
    for (const locale of ['fr', 'en'] as const) {
      for (const [key, text] of Object.entries(group[locale])) {
        if (key in merged[locale]) throw new Error(`interface text "${key}" is defined twice`);
        merged[locale][key] = text;
      }
    }
  }
  return merged;
}

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `vars`. With a numeric
 * `count`, `key.one` / `key.other` (the locale's plural rules) is used when defined. A missing key
 * throws: a page must not show a raw key to people (tests render every page).
 */
export function translate(locale: Locale, key: string, vars: Record<string, unknown> = {}): string {
  const messages = MESSAGES[locale];
  let text = messages[key];
  if (typeof vars.count === 'number') {
    const plural = messages[`${key}.${pluralRules[locale].select(vars.count)}`] ?? messages[`${key}.other`];
    if (plural !== undefined) text = plural;
  }
  if (text === undefined) throw new Error(`no interface text "${key}" in ${locale}`);
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : String(value);
  });
}

const pluralRules: Record<Locale, Intl.PluralRules> = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };
const numberFormats: Record<Locale, Intl.NumberFormat> = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

export function formatNumber(locale: Locale, value: number): string {
  return numberFormats[locale].format(value);
}
