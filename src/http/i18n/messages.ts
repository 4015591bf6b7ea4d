import { escapeMarkup } from '../../lib/escape-markup.js';
import { numberFormat, pluralRules } from '../intl.js';
import { localeEntry, type Locale } from '../locale.js';
import type { MessageKey } from './translation.js';

/**
 * The text for `key` in `locale` (from the locale table), with `{name}` placeholders filled from
 * `vars`. With a numeric `count`, `key.one` / `key.other` (the locale's plural rules) is used when
 * defined. Keys are often built from data (`card.kind.${kind}`), hence strings: a missing key
 * throws, as a page must not show a raw key to people (tests render every page).
 */
export function translate(locale: Locale, key: MessageKey | (string & {}), vars: Record<string, unknown> = {}): string {
  return template(locale, key, vars).replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : String(value);
  });
}

/**
 * The same text as HTML: the message's own words escaped, the `html` values put in as they are
 * (links the caller built from escaped parts).
 */
export function translateHtml(locale: Locale, key: MessageKey, html: Record<string, string>): string {
  return template(locale, key, html)
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      return name !== undefined && html[name] !== undefined ? html[name] : escapeMarkup(part);
    })
    .join('');
}

function template(locale: Locale, key: string, vars: Record<string, unknown>): string {
  const messages: Readonly<Record<string, string>> = localeEntry(locale).messages;
  let text = messages[key];
  if (typeof vars.count === 'number') {
    const plural = messages[`${key}.${pluralRules(locale).select(vars.count)}`] ?? messages[`${key}.other`];
    if (plural !== undefined) text = plural;
  }
  if (text === undefined) throw new Error(`no interface text "${key}" in ${locale}`);
  return text;
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}
