/** Texts of citations (file contents, the formatted reference, links to the files). In English. */
export const citation = {
  'citation.genre.presentation': 'Talk',
  'citation.genre.podcast': 'Podcast',
  'citation.genre.magazineArticle': 'Magazine',
  'citation.at': 'at {time}',
  'citation.atRange': 'at {start}–{end}',
  'citation.formatted': '{authors}, “{title}” [{genre}], {event}, {date}{moment}. {url}',
  'citation.heading': 'Cite in a bibliography',
  'citation.text.label': 'Reference to copy',
  'citation.text.copy': 'Copy the reference',
  'citation.files.intro': 'For your reference manager (Zotero, Mendeley, EndNote…):',
  'citation.file.ris': 'RIS file',
  'citation.file.bib': 'BibTeX file',
  'citation.file.json': 'CSL-JSON',
  'citation.file.momentHint': 'These files cite the moment chosen on the page when there is one.',
};
