import { enhanceCopyButtons } from './item-copy.js';
import { attachHls } from './player-hls.js';
import { followSignLanguage } from './player-sign.js';
import { drawChapterThumbnails } from './player-storyboard.js';

/**
 * The item page's player, enhanced: every link to a moment (transcript, chapters, slides) seeks
 * without reloading, the passage being spoken is marked, the link to cite a moment follows
 * playback, the sign-language video follows the picture. Everything here also works without
 * JavaScript, through plain links (`?t=`) and the native controls.
 */
enhanceCopyButtons();

const media = document.getElementById('player');
if (media instanceof HTMLMediaElement) {
  attachHls(media).catch(() => {});
  startAt(media);
  seekOnLinks(media);
  markCurrent(media, '.transcript__passage', document.getElementById('transcript-follow'));
  markCurrent(media, '.chapters__item', null);
  citeMoment(media);
  followSignLanguage(media);
  drawChapterThumbnails(media).catch(() => {});
}

/** `?t=` is already in the sources' media fragment; this covers players that ignore it (hls.js, some HLS). */
function startAt(media) {
  const start = Number(media.dataset.startAt);
  if (!media.dataset.startAt || !Number.isFinite(start)) return;
  const seek = () => {
    if (Math.abs(media.currentTime - start) > 0.5) media.currentTime = start;
  };
  if (media.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
  else media.addEventListener('loadedmetadata', seek, { once: true });
}

/** Links carrying `data-start` play from that second in place (a click, or Enter on the focused link). */
function seekOnLinks(media) {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[data-start]') : null;
    if (!link) return;
    const start = Number(link.dataset.start);
    if (!Number.isFinite(start)) return;
    event.preventDefault();
    media.currentTime = start;
    media.play().catch(() => {});
  });
}

/**
 * Marks the element (`selector`, each with data-start) whose time is being played with
 * aria-current and .is-current. Focus never moves; the view scrolls only if the reader asked
 * for it with the "follow" checkbox.
 */
function markCurrent(media, selector, follow) {
  const items = [...document.querySelectorAll(selector)]
    .map((element) => ({ element, start: Number(element.dataset.start ?? element.querySelector('[data-start]')?.dataset.start) }))
    .filter((item) => Number.isFinite(item.start));
  if (items.length === 0) return;
  let current = null;
  const update = () => {
    const time = media.currentTime;
    let found = null;
    for (const item of items) {
      if (item.start <= time + 0.05) found = item.element;
      else break;
    }
    if (found === current) return;
    current?.classList.remove('is-current');
    current?.removeAttribute('aria-current');
    current = found;
    if (!current) return;
    current.classList.add('is-current');
    current.setAttribute('aria-current', 'true');
    if (follow instanceof HTMLInputElement && follow.checked) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      current.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    }
  };
  media.addEventListener('timeupdate', update);
  media.addEventListener('seeked', update);
}

/** The link and address "at this moment" follow the player, to the second. */
function citeMoment(media) {
  const input = document.getElementById('cite-url');
  const link = document.getElementById('cite-link');
  if (!(input instanceof HTMLInputElement) || !input.dataset.base) return;
  const base = input.dataset.base;
  let shown = -1;
  const update = () => {
    const second = Math.floor(media.currentTime);
    if (second === shown || !Number.isFinite(second)) return;
    shown = second;
    const url = `${base}?t=${second}`;
    input.value = url;
    if (link instanceof HTMLAnchorElement) {
      link.href = url;
      if (link.dataset.label) link.textContent = link.dataset.label.replace('{time}', timecode(second));
    }
  };
  media.addEventListener('timeupdate', update);
  media.addEventListener('seeked', update);
  media.addEventListener('pause', update);
}

/** 754 → "12:34", 3725 → "1:02:05", as the server writes it. */
function timecode(total) {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
