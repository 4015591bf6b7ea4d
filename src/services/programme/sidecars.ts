import type { CaptionInput, InputFile } from '../../domain/item.js';
import { parseLanguage } from '../../domain/language.js';
import { AUDIO_EXTENSIONS, CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, extensionOf, mediaClassOfExtension } from './media-types.js';

/** A file found by the folder scan. */
export interface FolderFile {
  /** Absolute path as on disk. */
  path: string;
  /** Relative to the scanned folder, "/"-separated, as on disk: what messages show. */
  relative: string;
  /** The file name in NFC, for comparing names whatever the file system's normalisation. */
  name: string;
  size: number;
  modified: Date;
}

export interface Sidecars {
  captions: CaptionInput[];
  audioDescription: InputFile | null;
  signLanguage: InputFile | null;
}

// Markers of the INTERFACE.md examples: "x.ad.vtt" / "x.ad.mp3" audio description, "x.lsf.mp4"
// French sign language (langue des signes française). They are never caption languages.
const AUDIO_DESCRIPTION = 'ad';
const SIGN_LANGUAGE = 'lsf';
// A short language subtag and optional region or script: "fr", "en-GB". A longer word before the
// extension ("x.final.vtt") is part of the name, not a language.
const LANGUAGE_IN_NAME = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i;

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function input(file: FolderFile): InputFile {
  return { path: file.path, declared: file.relative };
}

/** "x.lsf.mp4" next to "x.mp4" belongs to it and is not an item of its own. */
export function isCompanionMedia(file: FolderFile, siblings: readonly FolderFile[]): boolean {
  const stem = stemOf(file.name);
  const marker = extensionOf(stem);
  const extension = extensionOf(file.name);
  const isMarked =
    (marker === SIGN_LANGUAGE && (VIDEO_EXTENSIONS as readonly string[]).includes(extension)) ||
    (marker === AUDIO_DESCRIPTION && (AUDIO_EXTENSIONS as readonly string[]).includes(extension));
  if (!isMarked) return false;
  const mainStem = stemOf(stem);
  return siblings.some((s) => s !== file && stemOf(s.name) === mainStem && mediaClassOfExtension(extensionOf(s.name)) !== null);
}

/**
 * Companion files of `media` among the files of its folder: "x.fr.vtt", "x.en.srt", "x.vtt"
 * (in `defaultLanguage`), "x.ad.vtt" or "x.ad.mp3", "x.lsf.mp4". A caption with an explicit
 * language wins over the bare one, and WebVTT over SRT for the same language.
 */
export function findSidecars(media: FolderFile, siblings: readonly FolderFile[], defaultLanguage: string): Sidecars {
  const stem = stemOf(media.name);
  const candidates: { language: string; explicit: boolean; file: FolderFile }[] = [];
  let audioDescription: InputFile | null = null;
  let signLanguage: InputFile | null = null;

  for (const file of siblings) {
    if (file === media) continue;
    const extension = extensionOf(file.name);
    const rest = stemOf(file.name);
    const isCaption = (CAPTION_EXTENSIONS as readonly string[]).includes(extension);
    if (isCaption && rest === stem) {
      candidates.push({ language: defaultLanguage, explicit: false, file });
      continue;
    }
    if (stemOf(rest) !== stem || rest === stem) continue;
    const marker = extensionOf(rest);
    if (marker === AUDIO_DESCRIPTION && (extension === 'vtt' || (AUDIO_EXTENSIONS as readonly string[]).includes(extension))) {
      audioDescription ??= input(file);
    } else if (marker === SIGN_LANGUAGE && (VIDEO_EXTENSIONS as readonly string[]).includes(extension)) {
      signLanguage ??= input(file);
    } else if (isCaption && LANGUAGE_IN_NAME.test(marker)) {
      const language = parseLanguage(marker);
      if (language.ok) candidates.push({ language: language.value, explicit: true, file });
    }
  }

  candidates.sort(
    (a, b) =>
      Number(b.explicit) - Number(a.explicit) ||
      Number(extensionOf(b.file.name) === 'vtt') - Number(extensionOf(a.file.name) === 'vtt') ||
      (a.file.name < b.file.name ? -1 : 1),
  );
  const captions: CaptionInput[] = [];
  for (const candidate of candidates) {
    if (captions.some((c) => c.language === candidate.language)) continue;
    captions.push({ ...input(candidate.file), language: candidate.language });
  }
  captions.sort((a, b) => (a.declared < b.declared ? -1 : a.declared > b.declared ? 1 : 0));
  return { captions, audioDescription, signLanguage };
}
