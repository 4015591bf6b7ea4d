/** The licences the archive accepts, with what people need to reuse a resource correctly. */
export interface Licence {
  id: LicenceId;
  name: { fr: string; en: string };
  url: string;
  /** Whether reusers must credit the authors (all but CC0). */
  attribution: boolean;
  commercialUse: boolean;
  shareAlike: boolean;
}

export const LICENCE_IDS = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-SA-4.0', 'CC0-1.0', 'Etalab-2.0'] as const;
export type LicenceId = (typeof LICENCE_IDS)[number];

export const LICENCES: Readonly<Record<LicenceId, Licence>> = Object.freeze({
  'CC-BY-4.0': {
    id: 'CC-BY-4.0',
    name: { fr: 'Creative Commons Attribution 4.0 International', en: 'Creative Commons Attribution 4.0 International' },
    url: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
    attribution: true, commercialUse: true, shareAlike: false,
  },
  'CC-BY-SA-4.0': {
    id: 'CC-BY-SA-4.0',
    name: {
      fr: 'Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International',
      en: 'Creative Commons Attribution-ShareAlike 4.0 International',
    },
    url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
    attribution: true, commercialUse: true, shareAlike: true,
  },
  'CC-BY-NC-SA-4.0': {
    id: 'CC-BY-NC-SA-4.0',
    name: {
      fr: "Creative Commons Attribution – Pas d'utilisation commerciale – Partage dans les mêmes conditions 4.0 International",
      en: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International',
    },
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr',
    attribution: true, commercialUse: false, shareAlike: true,
  },
  'CC0-1.0': {
    id: 'CC0-1.0',
    name: { fr: 'Creative Commons Zero 1.0 Universel (domaine public)', en: 'Creative Commons Zero 1.0 Universal (public domain)' },
    url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr',
    attribution: false, commercialUse: true, shareAlike: false,
  },
  'Etalab-2.0': {
    id: 'Etalab-2.0',
    name: { fr: 'Licence Ouverte / Open Licence version 2.0 (Etalab)', en: 'Open Licence version 2.0 (Etalab)' },
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    attribution: true, commercialUse: true, shareAlike: false,
  },
});

/** Accepts common spellings ("cc-by-sa 4.0", "CC BY-SA 4.0", "etalab") and returns the canonical id. */
export function parseLicence(value: string): LicenceId | null {
  const squashed = value.trim().toUpperCase().replace(/[\s_]+/g, '-').replace(/-V?(\d)\.(\d)$/, '-$1.$2');
  if (squashed === 'ETALAB' || squashed === 'LICENCE-OUVERTE' || squashed === 'ETALAB-2.0') return 'Etalab-2.0';
  const found = LICENCE_IDS.find((id) => id.toUpperCase() === squashed);
  return found ?? null;
}
