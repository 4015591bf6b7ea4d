import { extname } from 'node:path';
import { expectedMediaClass } from '../../domain/item.js';
import type { ItemKind, MediaClass } from '../../domain/item.js';

/**
 * File extensions accepted for each role. Only the name is checked while validating a programme;
 * probing the content is the pipeline's job, once every row is known to be well formed.
 */
export const VIDEO_EXTENSIONS = ['mp4', 'mov', 'mkv', 'webm', 'm4v'] as const;
export const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'aac', 'ogg', 'opus', 'wav', 'flac'] as const;
const DOCUMENT_EXTENSIONS = ['pdf'] as const;
export const CAPTION_EXTENSIONS = ['vtt', 'srt'] as const;

const BY_CLASS: Readonly<Record<MediaClass, readonly string[]>> = {
  video: VIDEO_EXTENSIONS,
  audio: AUDIO_EXTENSIONS,
  document: DOCUMENT_EXTENSIONS,
};

/** "talks/Intro.MP4" → "mp4"; "" when there is none. */
export function extensionOf(filePath: string): string {
  return extname(filePath).slice(1).toLowerCase();
}

export function mediaClassOfExtension(extension: string): MediaClass | null {
  for (const [mediaClass, extensions] of Object.entries(BY_CLASS) as [MediaClass, readonly string[]][]) {
    if (extensions.includes(extension)) return mediaClass;
  }
  return null;
}

/** The kind a file gets when nothing says otherwise: recordings with pictures are talks. */
export function defaultKindFor(mediaClass: MediaClass): ItemKind {
  if (mediaClass === 'audio') return 'podcast';
  if (mediaClass === 'document') return 'document';
  return 'talk';
}

/** null when the media file's extension suits the kind, else the message saying what would. */
export function mediaExtensionProblem(kind: ItemKind, declared: string): string | null {
  const wanted = expectedMediaClass(kind);
  const extension = extensionOf(declared);
  if (BY_CLASS[wanted].includes(extension)) return null;
  const found = mediaClassOfExtension(extension);
  const what = found ? `is ${found === 'document' ? 'a document' : found}` : 'has an unsupported extension';
  return `"${declared}" ${what} but kind "${kind}" needs ${describeClass(wanted)}`;
}

export function describeClass(mediaClass: MediaClass): string {
  const article = mediaClass === 'audio' ? 'an' : 'a';
  const noun = mediaClass === 'document' ? 'PDF' : `${mediaClass} file`;
  return `${article} ${noun} (${BY_CLASS[mediaClass].join(', ')})`;
}

/** Extensions allowed for the optional companion files of a row. */
export const COMPANION_EXTENSIONS = {
  slides: DOCUMENT_EXTENSIONS,
  audio_description: ['vtt', ...AUDIO_EXTENSIONS],
  sign_language: VIDEO_EXTENSIONS,
  captions: CAPTION_EXTENSIONS,
} as const satisfies Record<string, readonly string[]>;

export function extensionListProblem(declared: string, allowed: readonly string[], what: string): string | null {
  if (allowed.includes(extensionOf(declared))) return null;
  return `${what} "${declared}" must be ${allowed.map((e) => `.${e}`).join(', ')}`;
}
