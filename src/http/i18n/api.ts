import { defineMessages } from './define.js';

/** Texts of the machine-readable outputs people still read: podcast feeds, schema.org summaries. */
export const api = defineMessages(
  {
    'feed.title': 'Les podcasts de Numérique en Commun[s]',
    'feed.editionTitle': 'Les podcasts de Numérique en Commun[s] {edition}',
    'feed.description':
      'Les podcasts enregistrés pendant Numérique en Commun[s], l’événement national de l’inclusion numérique\u00a0: médiation, communs, accessibilité. Sous licence libre, avec leurs transcriptions.',
    'feed.editionDescription':
      'Les podcasts enregistrés pendant Numérique en Commun[s] {edition}, l’événement national de l’inclusion numérique. Sous licence libre, avec leurs transcriptions.',
    'feed.author': 'Numérique en Commun[s]',
    'jsonld.offers': 'Accessibilité\u00a0: {features}.',
    'jsonld.none': 'Pas encore de sous-titres ni de transcription.',
    'jsonld.silent': 'Vidéo sans son.',
    'jsonld.captions.reviewed': 'sous-titres relus',
    'jsonld.captions.automatic': 'sous-titres automatiques',
    'jsonld.transcript.reviewed': 'transcription relue',
    'jsonld.transcript.automatic': 'transcription automatique',
    'jsonld.audioDescription': 'audiodescription',
    'jsonld.signLanguage': 'interprétation en langue des signes française',
    'jsonld.easyRead': 'version facile à lire et à comprendre (FALC)',
    'jsonld.pageText': 'texte de chaque page',
    'jsonld.event': 'Numérique en Commun[s] {edition}',
  },
  {
    'feed.title': 'Numérique en Commun[s] podcasts',
    'feed.editionTitle': 'Numérique en Commun[s] {edition} podcasts',
    'feed.description':
      'Podcasts recorded at Numérique en Commun[s], the French national event on digital inclusion: digital mediation, commons, accessibility. Openly licensed, with their transcripts.',
    'feed.editionDescription':
      'Podcasts recorded at Numérique en Commun[s] {edition}, the French national event on digital inclusion. Openly licensed, with their transcripts.',
    'feed.author': 'Numérique en Commun[s]',
    'jsonld.offers': 'Accessibility: {features}.',
    'jsonld.none': 'No captions or transcript yet.',
    'jsonld.silent': 'Video without sound.',
    'jsonld.captions.reviewed': 'reviewed captions',
    'jsonld.captions.automatic': 'automatic captions',
    'jsonld.transcript.reviewed': 'reviewed transcript',
    'jsonld.transcript.automatic': 'automatic transcript',
    'jsonld.audioDescription': 'audio description',
    'jsonld.signLanguage': 'French Sign Language interpretation',
    'jsonld.easyRead': 'easy-to-read version',
    'jsonld.pageText': 'text of every page',
    'jsonld.event': 'Numérique en Commun[s] {edition}',
  },
);
