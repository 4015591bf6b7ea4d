import { primaryLanguage, type Cue } from '../../domain/text.js';
import { formatVttTime } from '../vtt-cues.js';

/**
 * Cue text is plain text and stays so: "&", "<" and ">" are written as references, so no text
 * (a "<script>" typed in a caption, a "-->" in a sentence) can become markup or a timing line.
 */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A WebVTT file of our own: one block per cue, the speaker as a voice span. */
export function renderCaptionsVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const text = escapeCueText(cue.text);
    const payload = cue.speaker ? `<v ${escapeCueText(cue.speaker)}>${text}</v>` : text;
    return `${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}\n${payload}`;
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

/** A pause this long in speech starts a new paragraph. */
const PARAGRAPH_PAUSE_SECONDS = 2.5;
/** Past this length, a paragraph ends at the next sentence end… */
const PARAGRAPH_CHARS = 600;
/** …and past this one at the next cue, for captions written without punctuation. */
const PARAGRAPH_MAX_CHARS = 1500;

/**
 * The transcript to read or print: paragraphs (at a change of speaker, a long pause, or a
 * sentence end once a paragraph is long), each new speaker's name before their words. Caption
 * line breaks are not sentence breaks: a cue's lines join with spaces.
 */
export function renderTranscriptText(cues: readonly Cue[], language: string): string {
  // French typography puts a (no-break) space before the colon.
  const separator = primaryLanguage(language) === 'fr' ? '\u00a0: ' : ': ';
  const paragraphs: { speaker: string | null; text: string }[] = [];
  let previous: Cue | null = null;
  for (const cue of cues) {
    const text = cue.text.replace(/\s*\n\s*/g, ' ');
    const current = paragraphs.at(-1);
    const newSpeaker = cue.speaker !== null && cue.speaker !== current?.speaker;
    const pause = previous !== null && cue.start - previous.end >= PARAGRAPH_PAUSE_SECONDS;
    const length = current?.text.length ?? 0;
    const long = length >= PARAGRAPH_MAX_CHARS || (length >= PARAGRAPH_CHARS && previous !== null && /[.!?…»"]\s*$/.test(previous.text));
    if (!current || newSpeaker || pause || long) paragraphs.push({ speaker: cue.speaker ?? current?.speaker ?? null, text });
    else current.text += ` ${text}`;
    previous = cue;
  }
  let shown: string | null = null;
  const lines = paragraphs.map((paragraph) => {
    const label = paragraph.speaker !== null && paragraph.speaker !== shown ? `${paragraph.speaker}${separator}` : '';
    shown = paragraph.speaker ?? shown;
    return label + paragraph.text;
  });
  return lines.length ? `${lines.join('\n\n')}\n` : '';
}

/** Words a reader would count: runs between spaces that hold a letter or a digit. */
export function countWords(cues: readonly Cue[]): number {
  return cues.reduce((total, cue) => total + cue.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length, 0);
}
