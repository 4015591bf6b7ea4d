/**
 * The text of a search that found nothing, as kept in the statistics: what people looked for
 * and the archive lacks. It is normalised (case, accents kept, spaces), cut, and cleared of what
 * could name a person beyond what they typed on purpose: e-mail addresses and long numbers
 * (telephone, file numbers) are replaced.
 */
export const MAX_SEARCH_TEXT = 80;
/** A telephone number has 10 digits, a social security number 13; years and law numbers have fewer. */
const MIN_IDENTIFYING_DIGITS = 9;

export function normaliseSearchText(query: string): string | null {
  const text = query
    .normalize('NFKC')
    .toLocaleLowerCase('fr')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\S+@\S+/g, '[e-mail]')
    .replace(/\d[\d .-]*\d/g, (digits) => (digits.replace(/\D/g, '').length >= MIN_IDENTIFYING_DIGITS ? '[n°]' : digits))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  return [...text].slice(0, MAX_SEARCH_TEXT).join('').trim();
}
