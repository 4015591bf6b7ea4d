/**
 * Turns sentences with measured times into caption cues that follow common subtitling rules
 * (at most two lines of 42 characters, 1 to 7 seconds on screen), and writes WebVTT and SRT.
 */

export const MAX_LINE_CHARS = 42;
export const MAX_LINES = 2;
export const MIN_CUE_SECONDS = 1;
export const MAX_CUE_SECONDS = 7;

export interface Cue {
  start: number;
  end: number;
  lines: string[];
  /** Speaker name, written as a WebVTT voice span (<v Name>); SRT has no equivalent. */
  speaker?: string;
}

export interface TimedSentence {
  text: string;
  start: number;
  end: number;
  speaker?: string;
}

/**
 * Splits on spaces but keeps French typography together: a lone « : ; ! ? » » stays with the
 * word before it and « « » with the word after it, so no line starts with a colon.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let pendingOpen = '';
  for (const raw of text.trim().split(/\s+/)) {
    if (/^[:;!?»]+$/.test(raw) && tokens.length > 0) {
      tokens[tokens.length - 1] += ` ${raw}`;
    } else if (raw === '«') {
      pendingOpen = '« ';
    } else {
      tokens.push(pendingOpen + raw);
      pendingOpen = '';
    }
  }
  return tokens;
}

/** Breaks a chunk into one line or two balanced lines within the limit; null if impossible. */
export function wrapChunk(tokens: readonly string[], maxChars = MAX_LINE_CHARS): string[] | null {
  const whole = tokens.join(' ');
  if (whole.length <= maxChars) return [whole];
  let best: string[] | null = null;
  let bestLongest = Infinity;
  for (let cut = 1; cut < tokens.length; cut++) {
    const first = tokens.slice(0, cut).join(' ');
    const second = tokens.slice(cut).join(' ');
    const longest = Math.max(first.length, second.length);
    if (longest <= maxChars && longest < bestLongest) {
      best = [first, second];
      bestLongest = longest;
    }
  }
  return best;
}

/** Contiguous partition of tokens into exactly `parts` chunks minimising the longest chunk. */
function balancedChunks(tokens: readonly string[], parts: number): string[][] {
  const count = tokens.length;
  const length = (from: number, to: number): number => tokens.slice(from, to).join(' ').length;
  // cost[k][i]: best longest chunk when the first i tokens make k chunks.
  const cost = Array.from({ length: parts + 1 }, () => new Array<number>(count + 1).fill(Infinity));
  const cutAt = Array.from({ length: parts + 1 }, () => new Array<number>(count + 1).fill(0));
  (cost[0] as number[])[0] = 0;
  for (let k = 1; k <= parts; k++) {
    for (let i = k; i <= count; i++) {
      for (let j = k - 1; j < i; j++) {
        const value = Math.max((cost[k - 1] as number[])[j] ?? Infinity, length(j, i));
        if (value < ((cost[k] as number[])[i] ?? Infinity)) {
          (cost[k] as number[])[i] = value;
          (cutAt[k] as number[])[i] = j;
        }
      }
    }
  }
  const chunks: string[][] = [];
  let end = count;
  for (let k = parts; k >= 1; k--) {
    const start = (cutAt[k] as number[])[end] ?? 0;
    chunks.unshift(tokens.slice(start, end));
    end = start;
  }
  return chunks;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Cues for one sentence spoken from `start` to `end`. The sentence's duration is shared
 * between its cues in proportion to their characters, which is how speech time is spread
 * when nothing finer is known. A sentence shorter than the minimum may borrow silence up to
 * `limit` (the next sentence's start or the end of the media).
 */
export function sentenceCues(sentence: TimedSentence, limit = Infinity): Cue[] {
  const tokens = tokenize(sentence.text);
  if (tokens.length === 0) return [];
  const duration = sentence.end - sentence.start;
  const chars = tokens.join(' ').length;
  const first = Math.max(1, Math.ceil(chars / (MAX_LINE_CHARS * MAX_LINES)), Math.ceil(duration / MAX_CUE_SECONDS));
  for (let parts = first; parts <= tokens.length; parts++) {
    const chunks = balancedChunks(tokens, parts);
    const wrapped = chunks.map((chunk) => wrapChunk(chunk));
    if (wrapped.some((lines) => lines === null)) continue;
    const weights = chunks.map((chunk) => chunk.join(' ').length + 1);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const cues: Cue[] = [];
    let consumed = 0;
    for (let i = 0; i < chunks.length; i++) {
      const cueStart = sentence.start + (duration * consumed) / total;
      consumed += weights[i] ?? 0;
      const cueEnd = sentence.start + (duration * consumed) / total;
      cues.push({ start: round3(cueStart), end: round3(cueEnd), lines: wrapped[i] ?? [], ...(sentence.speaker ? { speaker: sentence.speaker } : {}) });
    }
    if (cues.some((cue) => cue.end - cue.start > MAX_CUE_SECONDS)) continue;
    const last = cues[cues.length - 1];
    if (last && last.end - last.start < MIN_CUE_SECONDS) last.end = round3(Math.min(last.start + MIN_CUE_SECONDS, limit));
    return cues;
  }
  throw new Error(`Cannot fit into captions: "${sentence.text}"`);
}

/** Cues for consecutive sentences; each may extend into the silence before the next one. */
export function buildCues(sentences: readonly TimedSentence[], mediaDuration: number): Cue[] {
  return sentences.flatMap((sentence, index) => {
    const next = sentences[index + 1];
    const limit = next ? next.start - 0.05 : mediaDuration;
    return sentenceCues(sentence, limit);
  });
}

function timestamp(seconds: number, separator: '.' | ','): string {
  const millis = Math.round(seconds * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(millis % 1000, 3)}`;
}

export function formatVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const text = cue.speaker ? `<v ${cue.speaker}>${cue.lines.join('\n')}` : cue.lines.join('\n');
    return `${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${text}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export function formatSrt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue, index) =>
    `${index + 1}\n${timestamp(cue.start, ',')} --> ${timestamp(cue.end, ',')}\n${cue.lines.join('\n')}`);
  return `${blocks.join('\n\n')}\n`;
}
