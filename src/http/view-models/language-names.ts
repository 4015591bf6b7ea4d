import { languageName } from '../../domain/language.js';
import type { Locale } from '../locale.js';

const lists: Record<Locale, Intl.ListFormat> = {
  fr: new Intl.ListFormat('fr-FR', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};
/** "français, anglais" / "French and English": a list of languages as the page's language writes it. */
export function languageList(tags: readonly string[], locale: Locale): string {
  const unique = [...new Set(tags)].map((tag) => languageName(tag, locale));
  return lists[locale].format(unique);
}
