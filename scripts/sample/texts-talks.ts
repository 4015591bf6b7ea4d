/** The three slide talks: titles, bullets, spoken sentences, translations and descriptions. */
import type { SlideTalk } from './texts.js';

export const MEDIATION_TALK: SlideTalk = {
  file: 'talks/mediation-numerique-et-ia',
  title: 'Médiation numérique et intelligence artificielle : accompagner sans remplacer',
  kind: 'talk',
  date: '2025-10-29',
  themes: ['Médiation numérique', 'Données & IA'],
  speakers: [{ name: 'Claire Vasseur', organisation: 'Coopérative Passerelles numériques' }],
  licence: 'CC-BY-SA-4.0',
  summary:
    "Une médiatrice numérique raconte comment les robots conversationnels changent les permanences d'aide aux démarches, "
    + 'et propose trois principes pour accompagner les personnes sans les remplacer, ainsi que des ateliers pour former les agents d’accueil.',
  voice: 'fr+f3',
  englishSubtitles: true,
  slidesPdf: true,
  audioDescription: false,
  signLanguage: false,
  slides: [
    {
      title: 'Accompagner sans remplacer',
      bullets: ['Médiation numérique et intelligence artificielle', 'Claire Vasseur', 'Coopérative Passerelles numériques'],
      sentences: [
        'Bonjour à toutes et à tous.',
        "Je suis médiatrice numérique depuis dix ans, et je voudrais vous parler de ce que l'intelligence artificielle change dans nos permanences.",
        'Depuis un an, les personnes que nous accompagnons arrivent avec des réponses produites par des robots conversationnels.',
        'Parfois ces réponses les aident, parfois elles les égarent complètement.',
      ],
      en: [
        'Hello everyone.',
        'I have been a digital mediator for ten years, and I would like to talk about what artificial intelligence changes in our drop-in sessions.',
        'For a year now, the people we support have been arriving with answers produced by chatbots.',
        'Sometimes these answers help them, sometimes they lead them completely astray.',
      ],
    },
    {
      title: 'Ce que nous observons au guichet',
      bullets: [
        'Des courriers rédigés par un robot',
        'Des informations fausses mais très assurées',
        'De la confiance aveugle, ou de la peur',
        "Des agents d'accueil rarement formés",
      ],
      sentences: [
        'Voici ce que nous voyons au guichet.',
        "Une dame est venue avec une lettre de recours rédigée par un robot, qui citait un article de loi qui n'existe pas.",
        'Un jeune homme pensait que sa demande de logement était déjà acceptée, parce que la machine le lui avait affirmé.',
        "À l'inverse, beaucoup de personnes âgées refusent ces outils, par peur de se tromper ou d'être surveillées.",
        "Et nos collègues d'accueil, eux, n'ont presque jamais été formés.",
      ],
      en: [
        'This is what we see at the front desk.',
        'A woman came with an appeal letter written by a chatbot, which quoted a law that does not exist.',
        'A young man thought his housing application had already been accepted, because the machine had told him so.',
        'On the other hand, many older people refuse these tools, for fear of making mistakes or of being watched.',
        'And our front-desk colleagues have almost never been trained.',
      ],
    },
    {
      title: 'Trois principes pour la médiation',
      bullets: [
        "Expliquer comment l'outil fabrique ses réponses",
        'Vérifier auprès des sources officielles',
        'Laisser la décision à la personne',
      ],
      sentences: [
        'Nous avons donc adopté trois principes simples.',
        "D'abord, expliquer comment ces outils fabriquent leurs réponses : ils prédisent des mots probables, ils ne consultent pas votre dossier.",
        "Ensuite, vérifier ensemble chaque information auprès d'une source officielle, comme le site du service public.",
        "Enfin, laisser toujours la décision à la personne accompagnée, même quand l'outil semble plus rapide.",
      ],
      en: [
        'So we adopted three simple principles.',
        'First, explain how these tools produce their answers: they predict likely words, they do not look at your file.',
        'Then, check every piece of information together against an official source, such as the public service website.',
        'Finally, always leave the decision to the person being supported, even when the tool seems faster.',
      ],
    },
    {
      title: 'Former les aidants, pas seulement les usagers',
      bullets: [
        "Ateliers de deux heures pour les agents d'accueil",
        'Cas pratiques tirés de vraies permanences',
        'Une fiche réflexe sous licence libre',
      ],
      sentences: [
        'Le deuxième chantier concerne les aidants eux-mêmes.',
        "Avec la ville, nous avons organisé des ateliers de deux heures pour les agents d'accueil des mairies de quartier.",
        'Nous partons toujours de cas réels, anonymisés, rencontrés pendant nos permanences.',
        'Nous avons aussi rédigé une fiche réflexe, publiée sous licence libre, que chacun peut adapter et réutiliser.',
      ],
      en: [
        'The second project concerns the helpers themselves.',
        'With the city, we organised two-hour workshops for front-desk staff in the neighbourhood town halls.',
        'We always start from real, anonymised cases met during our drop-in sessions.',
        'We also wrote a quick-reference sheet, published under a free licence, that anyone can adapt and reuse.',
      ],
    },
    {
      title: 'Et maintenant ?',
      bullets: ["Mesurer les effets sur l'accès aux droits", 'Associer les personnes accompagnées', 'Partager nos ressources en communs'],
      sentences: [
        'Il nous reste beaucoup de travail.',
        "Nous voulons mesurer les effets de ces outils sur l'accès aux droits, et pas seulement sur le temps gagné.",
        'Nous voulons surtout associer les personnes accompagnées à ces choix, car ce sont elles les premières concernées.',
        'Toutes nos ressources sont partagées en communs, et nous attendons vos contributions : merci beaucoup.',
      ],
      en: [
        'We still have a lot of work to do.',
        'We want to measure the effects of these tools on access to rights, and not only on the time saved.',
        'Above all, we want to involve the people we support in these choices, because they are the first concerned.',
        'All our resources are shared as commons, and we look forward to your contributions: thank you very much.',
      ],
    },
  ],
};

export const ACCESSIBILITY_TALK: SlideTalk = {
  file: 'talks/accessibilite-du-referentiel-aux-usages',
  title: 'Accessibilité numérique : du référentiel aux usages réels',
  kind: 'talk',
  date: '2025-10-29',
  themes: ['Accessibilité', 'Médiation numérique'],
  speakers: [{ name: 'Thomas Weber', organisation: 'Agence régionale du numérique inclusif' }],
  licence: 'CC-BY-4.0',
  summary:
    "Pourquoi un site conforme peut rester pénible à utiliser : retour d'expérience sur des tests menés avec des personnes "
    + "qui utilisent un lecteur d'écran, une loupe ou la commande vocale, et sur les sous-titres, l'audiodescription et la langue des signes.",
  voice: 'fr+m3',
  englishSubtitles: false,
  slidesPdf: false,
  audioDescription: true,
  signLanguage: true,
  slides: [
    {
      title: 'Du référentiel aux usages réels',
      bullets: ['Accessibilité numérique en 2025', 'Thomas Weber', 'Agence régionale du numérique inclusif'],
      description: "Diapositive de titre sur fond clair : « Du référentiel aux usages réels », avec le nom de l'intervenant.",
      sentences: [
        "Merci de m'accueillir ce matin.",
        "Je travaille sur l'accessibilité des services publics en ligne, et je vais vous raconter ce que nous avons appris en testant nos sites avec leurs utilisateurs.",
        'Les audits de conformité sont indispensables, mais ils ne disent pas tout.',
        'Un site peut respecter la plupart des critères et rester pénible à utiliser.',
      ],
    },
    {
      title: 'Ce que disent les constats',
      bullets: ['Des déclarations absentes ou périmées', 'Des formulaires difficiles au clavier', 'Des vidéos rarement sous-titrées'],
      description: 'Nouvelle diapositive, « Ce que disent les constats » : trois problèmes fréquents sont listés.',
      sentences: [
        'Commençons par un constat.',
        "Dans notre région, la plupart des sites communaux n'affichent toujours pas de déclaration d'accessibilité à jour.",
        'Les formulaires restent le point noir : des champs sans étiquette, des erreurs signalées uniquement par une couleur.',
        'Et les vidéos publiées sont très rarement sous-titrées, encore moins audiodécrites.',
      ],
    },
    {
      title: 'Tester avec les personnes concernées',
      bullets: ["Lecteur d'écran, loupe, commande vocale", "Des sessions d'une heure, rémunérées", 'Des parcours complets, pas des pages isolées'],
      description: 'Diapositive « Tester avec les personnes concernées » : les outils utilisés et le format des sessions de test.',
      sentences: [
        'Nous avons donc changé de méthode.',
        "Chaque trimestre, nous invitons des personnes qui utilisent un lecteur d'écran, une loupe d'écran ou la commande vocale.",
        'Les sessions durent une heure, elles sont rémunérées, et elles portent sur un parcours complet, par exemple une inscription à la cantine.',
        "En une matinée, nous découvrons plus de blocages qu'en un mois d'audit.",
      ],
    },
    {
      title: 'Sous-titres, audiodescription, langue des signes',
      bullets: ['Des sous-titres relus pour chaque vidéo', 'Une audiodescription des images utiles', 'La langue des signes pour les contenus clés'],
      description: 'Diapositive sur les vidéos accessibles : sous-titres, audiodescription et langue des signes française.',
      sentences: [
        'Pour les vidéos, nous visons trois engagements.',
        'Des sous-titres relus par un humain, et pas seulement générés automatiquement.',
        "Une audiodescription quand l'image porte une information que la parole ne donne pas.",
        'Et une interprétation en langue des signes française pour les contenus les plus importants, comme cette conférence.',
      ],
    },
    {
      title: 'Ce que chacun peut faire demain',
      bullets: ["Publier sa déclaration d'accessibilité", 'Tester au clavier avant la mise en ligne', "Budgéter l'accessibilité dès le départ"],
      description: 'Dernière diapositive, « Ce que chacun peut faire demain » : trois gestes simples à retenir.',
      sentences: [
        'Pour conclure, trois gestes simples.',
        "Publiez votre déclaration d'accessibilité, même si elle révèle des défauts.",
        'Testez chaque nouvelle page au clavier, sans souris, avant de la mettre en ligne.',
        "Et prévoyez le budget de l'accessibilité dès le début du projet, car la corriger après coûte toujours plus cher.",
      ],
    },
  ],
};

export const OPEN_DATA_WORKSHOP: SlideTalk = {
  file: 'talks/atelier-donnees-ouvertes',
  id: '2025-strasbourg-atelier-donnees-ouvertes',
  title: 'Atelier : ouvrir les données publiques de sa commune',
  kind: 'workshop',
  date: '2025-10-30',
  themes: ['Données & IA', 'Communs & souveraineté'],
  speakers: [
    { name: 'Léa Schmitt', organisation: 'Mairie de Rosheim-sur-Bruche' },
    { name: 'Marc Dupont', organisation: 'Association Données en partage' },
  ],
  licence: 'Etalab-2.0',
  summary:
    "Un atelier pratique pour publier un premier jeu de données communal : pourquoi ouvrir, comment préparer un fichier propre, "
    + 'quelle licence choisir et comment faire vivre les données avec leurs réutilisateurs.',
  voice: 'fr+f2',
  englishSubtitles: false,
  slidesPdf: false,
  audioDescription: false,
  signLanguage: false,
  slides: [
    {
      title: 'Ouvrir les données de sa commune',
      bullets: ['Atelier pratique de deux heures', 'Léa Schmitt et Marc Dupont', 'Apportez vos tableurs !'],
      sentences: [
        'Bienvenue dans cet atelier pratique.',
        "Pendant deux heures, nous allons ouvrir ensemble un premier jeu de données communal, du tableur jusqu'à la publication.",
        "Vous n'avez pas besoin d'être informaticien : si vous savez remplir un tableur, vous savez déjà l'essentiel.",
        'Nous travaillerons sur des exemples réels, comme les horaires des équipements publics ou la liste des bornes de recharge.',
      ],
    },
    {
      title: 'Pourquoi ouvrir ?',
      bullets: ['Une obligation pour beaucoup de communes', 'Moins de demandes individuelles', 'Des services inventés par d’autres'],
      sentences: [
        'Pourquoi ouvrir vos données ?',
        "D'abord parce que la loi l'impose aux collectivités de plus de trois mille cinq cents habitants et de plus de cinquante agents.",
        'Ensuite parce qu’une donnée publiée une fois évite de répondre cent fois à la même demande.',
        "Enfin parce que d'autres, associations, chercheurs ou entreprises, construiront des services auxquels vous n'aviez pas pensé.",
      ],
    },
    {
      title: 'Préparer un bon fichier',
      bullets: ['Une ligne par objet, une colonne par propriété', 'Des dates au format année-mois-jour', 'Un encodage UTF-8, sans cellules fusionnées'],
      sentences: [
        'Un bon fichier commence par une structure simple : une ligne par objet, une colonne par propriété.',
        "Écrivez les dates au format année, mois, jour, pour qu'elles soient triées correctement partout.",
        'Enregistrez le fichier en UTF-8, pour que les accents de Sélestat ou de Molsheim ne se transforment pas en symboles étranges.',
        'Et supprimez les cellules fusionnées : elles sont jolies à l’écran, mais illisibles pour une machine.',
      ],
    },
    {
      title: 'Choisir une licence',
      bullets: ['La Licence Ouverte 2.0', "L'ODbL pour le partage à l'identique", 'Toujours citer la source et la date'],
      sentences: [
        'Vient ensuite le choix de la licence.',
        "Pour la plupart des administrations, la Licence Ouverte est le choix le plus simple : chacun peut réutiliser, à condition de citer la source.",
        "Si vous voulez que les améliorations restent libres, l'ODbL impose le partage à l'identique.",
        'Dans tous les cas, indiquez clairement la date de mise à jour de vos données.',
      ],
    },
    {
      title: 'Publier et faire vivre',
      bullets: ['Sur la plateforme nationale ou un portail local', 'Documenter chaque colonne', 'Répondre aux réutilisateurs'],
      sentences: [
        'Dernière étape : publier et faire vivre vos données.',
        'Vous pouvez les déposer sur la plateforme nationale des données publiques, ou sur le portail de votre territoire.',
        'Documentez chaque colonne en une phrase : c’est ce qui fait la différence pour les réutilisateurs.',
        'Et surtout, répondez à leurs questions : une donnée ouverte est un commun, qui vit grâce à sa communauté.',
      ],
    },
  ],
};
