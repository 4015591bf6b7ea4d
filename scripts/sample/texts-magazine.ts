/**
 * The magazine: five A4 pages of article text. It deliberately uses the characters French
 * typesetting needs (é è à ç œ « » ’ …) so text extraction and search are tested on them.
 */
import type { Magazine } from './texts.js';

export const MAGAZINE: Magazine = {
  file: 'documents/magazine-nec-2025',
  title: 'Le magazine de Numérique en Commun[s] 2025 : cinq idées pour un numérique d’intérêt général',
  kind: 'document',
  date: '2025-10-30',
  themes: ['Médiation numérique', 'Communs & souveraineté', 'Écologie du numérique'],
  speakers: [
    { name: 'Marie Lefèvre', organisation: 'Rédaction du magazine NEC' },
    { name: 'Hugo Martin', organisation: 'Rédaction du magazine NEC' },
  ],
  licence: 'Etalab-2.0',
  summary:
    'Le magazine de l’édition strasbourgeoise : médiation numérique, accessibilité, données publiques et sobriété, '
    + 'en cinq articles nourris des échanges des deux journées.',
  author: 'Marie Lefèvre, Hugo Martin',
  pages: [
    {
      title: 'Édito : faire du numérique un commun',
      byline: 'Par Marie Lefèvre',
      paragraphs: [
        'Deux jours, deux mille participantes et participants, plus de cent sessions : l’édition strasbourgeoise de Numérique en Commun[s] a confirmé qu’il existe, partout en France, une communauté vivante qui refuse de laisser le numérique se faire sans elle. Médiatrices, agents publics, élus, bénévoles d’associations, chercheurs et développeurs se sont retrouvés autour d’une même conviction : le numérique est une affaire d’intérêt général.',
        'Ce magazine rassemble cinq idées entendues pendant ces journées. Elles ne forment pas un programme, mais un état des lieux : ce qui marche déjà, ce qui coince encore, et ce que chacun peut faire dès demain, dans sa commune, son association ou son service.',
        'Nous remercions toutes celles et tous ceux qui ont partagé leur expérience, leurs doutes et leurs outils. Tous les contenus de cette édition sont publiés sous licence libre : lisez-les, réutilisez-les, améliorez-les. C’est le cœur même d’un commun.',
      ],
      keyPoints: [
        'Plus de cent sessions en deux jours, à Strasbourg.',
        'Tous les contenus sont publiés sous licence libre.',
        'Un fil rouge : le numérique comme affaire d’intérêt général.',
      ],
    },
    {
      title: 'Médiation : les aidants en première ligne',
      byline: 'Par Hugo Martin',
      paragraphs: [
        'Dans les permanences, les robots conversationnels sont arrivés avant les formations. Les médiatrices et médiateurs voient passer des courriers rédigés par des machines, parfois justes, parfois truffés d’erreurs présentées avec aplomb. « Notre rôle n’a jamais été aussi important », résume une médiatrice de la Coopérative Passerelles numériques.',
        'Trois principes reviennent dans tous les ateliers : expliquer comment ces outils fabriquent leurs réponses, vérifier chaque information auprès d’une source officielle, et laisser toujours la décision à la personne accompagnée. Ils valent pour l’intelligence artificielle comme pour n’importe quel outil.',
        'Reste la question des moyens. Former les agents d’accueil des mairies, rémunérer correctement les médiateurs, financer des lieux ouverts le soir et le samedi : ce sont des choix budgétaires, pas des détails techniques. Plusieurs collectivités présentes à Strasbourg ont annoncé des programmes de formation pour l’année à venir.',
      ],
      keyPoints: [
        'Expliquer, vérifier, laisser décider la personne.',
        'Former les agents d’accueil autant que les usagers.',
        'La médiation est un choix budgétaire, pas un détail.',
      ],
    },
    {
      title: 'Accessibilité : tester avec les personnes concernées',
      byline: 'Par Marie Lefèvre',
      paragraphs: [
        'Un site peut cocher la plupart des cases d’un audit et rester pénible à utiliser. C’est le constat de l’Agence régionale du numérique inclusif, qui organise désormais chaque trimestre des sessions de test avec des personnes utilisant un lecteur d’écran, une loupe ou la commande vocale.',
        'Les sessions durent une heure, sont rémunérées et portent sur des parcours complets : s’inscrire à la cantine, payer une facture d’eau, prendre rendez-vous à l’état civil. En une matinée, les équipes découvrent davantage de blocages qu’en un mois d’audit.',
        'Pour la vidéo, trois engagements : des sous-titres relus par un humain, une audiodescription lorsque l’image porte une information que la parole ne donne pas, et la langue des signes française pour les contenus essentiels. Cette année, toutes les plénières ont été interprétées en LSF.',
      ],
      keyPoints: [
        'Des tests rémunérés avec les personnes concernées.',
        'Des parcours complets plutôt que des pages isolées.',
        'Sous-titres relus, audiodescription et LSF pour la vidéo.',
      ],
    },
    {
      title: 'Données publiques : ouvrir pour mieux servir',
      byline: 'Par Hugo Martin',
      paragraphs: [
        'Ouvrir ses données n’est pas réservé aux grandes villes. Dans l’atelier animé par Léa Schmitt et Marc Dupont, des agents de petites communes ont publié en deux heures leur premier jeu de données : les horaires des équipements publics, avec une ligne par équipement et une colonne par information.',
        'Les conseils sont simples : des dates au format année-mois-jour, un fichier en UTF-8 pour que les accents survivent, pas de cellules fusionnées, et une phrase de documentation par colonne. La Licence Ouverte reste le choix le plus courant ; l’ODbL convient à ceux qui veulent que les améliorations restent libres.',
        'Une donnée publiée une fois évite de répondre cent fois à la même demande. Elle devient un commun lorsqu’une communauté s’en empare : associations, chercheurs, entreprises ou simples curieux, qui signalent les erreurs et proposent des usages inattendus.',
      ],
      keyPoints: [
        'Une ligne par objet, une colonne par propriété.',
        'Dates année-mois-jour, fichier en UTF-8.',
        'Licence Ouverte ou ODbL, et une date de mise à jour.',
      ],
    },
    {
      title: 'Écologie : la sobriété, une affaire collective',
      byline: 'Par Marie Lefèvre',
      paragraphs: [
        'La fabrication de nos appareils pèse bien plus lourd que leur usage. Garder son téléphone ou son ordinateur quelques années de plus reste le geste le plus efficace, à condition que les logiciels suivent : les communs numériques, maintenus sans obsolescence programmée, y contribuent directement.',
        'À Strasbourg, un atelier de réemploi récupère les tablettes réformées des collèges, les fait réparer par des jeunes en insertion et les prête aux familles. Deux mille appareils ont ainsi retrouvé une seconde vie cette année, accompagnés d’ateliers de prise en main.',
        'Sobriété et inclusion vont souvent de pair : un service léger fonctionne sur un vieil appareil et avec une connexion faible. Concevoir sobrement, c’est aussi concevoir pour toutes et tous. Rendez-vous à la prochaine édition pour mesurer le chemin parcouru… ensemble.',
      ],
      keyPoints: [
        'Faire durer le matériel reste le geste le plus efficace.',
        'Deux mille tablettes réemployées cette année.',
        'Un service sobre est aussi un service plus inclusif.',
      ],
    },
  ],
};
