import { renderCaptionsVtt } from '../../../pipeline/captions/render.js';
import { formatVttTime } from '../../../pipeline/vtt-cues.js';
import type { Cue } from '../../../domain/text.js';
import { fieldLine } from './text-source.js';
import type { TranscriptDocument } from './transcript-document.js';

/**
 * The transcript's cues as subtitles, with their stored times to the millisecond. WebVTT opens
 * with the provenance as a NOTE block and names speakers in voice spans (<v Name>), as the
 * archive's own caption files do; SubRip has neither comments nor voices: cues only.
 */
export function transcriptVtt(doc: TranscriptDocument): string {
  const body = renderCaptionsVtt(spokenCues(doc.cues));
  // A NOTE ends at a blank line and may not hold "-->": each field is one line without it.
  const note = ['NOTE', ...doc.source.fields.map((field) => fieldLine(doc.source, field).replace(/\s*\n\s*/g, ' ').replaceAll('-->', '→'))].join('\n');
  return body.replace(/^WEBVTT\n/, `WEBVTT\n\n${note}\n`);
}

/** Numbered blocks from 1, "00:01:02,500 --> 00:01:05,000", the cue's lines, a blank line. */
export function transcriptSrt(doc: TranscriptDocument): string {
  return spokenCues(doc.cues)
    // A "-->" in the words would read as a timing line: SubRip has no way to escape it.
    .map((cue, index) => `${index + 1}\n${srtTime(cue.start)} --> ${srtTime(cue.end)}\n${cue.text.replaceAll('-->', '→')}\n`)
    .join('\n');
}

/**
 * Cues that say something, their blank lines dropped: in both formats a blank line ends the
 * cue, and an empty cue is an error in SubRip.
 */
function spokenCues(cues: readonly Cue[]): Cue[] {
  return cues
    .map((cue) => ({ ...cue, text: cue.text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n') }))
    .filter((cue) => cue.text !== '');
}

const srtTime = (seconds: number): string => formatVttTime(seconds).replace('.', ',');
