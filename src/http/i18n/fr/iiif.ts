/**
 * Labels of the IIIF manifests and collections: every label there is a language map, so each
 * of these goes out in French and in English side by side. In French, the reference.
 */
export const iiif = {
  'iiif.speakers': 'Intervenants',
  'iiif.edition': 'Édition',
  'iiif.date': 'Date',
  'iiif.themes': 'Thèmes',
  'iiif.language': 'Langue',
  'iiif.licence': 'Licence',
  'iiif.attribution': 'Mention à reprendre',
  'iiif.chapters': 'Chapitres',
  'iiif.page': 'Page {page}',
  'iiif.archive': 'Les archives de Numérique en Commun[s]',
  'iiif.editionCollection': 'Numérique en Commun[s] {edition}',
  'iiif.record': 'Description complète (JSON)',
  'iiif.transcriptFile': 'Transcription à lire ({language})',
  'iiif.slidesFile': 'Texte des diapositives',
  'iiif.pagesFile': 'Texte des pages',
  'iiif.search': 'Chercher dans ce contenu',
} as const;
