import { forgetAll, readPrefs, writePref } from './browser-store.js';
import { announce } from './item-copy.js';
import { styleCaptions } from './player-captions.js';
import { offerResume } from './player-resume.js';
import { enableShortcuts } from './player-shortcuts.js';
import { chooseSpeed } from './player-speed.js';
import { findInTranscript } from './transcript-find.js';

/**
 * The visitor's own comforts on a talk, podcast or embed page, all kept in their browser only
 * (browser-store.js): « Reprendre à 12:34 », speed, captions their way, keyboard shortcuts,
 * find in the transcript, « suivre la lecture » remembered. The controls come from a template
 * the server rendered in the page's language (item-prefs.hbs) into #player-prefs: without
 * JavaScript nothing of it is shown, and nothing is kept.
 */
export function startPlayerPrefs(media) {
  findInTranscript(media);
  rememberFollow();
  const template = document.getElementById('player-prefs-template');
  const place = document.getElementById('player-prefs');
  if (!(template instanceof HTMLTemplateElement) || !place) return;
  place.append(template.content.cloneNode(true));
  const byId = (id) => document.getElementById(id);
  const item = { id: template.dataset.itemId, title: template.dataset.itemTitle, kind: template.dataset.itemKind, url: template.dataset.itemUrl };
  const status = byId('player-prefs-status');

  offerResume(media, byId('player-resume'), item);
  chooseSpeed(media, byId('pref-speed'));
  styleCaptions(media, { details: byId('player-captions'), size: byId('pref-caption-size'), contrast: byId('pref-caption-contrast'), position: byId('pref-caption-position') });
  enableShortcuts(media, { toggle: byId('pref-shortcuts'), open: byId('shortcuts-open'), dialog: byId('shortcuts-dialog'), close: byId('shortcuts-close'), status });

  const clear = byId('prefs-clear');
  clear.addEventListener('click', () => {
    forgetAll();
    announce(status, clear.dataset.done);
  });
}

/** The transcript's « suivre la lecture » box, as the visitor last left it. */
function rememberFollow() {
  const follow = document.getElementById('transcript-follow');
  if (!(follow instanceof HTMLInputElement)) return;
  if (readPrefs().follow === true) follow.checked = true;
  follow.addEventListener('change', () => writePref('follow', follow.checked));
}
