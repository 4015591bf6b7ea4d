import { forgetAll, readPositions } from './browser-store.js';
import { announce } from './item-copy.js';
import { timecode } from './timecode.js';

/** The home page lists this many of the recordings left part-way, the latest first. */
const SHOWN = 8;

/**
 * The home page's « Continuer » section: the recordings this browser left part-way (kept by
 * player-resume.js), each a link with where it stopped, and a button clearing the list. Hidden
 * without JavaScript and when there is nothing to continue.
 */
const section = document.getElementById('continue');
const list = document.getElementById('continue-list');
const clear = document.getElementById('continue-clear');
const status = document.getElementById('continue-status');
if (section && list && clear && status) {
  const entries = Object.values(readPositions())
    .filter((entry) => typeof entry?.url === 'string' && typeof entry.title === 'string' && Number.isFinite(entry.position))
    .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
    .slice(0, SHOWN);
  if (entries.length > 0) {
    for (const entry of entries) list.append(itemOf(entry, section.dataset.at ?? ''));
    section.hidden = false;
    clear.addEventListener('click', () => {
      forgetAll({ positionsOnly: true });
      list.replaceChildren();
      clear.hidden = true;
      // The button is gone: the heading takes the focus, and the status says what happened.
      document.getElementById('continue-heading')?.focus();
      announce(status, status.dataset.done);
    });
  }
}

function itemOf(entry, template) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // Only a path on this site: a value read from storage is never trusted as a link elsewhere.
  link.href = new URL(entry.url, window.location.href).pathname;
  link.textContent = entry.title;
  const where = document.createElement('span');
  where.className = 'meta';
  where.textContent = ` — ${template.replace('{time}', timecode(entry.position)).replace('{duration}', timecode(entry.duration ?? 0))}`;
  item.append(link, where);
  return item;
}
