/**
 * A speaker's name as reference managers store it: given names and family name. The programme
 * writes one string per speaker ("Jeanne Martin", "Marie de La Tour", "Ali BEN SALAH"); a wrong
 * split shows in every bibliography, so the rules stay conservative and explainable.
 */
export interface PersonName {
  given: string;
  family: string;
}

/** Lower-case particles that start a family name in French and neighbouring languages ("de La Tour", "van Dijk"). */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'ten', 'ter']);

/**
 * Family name: from the first word written in capitals (the French convention "Jeanne MARTIN"),
 * else from the first lower-case particle after a given name ("Charles de Gaulle"), else the last
 * word. A single word is a family name alone (a pseudonym).
 */
export function splitPersonName(name: string): PersonName {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length <= 1) return { given: '', family: words[0] ?? '' };
  const capitals = words.findIndex((w, i) => i > 0 && isCapitalised(w));
  const particle = words.findIndex((w, i) => i > 0 && i < words.length - 1 && (PARTICLES.has(w) || /^d['’]\p{Lu}/u.test(w)));
  const at = capitals > 0 ? capitals : particle > 0 ? particle : words.length - 1;
  return { given: words.slice(0, at).join(' '), family: words.slice(at).join(' ') };
}

/** "MARTIN", "BEN-SALAH": at least two letters, all of them capitals. */
function isCapitalised(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('fr') && letters !== letters.toLocaleLowerCase('fr');
}

/** "Martin, Jeanne" (the inverted form RIS, BibTeX and Highwire tags read unambiguously). */
export function invertedName(person: PersonName): string {
  return person.given ? `${person.family}, ${person.given}` : person.family;
}
