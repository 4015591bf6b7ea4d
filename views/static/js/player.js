import { followMomentInCitation } from './citation-moment.js';
import { enhanceCopyButtons } from './item-copy.js';
import { attachHls } from './player-hls.js';
import { chooseMoment, playMoment } from './player-moment.js';
import { startPlayerPrefs } from './player-prefs.js';
import { followSignLanguage } from './player-sign.js';
import './player-stats.js';
import { offerStreamChoices } from './player-streams.js';
import { drawChapterThumbnails } from './player-storyboard.js';

/**
 * The item page's player, enhanced: a moment asked for (`?t=START,END`) plays and pauses at its
 * end, every link to a moment (transcript, chapters, slides) seeks without reloading, the passage
 * being spoken is marked, the moment to cite follows playback or the fields (player-moment.js),
 * the sign-language video follows the picture. Everything here also works without JavaScript,
 * through plain links (`?t=`), the cite form and the native controls.
 */
enhanceCopyButtons();

const media = document.getElementById('player');
if (media instanceof HTMLMediaElement) {
  offerStreamChoices(media, attachHls(media).catch(() => null));
  playMoment(media);
  seekOnLinks(media);
  markCurrent(media, '.transcript__passage', document.getElementById('transcript-follow'));
  markCurrent(media, '.chapters__item', null);
  followMomentInCitation();
  chooseMoment(media);
  followSignLanguage(media);
  drawChapterThumbnails(media).catch(() => {});
  startPlayerPrefs(media);
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
