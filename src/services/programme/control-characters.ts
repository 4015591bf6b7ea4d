/**
 * Control characters in programme text. They are never meant (a stray byte from a copy-paste or
 * a broken export), they fail much later in tools that refuse them (an SVG title in the poster
 * renderer), and echoed to a terminal they can rewrite what the operator sees. So values are
 * refused when validated, and messages that quote values escape them.
 */

// C0 controls except tab, line feed and carriage return (which summaries may hold), DEL and C1.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');
// In a one-line message, tab and line breaks are escaped too.
const ANY_CONTROL_ALL = /[\u0000-\u001F\u007F-\u009F]/gu;

/** "0001" for U+0001: every character matched here is in the Basic Multilingual Plane. */
function hex(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** The first forbidden control character of a text, as "U+0001"; null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  return match === null ? null : `U+${hex(match[0])}`;
}

/**
 * The first forbidden control character anywhere in a raw programme value: a string, or the
 * strings inside the lists and objects (speakers, captions) JSON and YAML allow.
 */
export function controlCharacterInValue(value: unknown): string | null {
  if (typeof value === 'string') return controlCharacterIn(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = controlCharacterInValue(entry);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      const found = controlCharacterIn(key) ?? controlCharacterInValue(entry);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Every control character (tab and line breaks included) written as "\u001B": safe on one terminal line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(ANY_CONTROL_ALL, (char) => `\\u${hex(char)}`);
}

/** Text from file tags, which are not a contract: forbidden control characters are dropped, not refused. */
export function withoutControlCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, '');
}
