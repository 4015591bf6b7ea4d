/**
 * What the player tells the archive's statistics, and nothing else: a play once ten seconds of
 * the recording have been heard, and each quarter of it reached (once per page view), with the
 * page's language. Sent with navigator.sendBeacon to /api/events (it survives leaving the page);
 * no cookie, no identifier, no storage. Without JavaScript or sendBeacon, nothing is sent.
 */
const PLAYED_SECONDS = 10;
// A jump in currentTime larger than this between two timeupdate events is a seek, not playback.
const MAX_STEP_SECONDS = 2;

const media = document.getElementById('player');
const item = itemId();
if (media instanceof HTMLMediaElement && item && typeof navigator.sendBeacon === 'function') follow(media, item);

function follow(media, item) {
  const lang = document.documentElement.lang || undefined;
  const send = (event) => navigator.sendBeacon('/api/events', new Blob([JSON.stringify({ ...event, item, lang })], { type: 'text/plain' }));
  let heard = 0;
  let last = null;
  let played = false;
  const reached = new Set();
  media.addEventListener('seeking', () => (last = null));
  media.addEventListener('timeupdate', () => {
    const now = media.currentTime;
    // The playback rate speeds a step up: a step is media time heard, capped to tell seeks apart.
    if (last !== null && !media.paused && now > last && now - last <= MAX_STEP_SECONDS * Math.max(1, media.playbackRate)) heard += now - last;
    last = now;
    if (!played && heard >= PLAYED_SECONDS) {
      played = true;
      send({ type: 'play' });
    }
    if (played) for (const quartile of quartilesAt(now, media.duration)) report(quartile);
  });
  media.addEventListener('ended', () => {
    if (played) report(4);
  });
  function report(quartile) {
    if (reached.has(quartile)) return;
    reached.add(quartile);
    send({ type: 'progress', quartile });
  }
}

/** The quarters of the recording at or before this position (the end counts from 99 %). */
function quartilesAt(time, duration) {
  if (!Number.isFinite(duration) || duration <= 0) return [];
  const share = time / duration;
  return [0.25, 0.5, 0.75, 0.99].map((limit, index) => (share >= limit ? index + 1 : 0)).filter((q) => q > 0);
}

/** The item's id: the last segment of the page's canonical address (/talks/<id>, /embed/<id>). */
function itemId() {
  const canonical = document.querySelector('link[rel="canonical"]');
  if (!canonical) return null;
  const last = new URL(canonical.href).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : null;
}
