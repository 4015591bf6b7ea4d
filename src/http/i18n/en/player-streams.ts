/** The player's stream choices in English (same keys as the French reference). */
export const playerStreams = {
  'streams.label': 'Data and quality',
  'streams.audioOnly': 'Listen only',
  'streams.sizes': 'video ~ {video}/h, listen only ~ {audio}/h',
  'streams.quality': 'Quality',
  'streams.quality.auto': 'Automatic',
  'streams.quality.level': '{name} (~ {size}/h)',
  'streams.status.audioOn': 'Listen only: the picture is no longer loaded.',
  'streams.status.audioOff': 'The picture is back.',
  'streams.status.saver': 'Data saver: playback starts at the lowest quality. Choose another one with "Quality".',
};
