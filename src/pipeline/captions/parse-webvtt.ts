import webvtt from 'webvtt-parser';
import htmlEntities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import { formatVttTime } from '../vtt-cues.js';

/** One problem found in a caption file, on a 1-based line of the text that was parsed. */
export interface CaptionProblem {
  line: number;
  message: string;
}

export interface ParsedWebVtt {
  cues: webvtt.ParsedCue[];
  /** Problems that lose part of the file (a cue, its times, the header): the file is refused. */
  errors: CaptionProblem[];
  /** Problems repaired or harmless once the file is normalised: worth a warning, not the file. */
  fixes: CaptionProblem[];
}

/** Stands for a stray blank line inside a cue's text, so the parser keeps the text in its cue. */
export const JOINED_LINE_MARK = '\uE000';

export const ENTITIES = htmlEntities as Record<string, string>;
// The full HTML table: the parser's default decodes only &amp; &lt; &gt; &lrm; &rlm; &nbsp;.
const parser = new webvtt.WebVTTParser(ENTITIES);
const NEWLINE = /\r\n|\r|\n/;

/** Parses WebVTT with the W3C parser and sorts what it reports into errors and fixes. */
export function parseWebVtt(text: string): ParsedWebVtt {
  const { lines, joined } = joinStrayBlankLines(numericReferencesForParser(text).split(NEWLINE));
  // 'metadata' mode: markup mistakes in cue text are not reported, the text is kept and stripped anyway.
  const result = parser.parse(lines.join('\n'), 'metadata');
  const errors: CaptionProblem[] = [];
  const fixes: CaptionProblem[] = joined.map((line) => ({ line, message: 'blank line inside a cue joined to its text' }));
  let orphanBlockEnd = -1;
  for (const error of result.errors) {
    // The parser reports each line of a block outside any cue: the block is one problem.
    if (ORPHAN_ERRORS.has(error.message)) {
      const continues = error.line - 1 === orphanBlockEnd + 1;
      orphanBlockEnd = error.line - 1;
      if (continues) continue;
    }
    const problem = classify(error, lines);
    if (problem?.severity === 'error') errors.push({ line: problem.line, message: problem.message });
    if (problem?.severity === 'fix') fixes.push({ line: problem.line, message: problem.message });
  }
  const refused = new Set(errors.map((e) => e.line));
  const byLine = (a: CaptionProblem, b: CaptionProblem): number => a.line - b.line;
  return { cues: result.cues, errors: errors.sort(byLine), fixes: uniqueMessages(fixes.filter((f) => !refused.has(f.line)).sort(byLine)) };
}

type Classified = { severity: 'error' | 'fix'; line: number; message: string } | null;

const TIMESTAMP_ERRORS = new Set([
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
]);

const ORPHAN_ERRORS = new Set(['Cue identifier cannot be standalone.', 'Cue identifier needs to be followed by timestamp.']);

/**
 * Errors are what the parser cannot recover without losing words or times: no signature, an
 * unreadable timing line (the parser drops the cue), a cue ending before it starts, text that
 * belongs to no cue. Everything else is repaired by the parser or by normalisation.
 */
function classify(error: webvtt.ParseError, lines: readonly string[]): Classified {
  const text = lines[error.line - 1] ?? '';
  const error_ = (line: number, message: string): Classified => ({ severity: 'error', line, message });
  const fix = (message: string): Classified => ({ severity: 'fix', line: error.line, message });
  const { message } = error;
  if (message.startsWith('No valid signature')) return error_(1, `missing "WEBVTT" header (the file starts with ${quote(lines[0] ?? '')})`);
  if (TIMESTAMP_ERRORS.has(message)) return error_(error.line, `invalid timestamp ${quote(tokenAt(text, (error.col ?? 1) - 1))}`);
  if (message === 'No timestamp found.') return error_(error.line, `timing line ${quote(text)} lacks its end time`);
  if (message === 'No valid timestamp separator found.') return error_(error.line, `invalid timing line ${quote(text)}: expected "start --> end"`);
  if (message === 'End timestamp is not greater than start timestamp.') return endBeforeStart(error.line, text);
  if (message === 'Cannot have timestamp in a comment.') return error_(error.line, 'timing line inside a NOTE comment (a blank line is missing before it)');
  if (message === 'Cannot have timestamp in a style block.') return error_(error.line, 'timing line inside a STYLE block (a blank line is missing before it)');
  if (ORPHAN_ERRORS.has(message)) {
    // Reported on the line after the orphan; a second line that looks like times is a broken timing line.
    const orphan = error.line - 1;
    if (message.endsWith('timestamp.') && looksLikeTimes(text)) return error_(error.line, `invalid timing line ${quote(text)}: expected "start --> end"`);
    return error_(orphan, `text outside any cue: ${quote(lines[orphan - 1] ?? '')} (no timing line before it)`);
  }
  if (message === 'No blank line after the signature.') {
    // Header lines such as "Kind: captions" are common and harmless; a cue right after the header is not.
    return text.includes('-->') ? fix('blank line missing after the WEBVTT header') : null;
  }
  if (message === 'Blank line missing before cue.') return fix('blank line missing before a cue');
  if (message.startsWith('Start timestamp is not greater')) return fix('cues out of order (sorted)');
  if (message.includes('separated from')) return fix('no space around "-->"');
  if (message.startsWith('Style blocks')) return fix('STYLE block after the first cue ignored');
  if (error.col !== undefined && text.includes('-->')) return fix(`cue settings ${quote(text.slice(text.indexOf('-->') + 3).trim().split(/\s+/).slice(1).join(' '))} ignored`);
  return fix(message.replace(/\.$/, ''));
}

/** Equal times make an empty cue, dropped; an end before the start is a mistake that needs a person. */
function endBeforeStart(line: number, text: string): Classified {
  const cue = { startTime: 0, endTime: 0 };
  new webvtt.WebVTTCueTimingsAndSettingsParser(text, () => {}).parse(cue, 0);
  if (cue.endTime === cue.startTime) return { severity: 'fix', line, message: 'cue of zero duration dropped' };
  return { severity: 'error', line, message: `cue ends (${formatVttTime(cue.endTime)}) before it starts (${formatVttTime(cue.startTime)})` };
}

function looksLikeTimes(line: string): boolean {
  return /^\s*(?:\d+:)?\d+:\d+[.,]\d+/.test(line);
}

/** The word of a timing line at `index` ("00:00:0x.000"), with "-->" as a word of its own. */
function tokenAt(line: string, index: number): string {
  const tokens = [...line.matchAll(/-->|(?:(?!-->)\S)+/g)];
  const containing = tokens.find((t) => t.index <= index && index < t.index + t[0].length);
  const before = tokens.filter((t) => t.index < index && t[0] !== '-->').at(-1);
  return (containing && containing[0] !== '-->' ? containing : before ?? tokens[0])?.[0] ?? line;
}

function quote(text: string): string {
  const trimmed = text.trim();
  return `"${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}"`;
}

/** One report per line and cause: the parser repeats itself (one per bad setting of a line). */
function uniqueMessages(problems: CaptionProblem[]): CaptionProblem[] {
  const byKey = new Map(problems.map((p) => [`${p.line} ${p.message}`, p]));
  return [...byKey.values()];
}

/**
 * The parser reads decimal references but not hexadecimal ones with letters (&#x20AC;), and cuts
 * code points above U+FFFF: those become decimal references or the character itself. Never a
 * newline: a reference stays on its line.
 */
function numericReferencesForParser(text: string): string {
  return text.replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g, (_, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return code > 0xffff ? String.fromCodePoint(code) : `&#${code};`;
  });
}

/**
 * A blank line in the middle of a cue's text ends the cue for the parser, and the rest becomes
 * text outside any cue. When a block without timing follows a cue (and does not look like a
 * cue of its own with a broken timing line), its blank lines are replaced by a mark that keeps
 * the text in the cue. Lines keep their numbers.
 */
function joinStrayBlankLines(input: readonly string[]): { lines: string[]; joined: number[] } {
  const lines = [...input];
  const joined: number[] = [];
  let i = 0;
  while (i < lines.length && (lines[i] ?? '') !== '') i++; // the header
  let previous: 'cue' | 'other' = 'other';
  while (i < lines.length) {
    const blankStart = i;
    while (i < lines.length && lines[i] === '') i++;
    const blockStart = i;
    while (i < lines.length && lines[i] !== '') i++;
    const block = lines.slice(blockStart, i);
    if (block.length === 0) break;
    const first = block[0] ?? '';
    const kind = /^(NOTE|STYLE|REGION)(\s|$)/.test(first) ? 'other' : first.includes('-->') || block[1]?.includes('-->') ? 'cue' : 'orphan';
    const brokenCue = (/^\d+$/.test(first.trim()) && block.length > 1) || block.some((line) => line.includes('-->') || looksLikeTimes(line));
    if (kind === 'orphan' && previous === 'cue' && blankStart > 0 && !brokenCue) {
      for (let b = blankStart; b < blockStart; b++) lines[b] = JOINED_LINE_MARK;
      joined.push(blankStart + 1);
      continue; // still inside the cue: a further stray block joins it too
    }
    previous = kind === 'cue' ? 'cue' : 'other';
  }
  return { lines, joined };
}
