import { createHash } from 'node:crypto';

/**
 * Just enough XML for feeds and the sitemap: every text and attribute value goes through
 * `escapeXml`, so titles holding `<`, `&` or quotes (and stray control characters, which XML 1.0
 * forbids outright and which would make a whole feed unreadable) cannot break the document.
 */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

// Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** `<name attrs>text</name>` with the text escaped; an empty element when `text` is null. */
export function textElement(name: string, text: string | number | null, attrs: Attributes = {}): string {
  if (text === null) return `<${name}${attributes(attrs)}/>`;
  return `<${name}${attributes(attrs)}>${escapeXml(String(text))}</${name}>`;
}

/** `<name attrs>children</name>`; children are elements already built by these functions. */
export function parentElement(name: string, attrs: Attributes, children: readonly string[]): string {
  return `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace's bytes then the name's UTF-8).
 * The Podcasting 2.0 `podcast:guid` is one, of the feed URL without its scheme.
 */
export function uuidV5(name: string, namespace: string): string {
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`uuidV5: namespace ${namespace} is not a UUID`);
  const bytes = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const out = bytes.toString('hex');
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}
