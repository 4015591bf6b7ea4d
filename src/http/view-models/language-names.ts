import type { Locale } from '../locale.js';

const lists: Record<Locale, Intl.ListFormat> = {
  fr: new Intl.ListFormat('fr-FR', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};
const names: Record<Locale, Intl.DisplayNames> = {
  fr: new Intl.DisplayNames(['fr'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

/** "fr" → "français" on a French page, "French" on an English one; an unknown tag is shown as given. */
export function languageName(tag: string, locale: Locale): string {
  try {
    return names[locale].of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "français, anglais" / "French and English": a list of languages as the page's language writes it. */
export function languageList(tags: readonly string[], locale: Locale): string {
  const unique = [...new Set(tags)].map((tag) => languageName(tag, locale));
  return lists[locale].format(unique);
}
