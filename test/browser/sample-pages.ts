import { VIDEO_KINDS } from '../../src/domain/item.js';
import type { Manifest } from '../../src/domain/manifest.js';
import type { Locale, RouteName } from '../../src/http/locale.js';
import { urlFor } from '../../src/http/urls.js';
import { themeSlug } from '../../src/services/catalogue/catalogue.js';

/**
 * Every page template of the site over the ingested sample edition, with the ids and slugs
 * taken from its manifests (never guessed), so the browser tests follow the archive.
 */
export interface SamplePage {
  /** Test name: template, locale and what is special about it. */
  name: string;
  path: string;
  status: number;
  /** A selector the page must match, proving it shows what its name says (results, a player…). */
  shows?: string;
}

/** A word the sample's accessibility talk speaks (« Commençons par un constat. »): results with timed passages. */
export const SPOKEN_WORD = 'constat';
/** A word in no sample text: the empty result page. */
export const ABSENT_WORD = 'xylophonistes';

export interface SampleItems {
  /** The talk with captions, a sign-language video and a description track. */
  accessibleTalk: Manifest;
  roundTable: Manifest;
  podcast: Manifest;
  document: Manifest;
}

function need(manifest: Manifest | undefined, what: string): Manifest {
  if (!manifest) throw new Error(`the sample archive has no ${what}`);
  return manifest;
}

export function sampleItems(manifests: readonly Manifest[]): SampleItems {
  return {
    accessibleTalk: need(manifests.find((m) => VIDEO_KINDS.includes(m.kind) && m.signLanguage !== null && m.tracks.some((t) => t.kind === 'descriptions')), 'talk with sign language and descriptions'),
    roundTable: need(manifests.find((m) => m.kind === 'round-table'), 'round table'),
    podcast: need(manifests.find((m) => m.kind === 'podcast'), 'podcast'),
    document: need(manifests.find((m) => m.kind === 'document'), 'document'),
  };
}

export function samplePages(manifests: readonly Manifest[]): SamplePage[] {
  const items = sampleItems(manifests);
  const talk = items.accessibleTalk;
  const page = (name: string, route: RouteName, locale: Locale, params: Record<string, string> = {}, query: Record<string, string> = {}, shows?: string): SamplePage => ({
    name: `${name} (${locale})`,
    path: urlFor(route, locale, params, query),
    status: 200,
    ...(shows ? { shows } : {}),
  });
  const speaker = talk.speakers[0];
  const theme = talk.themes[0];
  if (!speaker || !theme) throw new Error(`${talk.id} has no speaker or no theme`);
  const pages: SamplePage[] = [
    page('home', 'home', 'fr'),
    page('search with results', 'search', 'fr', {}, { q: SPOKEN_WORD }, 'ol.results > li a.passage__time'),
    page('search with no results', 'search', 'fr', {}, { q: ABSENT_WORD }),
    page('filtered search', 'search', 'fr', {}, { kind: 'podcast' }, 'ol.results > li'),
    page('talk with captions, sign language and descriptions', 'talk', 'fr', { id: talk.id }, {}, 'video#player track[kind="descriptions"]'),
    page('round table', 'talk', 'fr', { id: items.roundTable.id }, {}, 'video#player'),
    page('podcast', 'podcast', 'fr', { id: items.podcast.id }, {}, 'audio#player'),
    page('document', 'document', 'fr', { id: items.document.id }, {}, 'section#page-1'),
    page('document at page 2', 'document', 'fr', { id: items.document.id }, { page: '2' }, 'section#page-2'),
    page('editions', 'editions', 'fr'),
    page('edition', 'edition', 'fr', { slug: talk.edition.slug }),
    page('speaker', 'speaker', 'fr', { slug: speaker.slug }),
    page('theme', 'theme', 'fr', { slug: themeSlug(theme) }),
    page('accessibility statement', 'accessibility', 'fr'),
    page('licences', 'licences', 'fr'),
    page('embed', 'embed', 'fr', { id: talk.id }, {}, '#player'),
    { name: 'not found (fr)', path: '/talks/cette-intervention-n-existe-pas', status: 404 },
    page('home', 'home', 'en'),
    page('search with results', 'search', 'en', {}, { q: SPOKEN_WORD }, 'ol.results > li a.passage__time'),
    page('talk', 'talk', 'en', { id: talk.id }),
    page('podcast', 'podcast', 'en', { id: items.podcast.id }),
    page('document', 'document', 'en', { id: items.document.id }),
    { name: 'not found (en)', path: '/en/talks/no-such-talk', status: 404 },
  ];
  return pages;
}
