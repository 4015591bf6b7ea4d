import { languageName } from '../../domain/language.js';
import { listFormat } from '../intl.js';
import type { Locale } from '../locale.js';

/** "français, anglais" / "French and English": a list of languages as the page's language writes it. */
export function languageList(tags: readonly string[], locale: Locale): string {
  const unique = [...new Set(tags)].map((tag) => languageName(tag, locale));
  return listFormat(locale).format(unique);
}
