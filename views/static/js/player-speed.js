import { readPrefs, writePref } from './browser-store.js';

/** The speeds offered (the select's options); anything else kept by an older page falls back to 1×. */
const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];

/**
 * Playback speed, chosen in a <select> (its value is what a screen reader announces) and kept
 * for every recording. The default rate is set too, so a new source (hls.js, listen only) keeps it;
 * a speed chosen in the browser's own menu is followed and kept the same way.
 */
export function chooseSpeed(media, select) {
  const apply = (rate) => {
    media.defaultPlaybackRate = rate;
    if (media.playbackRate !== rate) media.playbackRate = rate;
    select.value = String(rate);
  };
  const kept = Number(readPrefs().speed);
  apply(SPEEDS.includes(kept) ? kept : 1);
  select.addEventListener('change', () => {
    const rate = Number(select.value);
    apply(rate);
    writePref('speed', rate);
  });
  media.addEventListener('ratechange', () => {
    const rate = media.playbackRate;
    if (!SPEEDS.includes(rate) || String(rate) === select.value) return;
    apply(rate);
    writePref('speed', rate);
  });
}
