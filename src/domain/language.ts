/** A canonical BCP 47 tag, or the message explaining why the text was refused. */
type LanguageResult = { ok: true; value: string } | { ok: false; message: string };

// ISO 639-2 codes (bibliographic and terminology) of languages heard at the conference, mapped
// explicitly because older ICU builds do not all canonicalise them to their ISO 639-1 form.
const THREE_TO_TWO: Readonly<Record<string, string>> = {
  fra: 'fr', fre: 'fr', eng: 'en', deu: 'de', ger: 'de', spa: 'es', ita: 'it', por: 'pt',
  nld: 'nl', dut: 'nl', ara: 'ar', bre: 'br', oci: 'oc', cat: 'ca', eus: 'eu', baq: 'eu', cos: 'co',
};

/**
 * A BCP 47 tag, canonicalised ("fr-fr" → "fr-FR", "fra" → "fr"). The grammar also allows 5–8
 * letter language subtags, which would let "french" or "anglais" through; none is registered, so
 * the primary subtag must have 2 or 3 letters. Shared by the programme's `language` column and
 * the `DEFAULT_LANGUAGE` setting: both end up in file paths and playlists.
 */
export function parseLanguage(text: string): LanguageResult {
  const tag = text.trim().replace(/_/g, '-');
  const [primary = '', ...rest] = tag.split('-');
  const mapped = THREE_TO_TWO[primary.toLowerCase()];
  const candidate = mapped ? [mapped, ...rest].join('-') : tag;
  const refused: LanguageResult = { ok: false, message: `invalid language "${text}"; expected a BCP 47 tag such as fr, en or fr-CA` };
  if (!/^[A-Za-z]{2,3}$/.test(primary)) return refused;
  try {
    const [canonical] = Intl.getCanonicalLocales(candidate);
    return canonical === undefined ? refused : { ok: true, value: canonical };
  } catch {
    return refused;
  }
}

// One Intl.DisplayNames a display language, made on first use (building one loads ICU data).
const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(language: string): Intl.DisplayNames | null {
  let names = displayNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      names = null; // not a tag Intl accepts as a display language
    }
    displayNames.set(language, names);
  }
  return names;
}

/**
 * A language's name as `inLanguage` writes it, mid-sentence: "fr" is "français" in French,
 * "French" in English; by default in its own language ("English", "brezhoneg"), as players list
 * tracks. A tag the runtime cannot name is given back as it is.
 */
export function languageName(tag: string, inLanguage: string = tag): string {
  try {
    return namesIn(inLanguage)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The name standing alone (a menu entry, a facet, a track label): « Français », "Brezhoneg". */
export function languageLabel(tag: string, inLanguage: string = tag): string {
  const name = languageName(tag, inLanguage);
  if (name === tag) return tag;
  try {
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
}
