import type { HighlightPart } from '../../ports/search-index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * A snippet as HTML: every part escaped, matched parts in <mark>. Snippets come from user
 * content (transcripts, PDF text): this is the only way they should reach a page.
 */
export function snippetHtml(parts: readonly HighlightPart[]): string {
  return parts.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}
