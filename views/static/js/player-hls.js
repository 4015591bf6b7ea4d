export const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * Plays the HLS master through hls.js where the browser cannot (Firefox, Chromium without
 * native HLS), or when asked: `?player=hlsjs`, or the audio-described version, which only
 * hls.js can select among the master's audio renditions, or to save data (it starts at the
 * lowest level, see player-streams.js). Elsewhere the <source> list already works (native HLS,
 * else the MP4/M4A file), and hls.js is never downloaded.
 */
export async function attachHls(media) {
  const source = media.querySelector(`source[type="${HLS_TYPE}"]`);
  if (!source) return null;
  const params = new URLSearchParams(window.location.search);
  const described = media.dataset.audioDescribed === 'true' ? media.dataset.describedAudio ?? null : null;
  // Only hls.js lets the page choose the level: a visitor saving data gets it to start at the lowest.
  const saver = savesData() && document.getElementById('player-streams-template') !== null;
  const forced = params.get('player') === 'hlsjs' || described !== null || saver;
  if (!forced && media.canPlayType(HLS_TYPE) !== '') return null;
  if (!('MediaSource' in window) && !('ManagedMediaSource' in window)) return null;
  // The browser began loading the <source> list at parse (preload="metadata"), and its own HLS
  // picks and switches levels by itself: stopped while hls.js loads, so that every segment
  // fetched is one hls.js asked for (it fetched 480p for a visitor saving data when hls.js was slow).
  const putBack = holdSources(media);
  const Hls = await loadScript(media.dataset.hlsSrc);
  if (!Hls || !Hls.isSupported()) {
    putBack();
    return null;
  }

  const start = Number(media.dataset.startAt);
  const hls = new Hls({ enableWorker: false, startPosition: Number.isFinite(start) && start > 0 ? start : -1, ...(saver ? { startLevel: 0 } : {}) });
  // Pinned before any fragment loads (the quality menu may be set up later): hls.js sorts its
  // levels by bitrate, and its bandwidth estimate would otherwise move up after the first one.
  if (saver) hls.once(Hls.Events.MANIFEST_PARSED, () => { hls.loadLevel = 0; });
  if (described) {
    const pick = () => {
      const index = hls.audioTracks.findIndex((track) => track.name === described || String(track.characteristics ?? '').includes('describes-video'));
      if (index >= 0 && hls.audioTrack !== index) hls.audioTrack = index;
    };
    hls.on(Hls.Events.MANIFEST_PARSED, pick);
    hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, pick);
  }
  hls.loadSource(source.src.split('#')[0]);
  hls.attachMedia(media);
  // The <source> list stays out while hls.js plays: each time hls.js detaches the element (a new
  // source: sound alone, back to the picture) it reloads it, and with the list back the browser's
  // own HLS would start again beside hls.js (it fetched a 480p segment after "listen only").
  media.dataset.engine = 'hlsjs';
  return hls;
}

/**
 * The visitor asks to save data (Save-Data, `navigator.connection.saveData`) or the connection is
 * slow (Network Information API, Chromium only): JavaScript is the place to know it, because the
 * page is cached by its address whatever the request's headers.
 */
export function savesData() {
  const connection = navigator.connection;
  return Boolean(connection) && (connection.saveData === true || ['slow-2g', '2g', '3g'].includes(connection.effectiveType));
}

/** Takes the <source> list out and stops what the element loads; the function puts it back and reloads it (hls.js cannot play). */
function holdSources(media) {
  const sources = [...media.querySelectorAll('source')];
  for (const source of sources) source.remove();
  media.load();
  return () => {
    media.prepend(...sources);
    media.load();
  };
}

/** hls.js is a UMD bundle: a classic script that defines window.Hls (allowed by the CSP: same origin). */
function loadScript(src) {
  if (!src) return Promise.resolve(null);
  if (window.Hls) return Promise.resolve(window.Hls);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve(window.Hls ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
}
