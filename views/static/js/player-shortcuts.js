import { readPrefs, writePref } from './browser-store.js';
import { announce } from './item-copy.js';
import { captionTracks, hideCaptions, showCaptions } from './player-captions.js';
import { timecode } from './timecode.js';

/**
 * Single-key shortcuts for the player (space/k, j/l, ←/→, c, f, m, t, ?), listed in a dialog
 * opened by `?` or a visible button. WCAG 2.1.4: one checkbox turns them all off, and the choice
 * is kept. They never act while typing (fields, selects, editable text), with Ctrl, Alt or Cmd,
 * or while a dialog is open; Space still presses the focused button or link.
 */
export function enableShortcuts(media, parts) {
  const { toggle, open, dialog, close, status } = parts;
  toggle.checked = readPrefs().shortcuts !== false;
  toggle.addEventListener('change', () => writePref('shortcuts', toggle.checked));

  open.addEventListener('click', () => dialog.showModal());
  close.addEventListener('click', () => dialog.close());
  // However it closes (the button, Escape), the focus goes back to the button that opens it.
  dialog.addEventListener('close', () => open.focus());

  const say = (name, vars = {}) => announce(status, (status.dataset[name] ?? '').replace('{time}', vars.time ?? ''));
  const seekBy = (seconds) => {
    const end = Number.isFinite(media.duration) ? media.duration : Infinity;
    media.currentTime = Math.min(end, Math.max(0, media.currentTime + seconds));
    say('at', { time: timecode(media.currentTime) });
  };
  const actions = {
    ' ': () => (media.paused ? media.play().catch(() => {}) : media.pause()),
    k: () => (media.paused ? media.play().catch(() => {}) : media.pause()),
    j: () => seekBy(-10),
    l: () => seekBy(10),
    ArrowLeft: () => seekBy(-5),
    ArrowRight: () => seekBy(5),
    c: () => {
      if (captionTracks(media).length === 0) return say('captionsNone');
      if (captionTracks(media).some((track) => track.mode === 'showing')) {
        hideCaptions(media);
        return say('captionsOff');
      }
      const kept = readPrefs().captions;
      showCaptions(media, typeof kept === 'string' ? kept : document.documentElement.lang);
      return say('captionsOn');
    },
    f: () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else if (media instanceof HTMLVideoElement) media.requestFullscreen().catch(() => {});
    },
    m: () => {
      media.muted = !media.muted;
      say(media.muted ? 'muted' : 'unmuted');
    },
    t: () => {
      const link = document.querySelector('.transcript__passage.is-current .transcript__time') ?? document.querySelector('.transcript__time');
      link?.focus();
    },
    '?': () => dialog.showModal(),
  };

  document.addEventListener('keydown', (event) => {
    if (!toggle.checked || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const action = actions[key];
    // Shift + a letter is someone typing a capital, or another shortcut than ours; `?` needs Shift on most keyboards.
    if (!action || (event.shiftKey && key !== '?')) return;
    if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
    if (key === ' ' && event.target instanceof Element && event.target !== media && event.target.closest('a[href], button, summary, [role="button"], [tabindex]:not([tabindex="-1"])')) return;
    event.preventDefault();
    action();
  });
}

function isTyping(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])') !== null || (target instanceof HTMLElement && target.isContentEditable);
}
