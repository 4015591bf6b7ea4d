/** No-break space: French puts one before : ; ? ! so they never start a line. */
const _ = '\u00a0';

/**
 * Texts of the team's console: its frame, the sign-in page, the console's home (the archive's
 * status, the sections, the operator log) and its refusals. In French, the reference.
 */
export const admin = {
  'admin.tagline': 'Console de l’équipe',
  'admin.nav.label': 'Menu de la console',
  'admin.nav.console': 'Console',
  'admin.nav.site': 'Site public',
  'admin.signedInAs': `Connecté·e${_}: {name}`,
  'admin.signOut': 'Se déconnecter',
  'admin.back': 'Revenir à la console',

  'admin.signIn.heading': 'Connexion à la console',
  'admin.signIn.intro': 'Réservée à l’équipe qui gère les archives. Les comptes sont créés sur le serveur avec la commande «\u00a0mediacommuns operator add\u00a0».',
  'admin.signIn.name': 'Nom d’opérateur ou d’opératrice',
  'admin.signIn.password': 'Mot de passe',
  'admin.signIn.submit': 'Se connecter',
  'admin.signIn.failed': 'Nom ou mot de passe incorrect. Vérifiez-les et réessayez.',
  'admin.signIn.failedTitle': `Erreur${_}: {heading}`,
  'admin.signIn.signedOut': 'Vous êtes déconnecté·e de la console.',

  'admin.csrf.title': 'Formulaire refusé',
  'admin.csrf.text': 'Ce formulaire n’a pas pu être vérifié (il a peut-être expiré, ou vient d’un autre site). Rechargez la page et recommencez.',
  'admin.tooMany.title': 'Trop de tentatives de connexion',
  'admin.tooMany.text.one': 'Trop de tentatives de connexion ont échoué. Réessayez dans {count} minute.',
  'admin.tooMany.text.other': 'Trop de tentatives de connexion ont échoué. Réessayez dans {count} minutes.',

  'admin.console.heading': 'Console',
  'admin.console.sections': 'Rubriques',
  'admin.console.noSections': 'Aucune rubrique pour le moment.',
  'admin.log.heading': 'Dernières actions de l’équipe',
  'admin.log.caption': 'Les {count} dernières actions, de la plus récente à la plus ancienne',
  'admin.log.when': 'Quand',
  'admin.log.who': 'Qui',
  'admin.log.what': 'Quoi',
  'admin.log.target': 'Sur',
  'admin.log.detail': 'Détail',
  'admin.log.empty': 'Aucune action enregistrée.',
} as const;
