import type { LicenceId } from './licence.js';

export const ITEM_KINDS = ['talk', 'workshop', 'round-table', 'pitch', 'podcast', 'document'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Kinds published as recordings with pictures (served under /talks/<id>). */
export const VIDEO_KINDS: readonly ItemKind[] = ['talk', 'workshop', 'round-table', 'pitch'];

/** What the pipeline does with the main file, decided from the kind and confirmed by probing. */
export type MediaClass = 'video' | 'audio' | 'document';

export function expectedMediaClass(kind: ItemKind): MediaClass {
  if (kind === 'podcast') return 'audio';
  if (kind === 'document') return 'document';
  return 'video';
}

export interface Speaker {
  name: string;
  organisation?: string;
  role?: string;
  slug: string;
}

export interface Edition {
  /** As written in the programme: "2025 Strasbourg". */
  label: string;
  year: number;
  city: string;
  slug: string;
}

/** A file named by the programme, resolved to an absolute path on this machine. */
export interface InputFile {
  path: string;
  /** As written in the programme, for error messages. */
  declared: string;
}

export interface CaptionInput extends InputFile {
  language: string;
}

/** One programme entry after validation: everything the pipeline needs, nothing it must guess. */
export interface ProgrammeItem {
  id: string;
  /**
   * Earlier ids of this item, which answer 301 to `id`. Optional so that jobs queued by an
   * older version (and hand-built items) read as "none".
   */
  aliases?: string[];
  row: number | null;
  edition: Edition;
  date: string | null;
  title: string;
  kind: ItemKind;
  themes: string[];
  speakers: Speaker[];
  language: string;
  licence: LicenceId;
  summary: string;
  media: InputFile;
  captions: CaptionInput[];
  slides: InputFile | null;
  audioDescription: InputFile | null;
  signLanguage: InputFile | null;
}
