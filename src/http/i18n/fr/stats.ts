/** No-break space: French puts one before : ; ? ! so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of the statistics without tracking: the public page of monthly totals, the privacy
 * notice, the part of the accessibility statement about them, and the console's statistics. In
 * French, the reference: every other locale has these keys.
 */
export const stats = {
  'stats.footer.statistics': 'Statistiques',
  'stats.footer.privacy': 'Confidentialité',

  'stats.page.title': 'Statistiques de consultation',
  'stats.page.lede': 'Combien de fois les archives sont écoutées, regardées, téléchargées et intégrées à d’autres sites, mois par mois. Ces chiffres sont comptés sans cookie ni traceur et sans rien garder qui identifie une personne.',
  'stats.page.how': 'Ce qui est compté et comment',
  'stats.page.caption': 'Totaux mensuels des archives',
  'stats.page.none': 'Aucune consultation n’a encore été comptée.',
  'stats.col.month': 'Mois',
  'stats.col.plays': 'Lectures',
  'stats.col.completed': 'Lectures jusqu’à la fin',
  'stats.col.visitors': 'Visiteurs par jour et par contenu',
  'stats.col.downloads': 'Téléchargements',
  'stats.col.embeds': 'Lectures intégrées',
  'stats.col.searches': 'Recherches sans résultat',
  'stats.col.items': 'Contenus consultés',
  'stats.page.notes': `Une lecture est comptée après dix secondes écoutées${_}; «${_}jusqu’à la fin${_}» veut dire que la lecture a atteint la fin de l’enregistrement. Un visiteur est compté une fois par jour et par contenu. Les «${_}lectures intégrées${_}» sont les ouvertures du lecteur intégré sur d’autres sites. Les robots et les pages préchargées par les navigateurs ne sont pas comptés.`,

  'privacy.title': 'Confidentialité',
  'privacy.lede': 'Ce site ne dépose aucun cookie, n’utilise aucun traceur ni aucun service de mesure d’audience tiers. Il n’y a donc pas de bandeau de consentement.',
  'privacy.counted.heading': 'Ce qui est compté',
  'privacy.counted.intro': `Pour savoir ce qui est écouté et en rendre compte aux financeurs, le site compte, pour chaque contenu et chaque jour, des totaux seulement${_}:`,
  'privacy.counted.plays': `les lectures, une fois dix secondes écoutées, et jusqu’où elles sont allées (un quart, la moitié, trois quarts, la fin)${_}; la langue de la page${_};`,
  'privacy.counted.downloads': `les téléchargements, par format de fichier${_};`,
  'privacy.counted.embeds': `les ouvertures du lecteur intégré sur d’autres sites, par nom de ce site (par exemple «${_}blog.example.org${_}», jamais l’adresse complète de sa page)${_};`,
  'privacy.counted.searches': 'les recherches qui n’ont rien trouvé, avec leur texte seulement, pour savoir ce qui manque aux archives. Les adresses électroniques et les longs numéros qu’il contiendrait sont effacés.',
  'privacy.visitors.heading': 'Compter un visiteur une fois par jour, sans le connaître',
  'privacy.visitors.text': 'Pour compter une personne une seule fois par jour et par contenu, le serveur calcule une empreinte à partir de l’adresse IP, de l’identification du navigateur et d’un sel aléatoire. Ce sel change chaque jour, n’est gardé qu’en mémoire et n’est jamais écrit nulle part. Ni l’adresse, ni l’identification du navigateur, ni l’empreinte ne sont enregistrées, et les empreintes du jour sont oubliées le lendemain. Il est donc impossible de retrouver qui a consulté quoi, ou de reconnaître une personne d’un jour à l’autre.',
  'privacy.notCounted.heading': 'Ce qui n’est pas compté',
  'privacy.notCounted.text': 'Les robots (moteurs de recherche, aperçus de liens, outils de surveillance) et les pages préchargées par le navigateur au cas où elles seraient ouvertes ne sont pas comptés. Aucun parcours de visite, aucune durée de visite, aucune provenance autre que le nom du site qui intègre le lecteur.',
  'privacy.kept.heading': 'Où ces chiffres sont gardés',
  'privacy.kept.text': 'Les totaux sont enregistrés avec les archives, sur les serveurs de l’organisateur, sans aucune donnée personnelle. Les totaux mensuels sont publics.',
  'privacy.kept.link': 'Voir les statistiques',
  'privacy.team.heading': 'L’espace de l’équipe',
  'privacy.team.text': 'Seul l’espace d’administration réservé à l’équipe (sous /admin) utilise un cookie de session, strictement nécessaire pour rester connecté. Aucune page publique n’en dépose.',
  'privacy.contact.heading': 'Vos droits',
  'privacy.contact.text': 'Ces statistiques ne conservant aucune donnée personnelle, il n’y a rien à consulter, rectifier ou effacer à votre sujet. Pour toute question, contactez l’organisateur de Numérique en Commun[s].',

  'stats.a11y.heading': 'Mesure d’audience',
  'stats.a11y.text': 'Le site compte les lectures, les téléchargements, les intégrations et les recherches sans résultat, en totaux quotidiens, sans cookie ni traceur et sans bandeau de consentement. Le lecteur fonctionne de la même façon que ces mesures soient envoyées ou non.',
  'stats.a11y.link': 'Ce qui est compté et comment',
  'stats.a11y.pages': 'statistiques de consultation et confidentialité',

  'stats.admin.title': 'Statistiques',
  'stats.admin.month': 'Mois',
  'stats.admin.show': 'Afficher',
  'stats.admin.csv': 'Télécharger les totaux du mois (CSV)',
  'stats.admin.summary': 'Totaux du mois',
  'stats.admin.byItem': 'Par contenu',
  'stats.admin.byEdition': 'Par édition',
  'stats.admin.byTheme': 'Par thème',
  'stats.admin.byMonth': 'Par mois',
  'stats.admin.searches': 'Recherches sans résultat les plus fréquentes',
  'stats.admin.none': 'Rien n’a été compté ce mois-ci.',
  'stats.admin.col.item': 'Contenu',
  'stats.admin.col.edition': 'Édition',
  'stats.admin.col.theme': 'Thème',
  'stats.admin.col.query': 'Texte cherché',
  'stats.admin.col.count': 'Nombre',
  'stats.admin.col.quartiles': 'Quarts atteints (25 / 50 / 75 / fin)',
  'stats.admin.col.formats': 'Téléchargements par format',
  'stats.admin.col.hosts': 'Sites qui intègrent',
  'stats.admin.removed': '{id} (retiré)',
  'stats.admin.noHost': 'sans site indiqué',
} as const;
