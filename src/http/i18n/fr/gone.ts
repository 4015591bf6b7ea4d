/** No-break space: French puts one before : ; ? ! so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of what a removed item's links answer (410 Gone): its notice page, its embed, and the
 * problem the API returns. In French, the reference: every other locale has these keys.
 */
export const gone = {
  'gone.title': 'Contenu retiré des archives',
  'gone.heading': 'Ce contenu a été retiré des archives',
  'gone.intro': `«${_}{title}${_}» a été retiré des archives le {date}.`,
  'gone.introUntitled': 'Le contenu publié à cette adresse a été retiré des archives le {date}.',
  'gone.introPurged': 'Le contenu publié à cette adresse a été retiré des archives le {date}. Aucune autre information n’est conservée.',
  'gone.facts.title': 'Titre',
  'gone.facts.kind': 'Type',
  'gone.facts.edition': 'Édition',
  'gone.facts.archived': 'Archivé le',
  'gone.facts.removed': 'Retiré le',
  'gone.facts.reason': 'Motif',
  'gone.replacement': `Il est remplacé par${_}:`,
  'gone.replacementUntitled': 'le contenu {id}',
  'gone.search': 'Chercher autre chose dans les archives',
  'gone.problem.title': 'Contenu retiré',
  'gone.problem.detail': `{id} a été retiré des archives le {date}${_}: {reason}`,
  'gone.problem.detailPurged': '{id} a été retiré des archives le {date}.',
} as const;
