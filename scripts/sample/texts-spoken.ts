/** The round table, the two podcasts and the phone-recorded pitch. */
import type { Conversation, PhoneVideo, Podcast } from './texts.js';

export const ROUND_TABLE: Conversation = {
  file: 'talks/table-ronde-communs-et-souverainete',
  title: 'Table ronde : les communs numériques, une question de souveraineté ?',
  kind: 'round-table',
  date: '2025-10-30',
  themes: ['Communs & souveraineté', 'Écologie du numérique'],
  speakers: [
    { name: 'Nadia Rahmani', organisation: "Collectif Communs d'Alsace" },
    { name: 'Paul Meyer', organisation: 'Syndicat intercommunal du numérique' },
  ],
  licence: 'CC-BY-NC-SA-4.0',
  summary:
    "Qu'est-ce qu'un commun numérique, et en quoi rend-il une collectivité plus libre de ses choix ? "
    + 'Un échange sur la gouvernance, le financement des communs par les collectivités et la durée de vie du matériel.',
  voices: ['fr+f3', 'fr+m3'],
  turns: [
    {
      speaker: 0,
      sentences: [
        'Bienvenue à cette table ronde.',
        'Nous allons parler de communs numériques et de souveraineté, deux mots très à la mode, mais rarement définis.',
        "Paul, pour vous, qu'est-ce qu'un commun numérique ?",
      ],
    },
    {
      speaker: 1,
      sentences: [
        "C'est une ressource partagée.",
        'Un logiciel, une base de données ou une carte, gérés par une communauté qui se donne ses propres règles.',
        "Ce n'est pas seulement du logiciel libre : c'est aussi une façon de décider ensemble.",
      ],
    },
    {
      speaker: 0,
      sentences: ['Et la souveraineté, dans tout ça ?', "On l'entend souvent comme le fait d'acheter français ou européen."],
    },
    {
      speaker: 1,
      sentences: [
        'Je crois que la question est plus profonde.',
        'Une collectivité est souveraine quand elle peut changer de prestataire sans perdre ses données, ni ses usagers.',
        'Les communs offrent exactement cette liberté, parce que personne ne peut les confisquer.',
      ],
    },
    {
      speaker: 0,
      sentences: ['Pourtant, les communs ont besoin de moyens pour durer.', 'Qui paie les développeurs, les modérateurs, les animateurs de communauté ?'],
    },
    {
      speaker: 1,
      sentences: [
        "C'est la vraie question.",
        'Nous proposons que chaque collectivité consacre une part de son budget numérique aux communs qu’elle utilise.',
        "Pas par charité, mais parce que c'est moins cher que de dépendre d'un seul fournisseur.",
      ],
    },
    {
      speaker: 0,
      sentences: ["Un dernier mot sur l'écologie ?", 'Les communs permettent aussi de faire durer le matériel, en évitant des mises à jour imposées.'],
    },
    {
      speaker: 1,
      sentences: [
        'Absolument : un logiciel maintenu en commun fait vivre plus longtemps nos ordinateurs.',
        'Merci à toutes et à tous pour vos questions.',
      ],
    },
  ],
};

export const PODCAST_SOBRIETY: Podcast = {
  file: 'podcasts/podcast-des-communs-sobriete-numerique',
  title: 'Le podcast des communs, épisode 3 : la sobriété numérique au quotidien',
  kind: 'podcast',
  date: '2025-10-30',
  themes: ['Écologie du numérique'],
  speakers: [{ name: 'Julien Moreau', organisation: 'Radio Communs Strasbourg' }],
  licence: 'CC-BY-4.0',
  summary:
    "Garder ses appareils plus longtemps, concevoir des services légers, faire connaître le reconditionnement : "
    + 'un épisode sur la sobriété numérique, sans culpabiliser personne, enregistré pendant Numérique en Commun[s].',
  voices: ['fr+m1'],
  format: 'mp3',
  gainDb: -6,
  album: 'Numérique en Commun[s] 2025 Strasbourg',
  genre: 'Podcast',
  turns: [
    {
      speaker: 0,
      sentences: [
        'Bonjour et bienvenue.',
        'Dans ce troisième épisode, nous parlons de sobriété numérique, sans culpabiliser personne.',
      ],
    },
    {
      speaker: 0,
      sentences: [
        'Commençons par le matériel.',
        'La fabrication de nos appareils pèse bien plus lourd que leur usage : garder son téléphone deux ans de plus, c’est le geste le plus efficace.',
        'Le reconditionnement et la réparation deviennent des métiers à part entière, et les médiateurs numériques peuvent les faire connaître.',
      ],
    },
    {
      speaker: 0,
      sentences: [
        'Côté services, la sobriété passe par la conception.',
        'Un site léger se charge plus vite, fonctionne sur de vieux appareils, et reste utilisable avec une connexion faible.',
        'Autrement dit, sobriété et inclusion vont souvent ensemble.',
      ],
    },
    {
      speaker: 0,
      sentences: [
        'À Strasbourg, plusieurs associations prêtent des ordinateurs reconditionnés aux familles qui en ont besoin.',
        'Nous les retrouverons dans le prochain épisode.',
        'Merci de votre écoute, et à bientôt.',
      ],
    },
  ],
};

export const PODCAST_INTERVIEW: Podcast = {
  file: 'podcasts/paroles-de-mediatrices-permanences-rurales',
  title: 'Paroles de médiatrices : les permanences numériques en milieu rural',
  kind: 'podcast',
  date: '2025-10-29',
  themes: ['Médiation numérique', 'Accessibilité'],
  speakers: [
    { name: 'Youssef Haddad', organisation: 'Numérique en Commun[s]' },
    { name: 'Amélie Fischer', organisation: 'Maison des services de la vallée' },
  ],
  licence: 'CC0-1.0',
  summary:
    "Amélie Fischer tient des permanences numériques itinérantes dans quatre villages des Vosges. Elle raconte qui vient la voir, "
    + "ce qui a changé en trois ans et pourquoi la permanence est aussi un accès au réseau.",
  voices: ['fr+m3', 'fr+f3'],
  format: 'm4a',
  gainDb: -1,
  album: 'Paroles de médiatrices',
  genre: 'Podcast',
  turns: [
    { speaker: 0, sentences: ['Amélie, où travaillez-vous ?'] },
    {
      speaker: 1,
      sentences: [
        'Dans une vallée des Vosges.',
        'Je tiens des permanences numériques dans quatre villages, chaque semaine, avec un ordinateur portable et une imprimante.',
      ],
    },
    { speaker: 0, sentences: ['Qui vient vous voir ?'] },
    {
      speaker: 1,
      sentences: [
        'Surtout des personnes âgées, mais aussi des agriculteurs et des jeunes qui cherchent un emploi.',
        "Beaucoup n'ont pas de connexion fiable à la maison, donc la permanence, c'est aussi un accès au réseau.",
      ],
    },
    { speaker: 0, sentences: ["Qu'est-ce qui a changé depuis trois ans ?"] },
    {
      speaker: 1,
      sentences: [
        'Les démarches sont toutes en ligne, mais les gens ont pris confiance.',
        "Certains viennent maintenant pour apprendre, et plus seulement pour qu'on fasse à leur place.",
        "C'est ma plus grande fierté.",
      ],
    },
    { speaker: 0, sentences: ['Merci Amélie, et bon courage pour la suite.'] },
  ],
};

export const PITCH: PhoneVideo = {
  file: 'talks/pitch-seconde-vie-tablettes',
  id: '2025-strasbourg-pitch-reemploi',
  title: 'Pitch : une seconde vie pour les tablettes des collèges',
  kind: 'pitch',
  date: '2025-10-30',
  themes: ['Écologie du numérique', 'Médiation numérique'],
  speakers: [{ name: 'Inès Karaca', organisation: 'Atelier Réemploi Solidaire' }],
  licence: 'CC-BY-SA-4.0',
  summary:
    'Filmé au téléphone pendant la session de pitchs : un atelier de réemploi récupère les tablettes scolaires réformées, '
    + 'les fait réparer par des jeunes en insertion et les prête aux familles avec un atelier de prise en main.',
  voice: 'fr+f2',
  cards: [
    {
      caption: 'Une seconde vie pour les tablettes',
      sentences: ['Bonjour, je suis Inès.', 'En trois minutes, je vous présente notre atelier de réemploi.'],
    },
    {
      caption: '2 000 tablettes récupérées',
      sentences: [
        'Chaque été, des tablettes partent au rebut.',
        'Cette année, nous en avons récupéré deux mille auprès de trois collèges.',
      ],
    },
    {
      caption: 'Réparées par des jeunes en insertion',
      sentences: ['Des jeunes en insertion les nettoient, changent les batteries et installent un système libre.'],
    },
    {
      caption: 'Prêtées aux familles',
      sentences: [
        'Ensuite, nous les prêtons aux familles, avec un atelier de prise en main.',
        'Rejoignez-nous : chaque tablette sauvée, c’est du matériel en moins à fabriquer.',
      ],
    },
  ],
};
