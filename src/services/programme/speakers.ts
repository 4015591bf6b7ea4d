import type { Speaker } from '../../domain/item.js';
import { slugify } from '../../domain/slug.js';

export type SpeakerResult = { ok: true; speaker: Speaker } | { ok: false; message: string };

// The role follows a spaced dash of any width; "Jean-Pierre" keeps its hyphen.
const ROLE_SEPARATORS = [' — ', ' – ', ' - '] as const;

/**
 * Splits `text` on any of `separators` found outside parentheses, so that
 * "Ali Ben (Ville de Strasbourg; DSI)" stays one entry. Parts are trimmed, empties dropped.
 */
export function splitOutsideParentheses(text: string, separators: readonly string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const separator = separators.find((s) => text.startsWith(s, i));
      if (separator !== undefined) {
        parts.push(text.slice(start, i));
        start = i + separator.length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** "Jeanne Martin (La Mednum) — modératrice" → name, organisation, role and slug. */
export function parseSpeakerText(entry: string): SpeakerResult {
  const text = entry.normalize('NFC').trim().replace(/\s+/g, ' ');
  let head = text;
  let role = '';
  const separator = ROLE_SEPARATORS.map((s) => ({ s, at: indexOutsideParentheses(text, s) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (separator !== undefined) {
    head = text.slice(0, separator.at).trim();
    role = text.slice(separator.at + separator.s.length).trim();
  }

  let name = head;
  let organisation = '';
  const open = head.indexOf('(');
  if (open >= 0 || head.includes(')')) {
    // The organisation is the one parenthesised group closing the entry: "Name (Org (Acronym))".
    if (open < 0 || matchingClose(head, open) !== head.length - 1) {
      return { ok: false, message: `speaker "${text}" is not written "Name (Organisation) — role"` };
    }
    name = head.slice(0, open).trim();
    organisation = head.slice(open + 1, -1).trim();
  }
  return makeSpeaker(text, name, organisation, role);
}

/** The JSON/YAML form: { name, organisation, role } ("organization" and "org" accepted). */
export function parseSpeakerObject(value: Record<string, unknown>): SpeakerResult {
  const text = (key: string): string => (typeof value[key] === 'string' ? (value[key] as string).normalize('NFC').trim() : '');
  const organisation = text('organisation') || text('organization') || text('org');
  const described = JSON.stringify(value);
  for (const key of ['name', 'organisation', 'organization', 'org', 'role']) {
    if (value[key] !== undefined && value[key] !== null && typeof value[key] !== 'string') {
      return { ok: false, message: `speaker ${described}: "${key}" must be text` };
    }
  }
  return makeSpeaker(described, text('name'), organisation, text('role'));
}

function makeSpeaker(described: string, name: string, organisation: string, role: string): SpeakerResult {
  if (name === '') return { ok: false, message: `speaker ${quote(described)} has no name` };
  const slug = slugify(name);
  if (slug === '') return { ok: false, message: `speaker name "${name}" has no letters or digits to make a page address from` };
  const speaker: Speaker = { name, slug };
  if (organisation !== '') speaker.organisation = organisation;
  if (role !== '') speaker.role = role;
  return { ok: true, speaker };
}

function quote(text: string): string {
  return text.startsWith('{') ? text : `"${text}"`;
}

function indexOutsideParentheses(text: string, needle: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(needle, i)) return i;
  }
  return -1;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Keeps the first speaker of each slug: one person is one page, however often listed. */
export function uniqueSpeakers(speakers: Speaker[]): Speaker[] {
  const seen = new Set<string>();
  const unique: Speaker[] = [];
  for (const speaker of speakers) {
    if (seen.has(speaker.slug)) continue;
    seen.add(speaker.slug);
    unique.push(speaker);
  }
  return unique;
}
