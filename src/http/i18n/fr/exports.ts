/** No-break space: French puts one before : ; ? ! so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of the exports: the search results' CSV link, and the README and LICENCES of an
 * edition's package. In French, the reference: every other locale has these keys.
 */
export const exporting = {
  'export.searchCsv.link': 'Télécharger ces résultats (CSV, {bound} contenus au plus)',
  'export.readme.title': 'Numérique en Commun[s] {edition} — l’édition en un paquet',
  'export.readme.contents': `Ce paquet contient${_}:
- items.csv et items.json${_}: la description de chaque contenu, comme l’API la donne${_};
- <id>/<id>.<langue>.txt, <id>.slides.txt, <id>.pages.txt${_}: les transcriptions, le texte des diapositives et des pages à lire, avec leur source, leur licence et les temps [12:34]${_};
- <id>/text/…${_}: chaque transcription (texte brut .txt et WebVTT .vtt), les sous-titres et audiodescriptions, le texte des diapositives et des pages (JSON)${_};
- les PDF (documents, diapositives)${_};
- media.csv${_}: chaque fichier média avec son adresse, sa taille, son empreinte sha256 et sa licence${_};
- LICENCES.md${_}: la mention à reprendre pour chaque contenu.`,
  'export.readme.videos': `Les vidéos et les fichiers audio sont listés, pas inclus${_}: media.csv donne l’adresse de chacun, sa taille et son empreinte sha256 pour vérifier le fichier téléchargé.`,
  'export.readme.source': `Source${_}: {url}`,
  'export.licences.heading': 'Licences — Numérique en Commun[s] {edition}',
  'export.licences.intro': 'Chaque contenu est publié sous sa propre licence. Pour le réutiliser, reprenez sa mention ci-dessous.',
} as const;
