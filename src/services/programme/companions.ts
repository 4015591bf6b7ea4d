import { expectedMediaClass } from '../../domain/item.js';
import type { CaptionInput, InputFile, ItemKind, MediaClass } from '../../domain/item.js';
import { parseLanguage } from '../../domain/language.js';
import { COMPANION_EXTENSIONS, extensionListProblem } from './media-types.js';
import { isRecord, listValue, textValue } from './raw-row.js';
import type { FieldIssue } from './raw-row.js';
import { resolveInputFile } from './resolve-file.js';

type CompanionField = 'slides' | 'audio_description' | 'sign_language';
export type AnyCompanionField = CompanionField | 'captions';

const WHAT: Readonly<Record<CompanionField, string>> = {
  slides: 'slides',
  audio_description: 'audio description',
  sign_language: 'sign language video',
};

/**
 * Companion files a kind cannot use, and why. A podcast is published as sound only and a
 * document as pages, so the player that would show slides, a sign-language video or an audio
 * description beside the picture does not exist for them; a document has no timeline for captions.
 */
const UNUSABLE: Readonly<Record<MediaClass, Partial<Record<AnyCompanionField, string>>>> = {
  video: {},
  audio: {
    slides: 'ignored: a podcast has no picture to show slides beside',
    audio_description: 'ignored: a podcast has no picture to describe',
    sign_language: 'ignored: a podcast has no picture for a sign-language video',
  },
  document: {
    slides: 'ignored: a document is already pages; slides go with a recording',
    audio_description: 'ignored: a document is not a recording, so it has no audio description',
    sign_language: 'ignored: a document is not a recording, so it has no sign-language video',
    captions: 'ignored: a document is not a recording, so it has no captions',
  },
};

/**
 * The warning for a companion file the kind cannot use, or null when it can (or the kind is not
 * known yet). Such a file is left out of the item but keeps its row: nothing else is wrong.
 */
export function unusableCompanion(kind: ItemKind | undefined, field: AnyCompanionField): FieldIssue | null {
  const message = kind === undefined ? undefined : UNUSABLE[expectedMediaClass(kind)][field];
  return message === undefined ? null : { field, message, severity: 'warning' };
}

/**
 * An optional companion file (slides, audio description, sign language): null when empty, or
 * when the kind cannot use it (a warning; the file is then not even looked for).
 */
export async function resolveCompanion(
  baseDir: string,
  value: unknown,
  field: CompanionField,
  kind: ItemKind | undefined,
  issues: FieldIssue[],
): Promise<InputFile | null> {
  const declared = textValue(value, field, issues);
  if (declared === '') return null;
  const unusable = unusableCompanion(kind, field);
  if (unusable !== null) {
    issues.push(unusable);
    return null;
  }
  return resolveChecked(baseDir, declared, field, COMPANION_EXTENSIONS[field], WHAT[field], issues);
}

async function resolveChecked(
  baseDir: string,
  declared: string,
  field: string,
  extensions: readonly string[],
  what: string,
  issues: FieldIssue[],
): Promise<InputFile | null> {
  const extensionProblem = extensionListProblem(declared, extensions, what);
  if (extensionProblem !== null) issues.push({ field, message: extensionProblem });
  const resolved = await resolveInputFile(baseDir, declared);
  if (!resolved.ok) {
    // An empty caption file is a broken caption file: the recording is published without it,
    // flagged, as when its content is malformed; other companions change what is produced.
    const leftOut = field === 'captions' && resolved.empty;
    issues.push(leftOut ? { field, message: `${resolved.message}; captions left out`, severity: 'warning' } : { field, message: resolved.message });
  }
  return resolved.ok && extensionProblem === null ? resolved.file : null;
}

interface DeclaredCaption {
  language: string;
  declared: string;
}

// "fr:talks/x.fr.vtt", "fr-CA : x.vtt". A Windows drive letter ("C:") is one letter, so never a language.
const CAPTION_ENTRY = /^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\s*:\s*(.+)$/;

/**
 * Captions as `fr:path; en:path` (CSV) or, in JSON/YAML, a list of those strings, a list of
 * `{ language, path }` or a map `{ fr: path }`. The language is required: guessing it from the
 * file name would file French captions under English as soon as a name is unusual.
 */
export async function resolveCaptions(
  baseDir: string,
  value: unknown,
  kind: ItemKind | undefined,
  issues: FieldIssue[],
): Promise<CaptionInput[]> {
  const captions: CaptionInput[] = [];
  const seen = new Map<string, string>();
  const listed = listValue(value, 'captions', issues);
  const unusable = listed.length > 0 ? unusableCompanion(kind, 'captions') : null;
  if (unusable !== null) {
    issues.push(unusable);
    return [];
  }
  for (const entry of listed) {
    for (const caption of declaredCaptions(entry, issues)) {
      const language = parseLanguage(caption.language);
      if (!language.ok) {
        issues.push({ field: 'captions', message: `caption "${caption.declared}": ${language.message}` });
        continue;
      }
      const earlier = seen.get(language.value);
      if (earlier !== undefined) {
        issues.push({ field: 'captions', message: `two caption files for language ${language.value}: "${earlier}" and "${caption.declared}"` });
        continue;
      }
      seen.set(language.value, caption.declared);
      const file = await resolveChecked(baseDir, caption.declared, 'captions', COMPANION_EXTENSIONS.captions, 'caption file', issues);
      if (file !== null) captions.push({ ...file, language: language.value });
    }
  }
  return captions;
}

function declaredCaptions(entry: unknown, issues: FieldIssue[]): DeclaredCaption[] {
  if (typeof entry === 'string') {
    const match = CAPTION_ENTRY.exec(entry);
    if (match?.[1] !== undefined && match[2] !== undefined) return [{ language: match[1], declared: match[2].trim() }];
    issues.push({ field: 'captions', message: `caption "${entry}" needs a language, e.g. "fr:${entry}"` });
    return [];
  }
  if (isRecord(entry)) {
    const path = entry['path'] ?? entry['file'];
    const language = entry['language'] ?? entry['lang'];
    if (path !== undefined || language !== undefined) {
      if (typeof path === 'string' && typeof language === 'string' && path.trim() !== '' && language.trim() !== '') {
        return [{ language: language.trim(), declared: path.trim() }];
      }
      issues.push({ field: 'captions', message: `caption ${JSON.stringify(entry)} needs a "language" and a "path"` });
      return [];
    }
    // A map from language to path: { fr: "talks/x.fr.vtt", en: "talks/x.en.srt" }.
    return Object.entries(entry).flatMap(([lang, file]) => {
      if (typeof file === 'string' && file.trim() !== '') return [{ language: lang, declared: file.trim() }];
      issues.push({ field: 'captions', message: `caption for "${lang}" must be a file path` });
      return [];
    });
  }
  issues.push({ field: 'captions', message: `caption ${JSON.stringify(entry)} must be "language:path"` });
  return [];
}
