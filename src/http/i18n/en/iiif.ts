/** Labels of the IIIF manifests and collections (language maps: French and English side by side). In English. */
export const iiif = {
  'iiif.speakers': 'Speakers',
  'iiif.edition': 'Edition',
  'iiif.date': 'Date',
  'iiif.themes': 'Themes',
  'iiif.language': 'Language',
  'iiif.licence': 'Licence',
  'iiif.attribution': 'Credit to give',
  'iiif.chapters': 'Chapters',
  'iiif.page': 'Page {page}',
  'iiif.archive': 'The archive of Numérique en Commun[s]',
  'iiif.editionCollection': 'Numérique en Commun[s] {edition}',
  'iiif.record': 'Full description (JSON)',
  'iiif.transcriptFile': 'Transcript to read ({language})',
  'iiif.slidesFile': 'Slide text',
  'iiif.pagesFile': 'Page text',
  'iiif.search': 'Search in this item',
} as const;
