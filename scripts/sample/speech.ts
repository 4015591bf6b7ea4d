/** Speech from espeak-ng, one sentence at a time, laid end to end with measured positions. */
import { runTool } from './run-tool.js';
import { SAMPLE_RATE, parseWav, seconds, trimSilence, type Pcm } from './wav.js';

/** Words per minute: a little slower than espeak-ng's default, closer to a speaker on stage. */
const WORDS_PER_MINUTE = '160';

export interface Line {
  text: string;
  /** espeak-ng voice, e.g. "fr+f3". */
  voice: string;
  /** Silence before this line, in seconds (longer at a slide change or a new speaker). */
  pauseBefore: number;
  /** Which slide, card or turn the line belongs to. */
  section: number;
  speaker?: string;
  /** Translation shown in the English subtitles, when there are any. */
  en?: string;
}

export interface TimedLine extends Line {
  start: number;
  end: number;
}

export interface SpeechTrack {
  pcm: Pcm;
  lines: TimedLine[];
  duration: number;
}

/** One sentence through espeak-ng, trimmed to the speech itself. */
export async function speak(text: string, voice: string, label: string): Promise<Int16Array> {
  // Text goes in on stdin (-b 1: UTF-8) so no sentence can be mistaken for an option.
  const wav = await runTool('espeak-ng', ['-v', voice, '-s', WORDS_PER_MINUTE, '-b', '1', '--stdout'], {
    label: `${label} (espeak-ng: "${text.slice(0, 40)}…")`,
    input: text,
  });
  const pcm = parseWav(wav, label);
  if (pcm.sampleRate !== SAMPLE_RATE) throw new Error(`${label}: espeak-ng spoke at ${pcm.sampleRate} Hz, expected ${SAMPLE_RATE}`);
  return trimSilence(pcm.samples, pcm.sampleRate);
}

export interface AssembleOptions {
  label: string;
  /** Silence before the first line. */
  leadIn: number;
  /** Silence after the last line. */
  tail: number;
  /** Optional sound placed at the very start (before lead-in) and the very end (after tail). */
  jingle?: Int16Array;
  /** Round the total length up to a whole number of video frames at this rate. */
  fps?: number;
}

/**
 * Speaks each line separately and lays them end to end with the requested pauses, keeping
 * the exact sample position of every line: these positions are the true caption times.
 */
export async function assembleSpeech(lines: readonly Line[], options: AssembleOptions): Promise<SpeechTrack> {
  const spoken: Int16Array[] = [];
  for (const line of lines) spoken.push(await speak(line.text, line.voice, options.label));
  const jingle = options.jingle ?? new Int16Array(0);
  const pieces: Int16Array[] = [];
  const timed: TimedLine[] = [];
  let cursor = 0;
  const push = (piece: Int16Array): void => {
    pieces.push(piece);
    cursor += piece.length;
  };
  const silence = (secondsLong: number): Int16Array => new Int16Array(Math.round(secondsLong * SAMPLE_RATE));
  push(jingle);
  push(silence(options.leadIn));
  lines.forEach((line, index) => {
    if (index > 0) push(silence(line.pauseBefore));
    const samples = spoken[index] ?? new Int16Array(0);
    timed.push({ ...line, start: seconds(cursor), end: seconds(cursor + samples.length) });
    push(samples);
  });
  push(silence(options.tail));
  push(jingle);
  if (options.fps) {
    const frames = Math.ceil((cursor / SAMPLE_RATE) * options.fps);
    const wanted = Math.round((frames / options.fps) * SAMPLE_RATE);
    if (wanted > cursor) push(silence((wanted - cursor) / SAMPLE_RATE));
  }
  const samples = new Int16Array(cursor);
  let offset = 0;
  for (const piece of pieces) {
    samples.set(piece, offset);
    offset += piece.length;
  }
  return { pcm: { sampleRate: SAMPLE_RATE, samples }, lines: timed, duration: seconds(cursor) };
}

/** Section boundaries halfway through the silence between sections, as a speaker clicks on. */
export function sectionBounds(track: SpeechTrack, sectionCount: number): { start: number; end: number }[] {
  const bounds: { start: number; end: number }[] = [];
  for (let section = 0; section < sectionCount; section++) {
    const first = track.lines.find((line) => line.section === section);
    const previous = [...track.lines].reverse().find((line) => line.section < section);
    const start = section === 0 || !first ? 0 : previous ? (previous.end + first.start) / 2 : first.start;
    bounds.push({ start, end: track.duration });
    const before = bounds[section - 1];
    if (before) before.end = start;
  }
  return bounds;
}
