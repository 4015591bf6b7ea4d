import type { Manifest } from '../../src/domain/manifest.js';
import { citationOf, type Citation } from '../../src/http/view-models/citation.js';
import type { Locale } from '../../src/http/locale.js';
import { documentManifest, podcastManifest, talkManifest } from './manifest-factory.js';

export const ORIGIN = 'https://archives.example.org';
/** A fixed day for the "accessed" date the files carry. */
export const ACCESSED = new Date('2026-12-07T10:00:00Z');

const speakers: Manifest['speakers'] = [
  { name: 'Jeanne Martin', organisation: 'La Mednum', slug: 'jeanne-martin' },
  { name: 'Marie de La Tour', slug: 'marie-de-la-tour' },
];

/** A talk, a podcast and a magazine with the same people, title characters LaTeX must escape, and a summary on two lines. */
export function citedManifests(): { talk: Manifest; podcast: Manifest; document: Manifest } {
  const common = { title: 'Médiation & IA : 100 % communs_libres', speakers, summary: 'Première ligne.\nSeconde ligne.', licence: 'CC-BY-SA-4.0' as const };
  return {
    talk: talkManifest({ ...common, id: '2025-strasbourg-ia' }),
    podcast: podcastManifest({ ...common, id: '2025-strasbourg-podcast' }),
    document: documentManifest({ ...common, id: '2025-strasbourg-magazine' }),
  };
}

export function citedAs(manifest: Manifest, locale: Locale = 'fr', moment: Citation['moment'] = null): Citation {
  return citationOf({ manifest, origin: ORIGIN, locale, moment, accessed: ACCESSED });
}
