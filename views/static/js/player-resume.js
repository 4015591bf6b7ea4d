import { forgetPosition, readPositions, writePosition } from './browser-store.js';
import { timecode } from './timecode.js';

/** A position under this is no progress worth offering back; one this close to the end is a recording finished. */
const RESUME_MIN_SECONDS = 10;
const FINISHED_WITHIN_SECONDS = 10;
/** Writing on every timeupdate (4 a second) would be wasteful; a pause, leaving and the end are written at once. */
const SAVE_EVERY_MS = 5000;

/**
 * Where the visitor stopped, per recording, with what the home page's « Continuer » list shows
 * (title, kind, address). Coming back, a button offers « Reprendre à 12:34 »: the player never
 * jumps by itself, and a page opened at a moment (`?t=`) plays that moment instead.
 */
export function offerResume(media, button, item) {
  const kept = readPositions()[item.id];
  const atMoment = new URLSearchParams(window.location.search).has('t') || media.dataset.startAt !== undefined;
  const offer = button.parentElement;
  if (kept && Number(kept.position) >= RESUME_MIN_SECONDS && !atMoment) {
    const position = Number(kept.position);
    button.textContent = (button.dataset.label ?? '{time}').replace('{time}', timecode(position));
    offer.hidden = false;
    button.addEventListener('click', () => {
      media.currentTime = position;
      media.play().catch(() => {});
      offer.remove();
      // The button is gone: the player, which now plays from there, takes the focus.
      media.focus();
    });
  } else {
    // Out of the page: an empty button, even hidden, is a button without a name.
    offer.remove();
  }

  let lastSaved = 0;
  const save = () => {
    const position = media.currentTime;
    const duration = media.duration;
    if (!Number.isFinite(duration) || duration <= 0 || position < RESUME_MIN_SECONDS) return;
    if (duration - position <= FINISHED_WITHIN_SECONDS) {
      forgetPosition(item.id);
      return;
    }
    lastSaved = Date.now();
    writePosition(item.id, { position: Math.floor(position), duration: Math.round(duration), title: item.title, kind: item.kind, url: item.url });
    // A newer position than the one offered: the offer is out of date.
    offer.remove();
  };
  media.addEventListener('timeupdate', () => {
    if (!media.paused && Date.now() - lastSaved >= SAVE_EVERY_MS) save();
  });
  media.addEventListener('pause', save);
  media.addEventListener('ended', () => forgetPosition(item.id));
  window.addEventListener('pagehide', save);
}
