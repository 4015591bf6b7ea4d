/**
 * Texts of moments on the talk, podcast and embed pages: the excerpt shown, the form choosing a
 * moment to cite, the clip of that moment. In French, the reference.
 */
export const moment = {
  'moment.excerpt': 'Extrait de {start} à {end}',
  'moment.whole': 'voir l’enregistrement entier',

  'moment.form.legend': 'Choisir le moment',
  'moment.form.format': 'Écrivez chaque temps en secondes (754), en minutes:secondes (12:34) ou en heures:minutes:secondes (1:02:05). Sans fin, le moment va jusqu’au bout de l’enregistrement.',
  'moment.form.start': 'Début',
  'moment.form.end': 'Fin (facultative)',
  'moment.form.nowStart': 'Prendre la position actuelle comme début',
  'moment.form.nowEnd': 'Prendre la position actuelle comme fin',
  'moment.form.submit': 'Valider ce moment',
  'moment.set.start': 'Début\u00a0: {time}',
  'moment.set.end': 'Fin\u00a0: {time}',
  'moment.problem.start': 'Le début «\u00a0{value}\u00a0» n’est pas un temps\u00a0: écrivez des secondes, mm:ss ou hh:mm:ss.',
  'moment.problem.end': 'La fin «\u00a0{value}\u00a0» n’est pas un temps\u00a0: écrivez des secondes, mm:ss ou hh:mm:ss.',
  'moment.problem.late': 'Le début ({start}) est après la fin de l’enregistrement ({duration}).',
  'moment.problem.order': 'La fin ({end}) doit venir après le début ({start}).',

  'moment.clip.heading': 'Télécharger cet extrait',
  'moment.clip.video': 'Extrait vidéo (MP4)',
  'moment.clip.audio': 'Extrait audio (M4A)',
  'moment.clip.captions': 'Sous-titres de l’extrait en {language} (WebVTT)',
  'moment.clip.keyframes': 'La vidéo est découpée aux images clés, une toutes les 2 secondes\u00a0: l’extrait commence à celle qui précède le début choisi, jusqu’à 2 secondes plus tôt.',
  'moment.clip.needsEnd': 'Pour télécharger cet extrait, choisissez aussi sa fin ci-dessus\u00a0: un extrait dure {minutes} minutes au plus.',
  'moment.clip.tooLong': 'Un extrait téléchargeable dure {minutes} minutes au plus\u00a0: choisissez une fin plus proche du début.',
};
