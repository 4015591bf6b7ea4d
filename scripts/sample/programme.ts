import { slugify } from '../../src/domain/slug.js';
import { EDITION, type ItemMeta } from './texts.js';

/** Column order of the programme CSV, exactly as the interface documents it. */
export const PROGRAMME_COLUMNS = [
  'id', 'edition', 'date', 'title', 'kind', 'themes', 'speakers', 'language', 'licence', 'summary',
  'media', 'captions', 'slides', 'audio_description', 'sign_language',
] as const;

export type ProgrammeColumn = (typeof PROGRAMME_COLUMNS)[number];
export type ProgrammeRow = Record<ProgrammeColumn, string>;

export interface ItemFiles {
  media: string;
  captions?: { language: string; path: string }[];
  slides?: string;
  audioDescription?: string;
  signLanguage?: string;
}

/** The id the application derives when the programme leaves the column empty. */
export function itemId(meta: ItemMeta): string {
  return meta.id ?? `${slugify(EDITION)}-${slugify(meta.title)}`;
}

export function programmeRow(meta: ItemMeta, files: ItemFiles): ProgrammeRow {
  return {
    id: meta.id ?? '',
    edition: EDITION,
    date: meta.date,
    title: meta.title,
    kind: meta.kind,
    themes: meta.themes.join('; '),
    speakers: meta.speakers.map((person) => `${person.name} (${person.organisation})`).join('; '),
    language: 'fr',
    licence: meta.licence,
    summary: meta.summary,
    media: files.media,
    captions: (files.captions ?? []).map((track) => `${track.language}:${track.path}`).join('; '),
    slides: files.slides ?? '',
    audio_description: files.audioDescription ?? '',
    sign_language: files.signLanguage ?? '',
  };
}

/** RFC 4180 quoting: only fields containing a comma, quote or line break are quoted. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function programmeCsv(rows: readonly ProgrammeRow[]): string {
  const lines = [PROGRAMME_COLUMNS.join(',')];
  for (const row of rows) lines.push(PROGRAMME_COLUMNS.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
