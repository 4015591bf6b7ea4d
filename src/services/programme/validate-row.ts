import type { Edition, InputFile, ItemKind, Speaker } from '../../domain/item.js';
import { parseLanguage } from '../../domain/language.js';
import type { LicenceId } from '../../domain/licence.js';
import { slugify } from '../../domain/slug.js';
import { parseAliases } from './aliases.js';
import { resolveCaptions, resolveCompanion } from './companions.js';
import { controlCharacterInValue } from './control-characters.js';
import type { RowOutcome } from './cross-checks.js';
import { parseEdition } from './edition.js';
import { defaultKindFor, describeClass, extensionOf, mediaClassOfExtension, mediaExtensionProblem } from './media-types.js';
import { PROGRAMME_FIELDS, isRecord, listValue, textValue } from './raw-row.js';
import type { FieldIssue, ProgrammeField, RawRow } from './raw-row.js';
import { resolveInputFile } from './resolve-file.js';
import { parseSpeakerObject, parseSpeakerText, uniqueSpeakers } from './speakers.js';
import { parseId, parseIsoDate, parseKind, parseLicenceId, uniqueThemes } from './values.js';
import type { Parsed } from './values.js';

export interface RowContext {
  /** Absolute folder of the programme file: every path in it is relative to this. */
  baseDir: string;
  defaultLicence: LicenceId;
  defaultLanguage: string;
  /** Required columns absent from the whole file: already one file problem, not one per row. */
  missingColumns: ReadonlySet<ProgrammeField>;
}

/** itemId is known as soon as an id is given or edition and title are valid, even if other fields fail. */
export type ValidatedRow = RowOutcome;

/** Checks every field of one row, collecting all of its problems rather than stopping at one. */
export async function validateRow(raw: RawRow, context: RowContext): Promise<ValidatedRow> {
  const issues: FieldIssue[] = controlCharacterIssues(raw);
  const values = raw.values;
  const text = (field: ProgrammeField): string => textValue(values[field], field, issues);
  function take<T>(parsed: Parsed<T>, field: ProgrammeField): T | undefined {
    if (parsed.ok) return parsed.value;
    issues.push({ field, message: parsed.message });
    return undefined;
  }

  // A value of the wrong type already has its problem: "is required" would only repeat it.
  const reported = (field: ProgrammeField): boolean => issues.some((issue) => issue.field === field);

  const title = text('title').replace(/\s+/g, ' ');
  if (title === '' && !context.missingColumns.has('title') && !reported('title')) {
    issues.push({ field: 'title', message: 'title is required' });
  }

  const editionText = text('edition');
  const editionResult = parseEdition(editionText);
  const edition: Edition | undefined = editionResult.ok ? editionResult.edition : undefined;
  if (!editionResult.ok && !reported('edition')) issues.push({ field: 'edition', message: editionResult.message });

  const date = take(parseIsoDate(text('date')), 'date');
  const themes = uniqueThemes(stringsOf(listValue(values.themes, 'themes', issues), 'themes', issues));
  const speakers = readSpeakers(values.speakers, issues);
  const languageText = text('language');
  const language = languageText === '' ? context.defaultLanguage : take(parseLanguage(languageText), 'language');
  const licenceText = text('licence');
  const licence = licenceText === '' ? context.defaultLicence : take(parseLicenceId(licenceText), 'licence');
  const summary = text('summary').replace(/\r\n?/g, '\n');
  const id = readId(text('id'), edition, title, issues);
  const aliases = parseAliases(stringsOf(listValue(values.aliases, 'aliases', issues), 'aliases', issues), id, issues);

  const mediaDeclared = text('media');
  const kind = readKind(text('kind'), mediaDeclared, issues);
  const media = reported('media') ? undefined : await readMedia(context, mediaDeclared, kind, issues);
  const captions = await resolveCaptions(context.baseDir, values.captions, kind, issues);
  const slides = await resolveCompanion(context.baseDir, values.slides, 'slides', kind, issues);
  const audioDescription = await resolveCompanion(context.baseDir, values.audio_description, 'audio_description', kind, issues);
  const signLanguage = await resolveCompanion(context.baseDir, values.sign_language, 'sign_language', kind, issues);

  const itemId = id ?? null;
  const problems = inColumnOrder(issues).map(({ field, message, severity }) => ({
    row: raw.row, itemId, field, message, severity: severity ?? 'error',
  }));
  // Warnings (an ignored companion file) leave the row whole; any error keeps it out.
  const hasError = issues.some((issue) => (issue.severity ?? 'error') === 'error');
  const complete =
    !hasError && title !== '' && id !== undefined && edition !== undefined && date !== undefined &&
    kind !== undefined && language !== undefined && licence !== undefined && media !== undefined;
  const mediaFile = media ?? null;
  if (!complete) return { row: raw.row, itemId, item: null, mediaFile, problems };
  return {
    row: raw.row,
    itemId,
    mediaFile,
    problems,
    item: {
      id, aliases, row: raw.row, edition, date, title, kind, themes, speakers, language, licence, summary,
      media, captions, slides, audioDescription, signLanguage,
    },
  };
}

/**
 * One issue per field holding a control character (any text: a title, a speaker's organisation in
 * a YAML object, a path). Checked before anything else reads the values, so that "title is
 * required" or a media lookup do not pile up on the real cause.
 */
function controlCharacterIssues(raw: RawRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of PROGRAMME_FIELDS) {
    const found = controlCharacterInValue(raw.values[field]);
    if (found !== null) issues.push({ field, message: `${field} contains a control character (${found})` });
  }
  return issues;
}

/** A row's problems in the order of the contract's columns, as people read the row. */
function inColumnOrder(issues: FieldIssue[]): FieldIssue[] {
  const rank = (field: string | null): number => {
    const index = (PROGRAMME_FIELDS as readonly (string | null)[]).indexOf(field);
    return index < 0 ? PROGRAMME_FIELDS.length : index;
  };
  return issues.map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue.field) - rank(b.issue.field) || a.index - b.index)
    .map(({ issue }) => issue);
}

function stringsOf(entries: unknown[], field: ProgrammeField, issues: FieldIssue[]): string[] {
  const strings: string[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') strings.push(entry);
    else if (typeof entry === 'number') strings.push(String(entry));
    else issues.push({ field, message: `${field} entries must be text, not ${JSON.stringify(entry)}` });
  }
  return strings;
}

function readSpeakers(value: unknown, issues: FieldIssue[]): Speaker[] {
  const speakers: Speaker[] = [];
  for (const entry of listValue(value, 'speakers', issues)) {
    const parsed = typeof entry === 'string' ? parseSpeakerText(entry) : isRecord(entry) ? parseSpeakerObject(entry) : null;
    if (parsed === null) issues.push({ field: 'speakers', message: `speaker ${JSON.stringify(entry)} must be text or { name, organisation, role }` });
    else if (parsed.ok) speakers.push(parsed.speaker);
    else issues.push({ field: 'speakers', message: parsed.message });
  }
  return uniqueSpeakers(speakers);
}

function readId(given: string, edition: Edition | undefined, title: string, issues: FieldIssue[]): string | undefined {
  if (given !== '') {
    const parsed = parseId(given);
    if (!parsed.ok) issues.push({ field: 'id', message: parsed.message });
    return parsed.ok ? parsed.value : undefined;
  }
  if (edition === undefined || title === '') return undefined;
  const titleSlug = slugify(title);
  if (titleSlug === '') {
    issues.push({ field: 'id', message: `title "${title}" gives no id (no letters or digits); set an id` });
    return undefined;
  }
  return `${edition.slug}-${titleSlug}`;
}

/** An empty kind is taken from the media's extension: a lone PDF is a document, audio a podcast. */
function readKind(given: string, mediaDeclared: string, issues: FieldIssue[]): ItemKind | undefined {
  if (given !== '') {
    const parsed = parseKind(given);
    if (!parsed.ok) issues.push({ field: 'kind', message: parsed.message });
    return parsed.ok ? parsed.value : undefined;
  }
  const mediaClass = mediaClassOfExtension(extensionOf(mediaDeclared));
  if (mediaClass !== null) return defaultKindFor(mediaClass);
  if (mediaDeclared !== '') {
    issues.push({
      field: 'kind',
      message: `kind is required: "${mediaDeclared}" is not ${describeClass('video')}, ${describeClass('audio')} or ${describeClass('document')}`,
    });
  }
  return undefined;
}

async function readMedia(
  context: RowContext,
  declared: string,
  kind: ItemKind | undefined,
  issues: FieldIssue[],
): Promise<InputFile | undefined> {
  if (declared === '') {
    if (!context.missingColumns.has('media')) issues.push({ field: 'media', message: 'media is required' });
    return undefined;
  }
  const extensionProblem = kind === undefined ? null : mediaExtensionProblem(kind, declared);
  if (extensionProblem !== null) issues.push({ field: 'media', message: extensionProblem });
  const resolved = await resolveInputFile(context.baseDir, declared);
  if (!resolved.ok) issues.push({ field: 'media', message: resolved.message });
  return resolved.ok && extensionProblem === null ? resolved.file : undefined;
}
