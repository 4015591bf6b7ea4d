import { announce } from './item-copy.js';
import { timecode } from './timecode.js';

/** Typing pauses this long before the count is said, so a screen reader is not made to read every keystroke. */
const SAY_AFTER_MS = 350;

/**
 * Find in the transcript: matches marked with <mark> (accents and capitals ignored: « numerique »
 * finds « numérique »), counted in a live region; Enter / Shift+Enter (or the buttons) go to the
 * next / previous match without taking the focus from the field, and « Lire à partir de ce
 * passage » plays the passage of the match shown, only when asked.
 */
export function findInTranscript(media) {
  const box = document.getElementById('transcript-find');
  const field = document.getElementById('transcript-find-field');
  const count = document.getElementById('transcript-find-count');
  if (!box || !(field instanceof HTMLInputElement) || !count) return;
  // Folded once: a keystroke then only searches, and rewrites only the elements it marks or unmarks.
  const texts = [...document.querySelectorAll('.transcript__speaker, .transcript__text')].map((element) => {
    const text = element.textContent ?? '';
    return { element, text, folded: fold(text) };
  });
  let marked = [];
  const buttons = Object.fromEntries([...box.querySelectorAll('button[data-find]')].map((button) => [button.dataset.find, button]));
  let marks = [];
  let active = -1;
  let timer = 0;

  const fill = (template, vars) => template.replace(/\{([a-z]+)\}/g, (whole, name) => (vars[name] !== undefined ? String(vars[name]) : whole));
  const startOf = (mark) => Number(mark.closest('.transcript__passage')?.querySelector('[data-start]')?.dataset.start);
  const sayCount = (query) => {
    const template = marks.length === 0 ? box.dataset.none : marks.length === 1 ? box.dataset.one : box.dataset.many;
    announce(count, query ? fill(template ?? '', { query, count: marks.length }) : '');
  };

  const search = () => {
    const query = field.value.trim();
    for (const { element, text } of marked) element.textContent = text;
    marks = [];
    marked = [];
    active = -1;
    const folded = fold(query).text;
    if (folded) {
      for (const entry of texts) {
        const found = markMatches(entry, folded);
        if (found.length === 0) continue;
        marks.push(...found);
        marked.push(entry);
      }
    }
    for (const button of Object.values(buttons)) button.disabled = marks.length === 0;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => sayCount(query), SAY_AFTER_MS);
  };

  const go = (step) => {
    if (marks.length === 0) return;
    marks[active]?.classList.remove('is-active');
    active = (active + step + marks.length) % marks.length;
    const mark = marks[active];
    mark.classList.add('is-active');
    mark.scrollIntoView({ block: 'nearest' });
    window.clearTimeout(timer);
    announce(count, fill(box.dataset.position ?? '', { index: active + 1, count: marks.length, time: timecode(startOf(mark) || 0) }));
  };

  field.addEventListener('input', search);
  field.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    go(event.shiftKey ? -1 : 1);
  });
  buttons.next?.addEventListener('click', () => go(1));
  buttons.previous?.addEventListener('click', () => go(-1));
  buttons.play?.addEventListener('click', () => {
    const mark = marks[Math.max(0, active)];
    const start = mark ? startOf(mark) : NaN;
    if (!Number.isFinite(start) || !(media instanceof HTMLMediaElement)) return;
    media.currentTime = start;
    media.play().catch(() => {});
  });
  search();
}

/**
 * `text` lower-cased without its accents (NFD, combining marks dropped), with, for each of its
 * characters, the index in `text` it comes from: a match in the folded text is then marked on
 * the words as written.
 */
function fold(text) {
  let folded = '';
  const from = [];
  for (let index = 0; index < text.length; index += 1) {
    const plain = text[index].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded += plain;
    for (let n = 0; n < plain.length; n += 1) from.push(index);
  }
  return { text: folded, from };
}

/** Puts each match of `query` (folded) in the entry's element (holding `text`, folded once) in a <mark>; returns the marks. */
function markMatches({ element, text, folded: { text: folded, from } }, query) {
  const ranges = [];
  for (let at = folded.indexOf(query); at !== -1; at = folded.indexOf(query, at + query.length)) {
    let end = from[at + query.length - 1] + 1;
    // Combining accents written after the letter belong to the match.
    while (end < text.length && /\p{M}/u.test(text[end])) end += 1;
    ranges.push([from[at], end]);
  }
  if (ranges.length === 0) return [];
  const marks = [];
  const parts = [];
  let last = 0;
  for (const [start, end] of ranges) {
    parts.push(document.createTextNode(text.slice(last, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    marks.push(mark);
    parts.push(mark);
    last = end;
  }
  parts.push(document.createTextNode(text.slice(last)));
  element.replaceChildren(...parts);
  return marks;
}
