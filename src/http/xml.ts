import { XMLBuilder } from 'fast-xml-parser';
import { withoutForbiddenXml } from '../lib/escape-markup.js';

/**
 * Feeds and the sitemap are written by fast-xml-parser's builder from plain objects: the
 * library escapes every text and attribute value, so titles holding `<`, `&` or quotes cannot
 * break the document. What it does not do is drop the characters XML 1.0 forbids outright
 * (a stray control character in a title would make a whole feed unreadable): every value goes
 * through `withoutForbiddenXml` on its way in.
 *
 * An element is its text, or an object of attributes (`'@name'`), child elements by name (an
 * array for an element repeated) and its text (`'#text'`). An `undefined` child or attribute is
 * left out; an element with neither children nor text is written empty (`<itunes:image …/>`).
 */
type XmlElement = string | number | XmlNode;
export interface XmlNode {
  readonly [name: string]: XmlElement | readonly XmlElement[] | undefined;
}

const clean = (_name: string, value: unknown): unknown => (typeof value === 'string' ? withoutForbiddenXml(value) : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // One element a line, so people reading a feed (and diffs of it) see its structure.
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  tagValueProcessor: clean,
  attributeValueProcessor: clean,
});

/** The document of one root element (`{ rss: {...} }`), with its XML declaration. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${String(builder.build(root)).trimEnd()}\n`;
}
