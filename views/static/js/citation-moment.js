import { linkParam } from './player-moment.js';
import { timecode } from './timecode.js';

/**
 * The reference to copy follows the moment chosen on the page (its `moment-change` event), as
 * the citation files' links do: the time or range in the locale's words after the date, the
 * page's URL with `t`. Without JavaScript the reference is the page's own moment, and the cite
 * form reloads the page at another one.
 */
export function followMomentInCitation() {
  const field = document.getElementById('citation-text');
  if (!(field instanceof HTMLTextAreaElement)) return;
  const { template, at, atRange, base } = field.dataset;
  if (!template || !at || !atRange || !base) return;
  document.addEventListener('moment-change', (event) => {
    const moment = event instanceof CustomEvent ? event.detail : null;
    const words = moment
      ? (moment.end === null ? at.replace('{start}', timecode(moment.start)) : atRange.replace('{start}', timecode(moment.start)).replace('{end}', timecode(moment.end)))
      : null;
    const url = moment ? `${base}?t=${linkParam(moment)}` : base;
    field.value = template.replace('{moment}', words ? `, ${words}` : '').replace('{url}', url);
  });
}
