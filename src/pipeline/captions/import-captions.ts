import { TEXT_FILE_VERSION, type TranscriptFile } from '../../domain/text.js';
import { plainCue } from './cue-text.js';
import { decodeCaptionBytes, type CaptionEncoding } from './decode.js';
import { normaliseCues } from './normalise.js';
import { parseWebVtt, type CaptionProblem } from './parse-webvtt.js';
import { countWords, renderCaptionsVtt, renderTranscriptText } from './render.js';
import { looksLikeSrt, SRT_HEADER_LINES, srtToWebVtt } from './srt.js';

export type CaptionFormat = 'vtt' | 'srt';

export interface CaptionSource {
  /** As the programme names it: every message starts with it. */
  name: string;
  language: string;
  bytes: Uint8Array;
}

export type CaptionImport =
  | {
      status: 'imported';
      format: CaptionFormat;
      encoding: CaptionEncoding;
      transcript: TranscriptFile;
      /** Our own WebVTT: normalised cues, escaped text, speakers as voice spans. */
      vtt: string;
      /** The plain-text transcript. */
      txt: string;
      words: number;
      warnings: string[];
    }
  | { status: 'empty'; format: CaptionFormat; encoding: CaptionEncoding; warnings: string[] }
  /** One line: the file, the line and the cause ("talks/x.fr.vtt line 7: invalid timestamp …"). */
  | { status: 'refused'; error: string };

/** How many repaired problems a warning names line by line before it just counts the rest. */
const LISTED_FIXES = 3;

/**
 * A supplied caption file (WebVTT or SRT, in any encoding a subtitling tool writes) turned into
 * a reviewed transcript and our own WebVTT and text — or refused with one line saying where and
 * why. Problems that lose nothing (a stray blank line, an unknown cue setting, overlaps) are
 * repaired and named in a warning.
 */
export function importCaptions(source: CaptionSource): CaptionImport {
  const { name } = source;
  if (source.bytes.length === 0) return { status: 'refused', error: `${name}: file is empty (0 bytes)` };
  const decoded = decodeCaptionBytes(source.bytes);
  const { encoding } = decoded;
  // Blank lines before the signature are a slip, not a reason to refuse the file: skipped, and counted back into line numbers.
  const leading = /^(?:[ \t]*(?:\r\n|\r|\n))+(?=WEBVTT)/.exec(decoded.text)?.[0] ?? '';
  const text = decoded.text.slice(leading.length);
  const format = captionFormatOf(text, name);
  const parsed = parseWebVtt(format === 'srt' ? srtToWebVtt(text) : text);
  const shift = format === 'srt' ? -SRT_HEADER_LINES : lineCount(leading);
  const at = (problem: CaptionProblem): string => `line ${Math.max(1, problem.line + shift)}: ${problem.message}`;

  const [firstError, ...otherErrors] = parsed.errors;
  if (firstError) {
    const more = otherErrors.length ? ` (and ${otherErrors.length} more problem${otherErrors.length > 1 ? 's' : ''})` : '';
    return { status: 'refused', error: `${name} ${at(firstError)}${more}` };
  }

  const { cues, changes } = normaliseCues(parsed.cues.map(plainCue));
  const fixes = parsed.fixes.map(at);
  if (leading) fixes.unshift('line 1: blank lines before the WEBVTT header skipped');
  if (format === 'srt' && /\.vtt$/i.test(name)) fixes.unshift('SRT content in a .vtt file, read as SRT');
  const listed = [...fixes.slice(0, LISTED_FIXES), ...(fixes.length > LISTED_FIXES ? [`${fixes.length - LISTED_FIXES} more`] : []), ...changes];
  const warnings = listed.length ? [`${name}: repaired — ${listed.join('; ')}`] : [];
  if (cues.length === 0) {
    return { status: 'empty', format, encoding, warnings: [...warnings, `${name}: no caption text in the file; no transcript from it`] };
  }
  const transcript: TranscriptFile = { version: TEXT_FILE_VERSION, language: source.language, source: 'captions-reviewed', cues };
  return {
    status: 'imported', format, encoding, transcript, warnings,
    vtt: renderCaptionsVtt(cues), txt: renderTranscriptText(cues, source.language), words: countWords(cues),
  };
}

/** By content first (an SRT named ".vtt" is still SRT), by name when the content says nothing. */
export function captionFormatOf(text: string, name: string): CaptionFormat {
  if (text.startsWith('WEBVTT')) return 'vtt';
  if (looksLikeSrt(text)) return 'srt';
  return /\.srt$/i.test(name) ? 'srt' : 'vtt';
}

function lineCount(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
