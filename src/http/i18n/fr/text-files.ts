/** No-break space: French puts one before : so it never starts a line. */
const _ = '\u00a0';

/**
 * Texts of the transcript, slide and page files the API makes (/api/items/<id>/transcript.*,
 * slides.txt, pages.txt) and of their links on the item pages.
 * In French, the reference: every other locale has these keys (checked by ../translation.ts).
 */
export const textFiles = {
  'textFile.field': `{label}${_}: {value}`,
  'textFile.said': `{speaker}${_}: {text}`,
  'textFile.label.title': 'Titre',
  'textFile.label.speakers': 'Intervenants',
  'textFile.label.edition': 'Édition',
  'textFile.label.date': 'Date',
  'textFile.label.url': 'Adresse permanente',
  'textFile.label.licence': 'Licence',
  'textFile.label.attribution': 'Crédit à reprendre',
  'textFile.label.text': 'Texte',
  'textFile.transcript.heading': 'Transcription',
  'textFile.slides.heading': 'Texte des diapositives',
  'textFile.pages.heading': 'Texte des pages',
  'textFile.slides.source': 'Texte des diapositives lu automatiquement (OCR), non relu ({language})',
  'textFile.pages.source': 'Texte du document PDF ({language})',
  'textFile.pages.sourceOcr': 'Texte du document PDF ({language}), dont {count} pages lues automatiquement (OCR), non relues',
  'textFile.pages.sourceOcr.one': 'Texte du document PDF ({language}), dont une page lue automatiquement (OCR), non relue',
  'textFile.page': '— Page {page} —',
  'textFile.docx.metadata': 'Provenance de ce texte',

  'item.textFiles.transcript': 'Télécharger la transcription',
  'item.textFiles.txt': 'Texte brut (TXT)',
  'item.textFiles.md': 'Markdown (MD)',
  'item.textFiles.docx': 'Word (DOCX)',
  'item.textFiles.vtt': 'Sous-titres WebVTT (VTT)',
  'item.textFiles.srt': 'Sous-titres SubRip (SRT)',
  'item.textFiles.json': 'Données (JSON)',
  'item.textFiles.slides': 'Texte des diapositives en texte brut (TXT)',
  'item.textFiles.pages': 'Texte des pages en texte brut (TXT)',
};
