/**
 * Texts of moments on the talk, podcast and embed pages: the excerpt shown, the form choosing a
 * moment to cite, the clip of that moment. In English.
 */
export const moment = {
  'moment.excerpt': 'Excerpt from {start} to {end}',
  'moment.whole': 'see the whole recording',

  'moment.form.legend': 'Choose the moment',
  'moment.form.format': 'Write each time in seconds (754), minutes:seconds (12:34) or hours:minutes:seconds (1:02:05). Without an end, the moment runs to the end of the recording.',
  'moment.form.start': 'Start',
  'moment.form.end': 'End (optional)',
  'moment.form.nowStart': 'Use the current position as the start',
  'moment.form.nowEnd': 'Use the current position as the end',
  'moment.form.submit': 'Set this moment',
  'moment.set.start': 'Start: {time}',
  'moment.set.end': 'End: {time}',
  'moment.problem.start': 'The start “{value}” is not a time: write seconds, mm:ss or hh:mm:ss.',
  'moment.problem.end': 'The end “{value}” is not a time: write seconds, mm:ss or hh:mm:ss.',
  'moment.problem.late': 'The start ({start}) is after the end of the recording ({duration}).',
  'moment.problem.order': 'The end ({end}) must come after the start ({start}).',

  'moment.clip.heading': 'Download this excerpt',
  'moment.clip.video': 'Video excerpt (MP4)',
  'moment.clip.audio': 'Audio excerpt (M4A)',
  'moment.clip.captions': 'Captions of the excerpt in {language} (WebVTT)',
  'moment.clip.keyframes': 'The video is cut at keyframes, one every 2 seconds: the excerpt begins at the one before the chosen start, up to 2 seconds earlier.',
  'moment.clip.needsEnd': 'To download this excerpt, also choose its end above: an excerpt lasts {minutes} minutes at most.',
  'moment.clip.tooLong': 'A downloadable excerpt lasts {minutes} minutes at most: choose an end closer to the start.',
};
