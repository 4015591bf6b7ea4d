/**
 * One escape for text put into markup by hand: HTML snippets and attributes (search snippets, the
 * embed code, oEmbed's iframe) and the SVG of a title card. Feeds and the sitemap do not use it:
 * an XML builder writes them (see src/http/xml.ts), with `withoutForbiddenXml` on every value.
 */

// Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab/LF/CR, U+FFFE/FFFF,
// lone surrogates): one of them in a title makes a whole feed unreadable, and sharp refuses the SVG.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// `&#39;` rather than `&apos;`: the one apostrophe entity both XML and every HTML version know.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text without the characters XML 1.0 forbids. */
export function withoutForbiddenXml(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Text safe in element content and in a quoted attribute, of HTML and XML alike. */
export function escapeMarkup(text: string): string {
  return withoutForbiddenXml(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
