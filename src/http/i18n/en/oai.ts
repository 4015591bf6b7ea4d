/** Texts of the OAI-PMH endpoint (/oai), in English: the keys of ../fr/oai.ts. */
export const oai = {
  'oai.repositoryName': 'Médiacommuns — the open archive of Numérique en Commun[s]',
  'oai.set.editions': 'Editions',
  'oai.set.kinds': 'Kinds of content',
  'oai.set.kind.talk': 'Talks',
  'oai.set.kind.workshop': 'Workshops',
  'oai.set.kind.round-table': 'Round tables',
  'oai.set.kind.pitch': 'Pitches',
  'oai.set.kind.podcast': 'Podcasts',
  'oai.set.kind.document': 'Documents',
} as const;
