import type { ProblemSeverity } from '../../domain/errors.js';
import { decodeText as decodeUtf8OrWindows1252 } from '../../domain/text-encoding.js';
import { splitOutsideParentheses } from './speakers.js';

/**
 * The shape shared by every programme format before validation: one record per row, keyed by the
 * canonical field names of the "Programme CSV" contract (INTERFACE.md), values still untyped.
 */

export const PROGRAMME_FIELDS = [
  'id',
  'aliases',
  'edition',
  'date',
  'title',
  'kind',
  'themes',
  'speakers',
  'language',
  'licence',
  'summary',
  'media',
  'captions',
  'slides',
  'audio_description',
  'sign_language',
] as const;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

/** Columns without which no row can become an item. */
export const REQUIRED_COLUMNS: readonly ProgrammeField[] = ['title', 'media'];

export interface RawRow {
  /** 1-based data row (header excluded), as the problems report it. */
  row: number;
  values: Partial<Record<ProgrammeField, unknown>>;
}

/** A problem before the row and item id are attached. */
export interface FieldIssue {
  field: string | null;
  message: string;
  /** Absent means `error`: almost every issue keeps the row out, warnings are the exception. */
  severity?: ProblemSeverity;
}

// Spellings people actually type in spreadsheets and hand-written YAML; the contract names win.
const ALIASES: Readonly<Record<string, ProgrammeField>> = {
  license: 'licence',
  lang: 'language',
  theme: 'themes',
  speaker: 'speakers',
  caption: 'captions',
  subtitles: 'captions',
  alias: 'aliases',
};

/** "Audio description", "audio-description", "audioDescription" → "audio_description". */
export function normaliseFieldName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function toProgrammeField(name: string): ProgrammeField | null {
  const normalised = normaliseFieldName(name);
  if ((PROGRAMME_FIELDS as readonly string[]).includes(normalised)) return normalised as ProgrammeField;
  return ALIASES[normalised] ?? null;
}

/**
 * Programmes are meant to be UTF-8, but a CSV saved by a French spreadsheet is often Windows-1252:
 * bytes that are not valid UTF-8 are read as Windows-1252 rather than turned into "�" in titles
 * and file names; its "’", "œ" and "€" must not come out as C1 control characters, which the
 * validation refuses. "Unicode text" exports are UTF-16 with a byte order mark, the one reliable
 * sign of them (read as Windows-1252 the header becomes "ÿþt i t l e"). A leading BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  // The decoder drops the BOM itself; an odd trailing byte or a lone surrogate becomes "�".
  if (utf16 !== null) return new TextDecoder(utf16).decode(bytes);
  return decodeUtf8OrWindows1252(bytes).text.replace(/^\uFEFF/, '');
}

/**
 * Fields holding file paths keep their exact characters: a name stored in NFD on disk is then
 * found as written, and messages quote what the programme says. Other text is NFC, so that
 * slugs, facets and search see one spelling of "é".
 */
const PATH_FIELDS: ReadonlySet<ProgrammeField> = new Set(['media', 'captions', 'slides', 'audio_description', 'sign_language']);

function normaliseText(text: string, field: ProgrammeField): string {
  return (PATH_FIELDS.has(field) ? text : text.normalize('NFC')).trim();
}

/** What the validator reads for a single-valued field: trimmed text, or an issue. */
export function textValue(value: unknown, field: ProgrammeField, issues: FieldIssue[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return normaliseText(value, field);
  // YAML turns `edition: 2024` or `id: 2024` into numbers; their text is what was meant.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  issues.push({ field, message: `${field} must be text, not ${Array.isArray(value) ? 'a list' : 'an object'}` });
  return '';
}

/**
 * A list field: a `;`-separated string (CSV) or an array (JSON/YAML), where each array entry is one
 * value. Strings come back trimmed (NFC unless paths), empties dropped; other entries (speaker or
 * caption objects) are passed through for the caller to judge.
 */
export function listValue(value: unknown, field: ProgrammeField, issues: FieldIssue[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value
      .map((entry) => (typeof entry === 'string' ? normaliseText(entry, field) : entry))
      .filter((entry) => entry !== '' && entry !== null && entry !== undefined);
  }
  if (typeof value === 'string') {
    // "Ali Ben (Ville de Strasbourg; DSI); Jeanne Martin" is two speakers: an organisation may hold a ";".
    const entries = field === 'speakers' ? splitOutsideParentheses(value, [';']) : splitList(value);
    return entries.map((entry) => normaliseText(entry, field));
  }
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'object') return [value];
  issues.push({ field, message: `${field} must be text or a list` });
  return [];
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
