/** No-break space: French puts one inside « » and before : so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of citations: the genre and the moment written into RIS, BibTeX and CSL-JSON files, the
 * formatted reference beside the attribution and the links to the three files. In French, the
 * reference: every other locale has these keys.
 */
export const citation = {
  'citation.genre.presentation': 'Conférence',
  'citation.genre.podcast': 'Podcast',
  'citation.genre.magazineArticle': 'Magazine',
  'citation.at': 'à {time}',
  'citation.atRange': 'à {start}–{end}',
  // The formatted reference: authors, «${_}title${_}» [genre], event, date, moment. URL.
  'citation.formatted': `{authors}, «${_}{title}${_}» [{genre}], {event}, {date}{moment}. {url}`,
  'citation.heading': 'Citer dans une bibliographie',
  'citation.text.label': 'Référence à copier',
  'citation.text.copy': 'Copier la référence',
  'citation.files.intro': `Pour votre gestionnaire de références (Zotero, Mendeley, EndNote…)${_}:`,
  'citation.file.ris': 'Fichier RIS',
  'citation.file.bib': 'Fichier BibTeX',
  'citation.file.json': 'CSL-JSON',
  'citation.file.momentHint': 'Ces fichiers citent le moment choisi sur la page lorsqu’il y en a un.',
};
