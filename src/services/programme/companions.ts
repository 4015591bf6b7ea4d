import type { CaptionInput, InputFile } from '../../domain/item.js';
import { COMPANION_EXTENSIONS, extensionListProblem } from './media-types.js';
import { isRecord, listValue, textValue } from './raw-row.js';
import type { FieldIssue } from './raw-row.js';
import { resolveInputFile } from './resolve-file.js';
import { parseLanguage } from './values.js';

type CompanionField = 'slides' | 'audio_description' | 'sign_language';

const WHAT: Readonly<Record<CompanionField, string>> = {
  slides: 'slides',
  audio_description: 'audio description',
  sign_language: 'sign language video',
};

/** An optional companion file (slides, audio description, sign language): null when empty. */
export async function resolveCompanion(
  baseDir: string,
  value: unknown,
  field: CompanionField,
  issues: FieldIssue[],
): Promise<InputFile | null> {
  const declared = textValue(value, field, issues);
  if (declared === '') return null;
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
  if (!resolved.ok) issues.push({ field, message: resolved.message });
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
export async function resolveCaptions(baseDir: string, value: unknown, issues: FieldIssue[]): Promise<CaptionInput[]> {
  const captions: CaptionInput[] = [];
  const seen = new Map<string, string>();
  for (const listed of listValue(value, 'captions', issues)) {
    for (const entry of declaredCaptions(listed, issues)) {
      const language = parseLanguage(entry.language);
      if (!language.ok) {
        issues.push({ field: 'captions', message: `caption "${entry.declared}": ${language.message}` });
        continue;
      }
      const earlier = seen.get(language.value);
      if (earlier !== undefined) {
        issues.push({ field: 'captions', message: `two caption files for language ${language.value}: "${earlier}" and "${entry.declared}"` });
        continue;
      }
      seen.set(language.value, entry.declared);
      const file = await resolveChecked(baseDir, entry.declared, 'captions', COMPANION_EXTENSIONS.captions, 'caption file', issues);
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
