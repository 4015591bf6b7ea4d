/**
 * Texts of the OAI-PMH endpoint (/oai): the repository's name and the names of its sets, which
 * harvesters show to librarians. In French, the reference: every other locale has these keys.
 */
export const oai = {
  'oai.repositoryName': 'Médiacommuns — les archives ouvertes de Numérique en Commun[s]',
  'oai.set.editions': 'Éditions',
  'oai.set.kinds': 'Types de contenus',
  'oai.set.kind.talk': 'Conférences',
  'oai.set.kind.workshop': 'Ateliers',
  'oai.set.kind.round-table': 'Tables rondes',
  'oai.set.kind.pitch': 'Pitchs',
  'oai.set.kind.podcast': 'Podcasts',
  'oai.set.kind.document': 'Documents',
} as const;
