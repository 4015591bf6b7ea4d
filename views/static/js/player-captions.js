import { readPrefs, writePref } from './browser-store.js';

const SIZES = ['normal', 'large', 'larger'];
const CONTRASTS = ['light', 'yellow', 'dark'];
/** Line of a cue: one line up from the last clears the browser's controls; 0 is the top line. */
const LINES = { bottom: -2, top: 0 };

export const captionTracks = (media) => [...media.textTracks].filter((track) => track.kind === 'captions' || track.kind === 'subtitles');

/**
 * Captions their way: size and colours through `::cue` rules keyed on the player's data
 * attributes (item.css), position by each cue's line; kept for every recording. Captions once
 * turned on (in the player's menu or with C) come on by themselves on the next recording, in
 * the same language when it has it; once turned off, they stay off.
 */
export function styleCaptions(media, fields) {
  const tracks = captionTracks(media);
  if (tracks.length === 0) {
    fields.details.hidden = true;
    return;
  }
  const prefs = readPrefs();
  const settings = {
    size: SIZES.includes(prefs.captionSize) ? prefs.captionSize : 'normal',
    contrast: CONTRASTS.includes(prefs.captionContrast) ? prefs.captionContrast : 'light',
    position: prefs.captionPosition in LINES ? prefs.captionPosition : 'bottom',
  };
  const placeCues = (track) => {
    for (const cue of [...(track.cues ?? [])]) {
      if ('line' in cue && cue.line !== LINES[settings.position]) cue.line = LINES[settings.position];
    }
  };
  const apply = () => {
    media.dataset.captionSize = settings.size;
    media.dataset.captionContrast = settings.contrast;
    fields.size.value = settings.size;
    fields.contrast.value = settings.contrast;
    fields.position.value = settings.position;
    tracks.forEach(placeCues);
  };
  apply();
  for (const [name, field, pref] of [['size', fields.size, 'captionSize'], ['contrast', fields.contrast, 'captionContrast'], ['position', fields.position, 'captionPosition']]) {
    field.addEventListener('change', () => {
      settings[name] = field.value;
      writePref(pref, field.value);
      apply();
    });
  }
  // Cues arrive when a track loads; each is placed as it shows, whichever way it was turned on.
  for (const track of tracks) track.addEventListener('cuechange', () => placeCues(track));
  for (const element of media.querySelectorAll('track')) element.addEventListener('load', () => tracks.forEach(placeCues));

  if (prefs.captions === true || typeof prefs.captions === 'string') showCaptions(media, String(prefs.captions));
  else if (prefs.captions === false) hideCaptions(media);
  media.textTracks.addEventListener('change', () => {
    const showing = tracks.find((track) => track.mode === 'showing');
    const kept = readPrefs().captions;
    const now = showing ? showing.language || true : false;
    if (now !== kept) writePref('captions', now);
  });
}

/** Shows the captions in `language` (or the first ones), hiding any other. */
export function showCaptions(media, language) {
  const tracks = captionTracks(media);
  const chosen = tracks.find((track) => track.language === language) ?? tracks[0];
  for (const track of tracks) if (track !== chosen && track.mode === 'showing') track.mode = 'disabled';
  if (chosen) chosen.mode = 'showing';
  return chosen ?? null;
}

export function hideCaptions(media) {
  for (const track of captionTracks(media)) if (track.mode === 'showing') track.mode = 'disabled';
}
