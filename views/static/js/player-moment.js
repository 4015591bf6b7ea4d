import { announce } from './item-copy.js';
import { timecode } from './timecode.js';

/**
 * Moments (`?t=START` or `?t=START,END`) with JavaScript. Without it the page already works: the
 * sources carry `#t=START,END`, the cite form reloads the page at the moment typed in, the links
 * carry the page's own moment.
 *
 * Convention for every section of the page: a link that should carry the moment chosen on the
 * page is written `<a href="…(with the page's t)" data-moment-href="…(the same link without t)">`.
 * Whenever the chosen moment changes (playback followed, a field typed in, a "current position"
 * button), its href becomes its data-moment-href with `t=START[,END]` added, or without `t` when
 * no moment is chosen; the page then fires `moment-change` on document ({ detail: { start, end } },
 * null when none) for anything else that follows it. Clip links stay hidden, with the reason
 * shown instead, while the moment has no end or is longer than the clip limit.
 */

/** The player starts at START (for players that ignore the media fragment: hls.js, some HLS) and pauses once at END. */
export function playMoment(media) {
  const start = Number(media.dataset.startAt);
  if (media.dataset.startAt && Number.isFinite(start)) {
    const seek = () => {
      if (Math.abs(media.currentTime - start) > 0.5) media.currentTime = start;
    };
    if (media.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
    else media.addEventListener('loadedmetadata', seek, { once: true });
  }
  const end = Number(media.dataset.endAt);
  if (media.dataset.endAt && Number.isFinite(end)) pauseOnceAt(media, end);
}

/**
 * Pauses when playback reaches `end`, once: pressing play goes on past it, and a jump beyond it
 * means the listener has left the moment. A browser playing a source with the `#t=START,END`
 * fragment pauses there itself (Chromium does, once): pausing first would make it pause a
 * second time just after, so then this only stands in, a moment later, for one that does not.
 * hls.js plays a blob: URL without the fragment: there, this pauses at the end. timeupdate comes
 * every quarter second or so; a timer set for the time left stops closer to the end.
 */
function pauseOnceAt(media, end) {
  let done = false;
  let timer = 0;
  const stopAt = () => (media.currentSrc.includes('#t=') ? end + NATIVE_GRACE_SECONDS : end);
  const check = () => {
    window.clearTimeout(timer);
    if (done || media.paused) return;
    const left = stopAt() - media.currentTime;
    if (left <= 0) {
      done = true;
      media.pause();
      return;
    }
    timer = window.setTimeout(check, Math.max(20, (left * 1000) / (media.playbackRate || 1)));
  };
  media.addEventListener('timeupdate', check);
  media.addEventListener('playing', check);
  media.addEventListener('ratechange', check);
  media.addEventListener('seeked', () => {
    if (media.currentTime > end + 0.5) done = true;
    check();
  });
  // Whoever paused at the end (the browser, this, the listener), that was the one pause.
  media.addEventListener('pause', () => {
    if (media.currentTime >= end - 0.3) done = true;
  });
}

/** How long after the end a browser that honours the fragment has had to pause by itself (it checks every ~250 ms). */
const NATIVE_GRACE_SECONDS = 0.4;

/** The cite section: its fields, the "current position" buttons, the link, the address and the clip follow the chosen moment. */
export function chooseMoment(media) {
  const form = document.getElementById('moment-form');
  const startField = document.getElementById('moment-start');
  const endField = document.getElementById('moment-end');
  const input = document.getElementById('cite-url');
  const link = document.getElementById('cite-link');
  const status = document.getElementById('moment-status');
  if (!(form instanceof HTMLFormElement) || !(startField instanceof HTMLInputElement) || !(endField instanceof HTMLInputElement)) return;
  const base = input instanceof HTMLInputElement ? input.dataset.base ?? '' : '';
  // Until someone chooses in the fields, a moment without an end follows playback, to the second.
  let follows = form.dataset.follows === 'true';

  const show = (moment) => {
    const shown = moment ?? { start: 0, end: null };
    const param = linkParam(shown);
    if (input instanceof HTMLInputElement && base) input.value = `${base}?t=${param}`;
    if (link instanceof HTMLAnchorElement && base) {
      link.href = `${base}?t=${param}`;
      if (link.dataset.label) link.textContent = link.dataset.label.replace('{time}', label(shown));
    }
    for (const anchor of document.querySelectorAll('a[data-moment-href]')) {
      anchor.href = withMoment(anchor.dataset.momentHref ?? '', moment ? linkParam(moment) : null);
    }
    showClip(moment);
    document.dispatchEvent(new CustomEvent('moment-change', { detail: moment }));
  };

  /** The fields as a moment; `problem` names the first thing to fix, with its message. */
  const read = () => {
    const startText = startField.value.trim();
    const endText = endField.value.trim();
    if (startText === '' && endText === '') return { moment: null };
    const start = startText === '' ? 0 : parseClock(startText);
    if (start === null) return { problem: 'start', field: startField, vars: { value: startText } };
    const end = endText === '' ? null : parseClock(endText);
    if (endText !== '' && end === null) return { problem: 'end', field: endField, vars: { value: endText } };
    const duration = Number.isFinite(media.duration) ? media.duration : 0;
    if (duration > 0 && start >= duration) return { problem: 'late', field: startField, vars: { start: startText, duration: timecode(duration) } };
    if (end !== null && end <= start) return { problem: 'order', field: endField, vars: { start: startText || '0', end: endText } };
    return { moment: { start, end: end !== null && duration > 0 ? Math.min(end, duration) : end } };
  };

  const mark = (result) => {
    for (const field of [startField, endField]) {
      const wrong = result.field === field;
      if (wrong) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
      field.setAttribute('aria-describedby', wrong ? 'moment-format moment-status' : 'moment-format');
    }
  };

  const chosen = (check) => {
    follows = false;
    const result = read();
    if (!result.problem) {
      mark(result);
      if (check && status?.textContent) status.textContent = '';
      show(result.moment);
    } else if (check) {
      // Said once the field is left, not at every key while a time is being typed.
      mark(result);
      if (status) announce(status, fill(form.dataset[`problem${capital(result.problem)}`] ?? '', result.vars));
    }
  };
  startField.addEventListener('input', () => chosen(false));
  endField.addEventListener('input', () => chosen(false));
  startField.addEventListener('change', () => chosen(true));
  endField.addEventListener('change', () => chosen(true));

  for (const button of form.querySelectorAll('button[data-moment-now]')) {
    button.addEventListener('click', () => {
      const isEnd = button.dataset.momentNow === 'end';
      // The start rounded down and the end up, so the words at either edge stay in.
      const seconds = isEnd ? Math.ceil(media.currentTime) : Math.floor(media.currentTime);
      const field = isEnd ? endField : startField;
      field.value = timecode(seconds);
      chosen(true);
      if (status && !field.hasAttribute('aria-invalid')) announce(status, fill(form.dataset[isEnd ? 'setEnd' : 'setStart'] ?? '', { time: field.value }));
    });
  }

  let shown = -1;
  const followPlayback = () => {
    if (!follows) return;
    const second = Math.floor(media.currentTime);
    if (second === shown || !Number.isFinite(second)) return;
    shown = second;
    // The fields are left as they are: they hold only what was typed or taken with a button.
    show({ start: second, end: null });
  };
  media.addEventListener('timeupdate', followPlayback);
  media.addEventListener('seeked', followPlayback);
  media.addEventListener('pause', followPlayback);
}

/** Clip links only for a moment with an end within the limit; otherwise the note saying why. */
function showClip(moment) {
  const clip = document.getElementById('moment-clip');
  if (!clip) return;
  const limit = Number(clip.dataset.clipLimit);
  const length = moment && moment.end !== null ? moment.end - moment.start : null;
  const ready = length !== null && (!Number.isFinite(limit) || length <= limit);
  for (const list of clip.querySelectorAll('[data-clip-links]')) list.hidden = !ready;
  const needsEnd = clip.querySelector('[data-clip-note="needs-end"]');
  const tooLong = clip.querySelector('[data-clip-note="too-long"]');
  if (needsEnd) needsEnd.hidden = length !== null;
  if (tooLong) tooLong.hidden = length === null || ready;
}

/** `href` with `t` set to `param`, or without `t` (other parameters and the fragment kept; the comma left readable, as the server writes it). */
function withMoment(href, param) {
  const url = new URL(href, window.location.href);
  url.searchParams.delete('t');
  if (param !== null) url.searchParams.set('t', param);
  const search = url.searchParams.toString().replace(/(^|&)t=[^&]*/, (pair) => pair.replace(/%2C/g, ','));
  const path = url.origin === window.location.origin && !/^[a-z]+:/i.test(href) ? url.pathname : `${url.origin}${url.pathname}`;
  return `${path}${search ? `?${search}` : ''}${url.hash}`;
}

/** As the server's momentLinkParam: a start alone to the second, a range exactly (to the millisecond). */
export function linkParam(moment) {
  const exact = (value) => String(Math.round(value * 1000) / 1000);
  return moment.end === null ? String(Math.floor(moment.start)) : `${exact(moment.start)},${exact(moment.end)}`;
}

function label(moment) {
  return moment.end === null ? timecode(moment.start) : `${timecode(moment.start)}–${timecode(moment.end)}`;
}

/** As src/domain/moment.ts parseClock: seconds, mm:ss or hh:mm:ss (optional decimals); null otherwise. */
function parseClock(text) {
  if (/^\d{1,7}(?:\.\d{1,3})?$/.test(text)) return Number(text);
  const clock = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2}(?:\.\d{1,3})?)$/.exec(text);
  if (!clock) return null;
  const [, hours, minutes, seconds] = clock;
  if (Number(minutes) >= 60 || Number(seconds) >= 60) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

function fill(template, vars) {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name) => (vars[name] !== undefined ? String(vars[name]) : whole));
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
