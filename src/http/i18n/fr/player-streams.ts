/** No-break space: French puts one before : ; ? ! so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of the player's stream choices (views/partials/player-streams.hbs): sound alone, the
 * quality, the data saver and what an hour of each costs. In French, the reference.
 */
export const playerStreams = {
  'streams.label': 'Données et qualité',
  'streams.audioOnly': 'Son seul',
  'streams.sizes': 'vidéo ~ {video}/h, son seul ~ {audio}/h',
  'streams.quality': 'Qualité',
  'streams.quality.auto': 'Automatique',
  'streams.quality.level': '{name} (~ {size}/h)',
  'streams.status.audioOn': `Son seul${_}: l’image n’est plus chargée.`,
  'streams.status.audioOff': 'L’image est rétablie.',
  'streams.status.saver': `Économie de données${_}: la lecture commence à la qualité la plus basse. Choisissez-en une autre avec «${_}Qualité${_}».`,
} as const;
