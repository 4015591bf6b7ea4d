import { escapeMarkup } from '../../lib/escape-markup.js';
import type { HighlightPart } from '../../ports/search-index.js';

/**
 * A snippet as HTML: every part escaped, matched parts in <mark>. Snippets come from user
 * content (transcripts, PDF text): this is the only way they should reach a page.
 */
export function snippetHtml(parts: readonly HighlightPart[]): string {
  return parts.map((p) => (p.match ? `<mark>${escapeMarkup(p.text)}</mark>` : escapeMarkup(p.text))).join('');
}
