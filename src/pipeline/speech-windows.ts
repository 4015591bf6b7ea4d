/**
 * Long recordings are transcribed in windows of about five minutes: memory stays flat, progress
 * moves, and a failure costs one window. Each cut is moved to the quietest moment near its
 * target so that no word is split; windows with no sound loud enough to be speech are skipped
 * (speech-to-text models invent text on silence: "Sous-titres réalisés par…").
 */
export interface WindowRules {
  /** Target length of a window. */
  windowSeconds: number;
  /** How far from its target a cut may move to find a quiet moment. */
  searchSeconds: number;
  /** A frame louder than this (dBFS) may be speech. */
  speechDb: number;
  /** A window needs at least this much sound to be transcribed. */
  minSpeechSeconds: number;
}

export const WINDOW_RULES: Readonly<WindowRules> = { windowSeconds: 300, searchSeconds: 10, speechDb: -45, minSpeechSeconds: 0.3 };

/** Levels are measured per frame of this length. */
const LEVEL_FRAME_SECONDS = 0.1;

export interface SpeechWindow {
  start: number;
  end: number;
  /** Whether the window has enough sound to be worth transcribing. */
  sound: boolean;
}

/** RMS level per frame, dBFS (-Infinity for digital silence), fed chunk by chunk. */
export class LevelMeter {
  private readonly frameSize: number;
  private sum = 0;
  private count = 0;
  readonly levels: number[] = [];

  constructor(sampleRate: number) {
    this.frameSize = Math.round(sampleRate * LEVEL_FRAME_SECONDS);
  }

  push(samples: Float32Array): void {
    for (const sample of samples) {
      this.sum += sample * sample;
      if (++this.count === this.frameSize) this.closeFrame();
    }
  }

  /** Closes the last, partial frame. */
  finish(): number[] {
    if (this.count > 0) this.closeFrame();
    return this.levels;
  }

  private closeFrame(): void {
    this.levels.push(10 * Math.log10(this.sum / this.count));
    this.sum = 0;
    this.count = 0;
  }
}

/** Contiguous windows covering [0, duration], cut at quiet frames near every target. */
export function planWindows(levels: readonly number[], duration: number, rules: Readonly<WindowRules> = WINDOW_RULES): SpeechWindow[] {
  const cuts = [0];
  for (;;) {
    const previous = cuts[cuts.length - 1] as number;
    const target = previous + rules.windowSeconds;
    // The last window may run a little long rather than leave a few seconds on their own.
    if (target + rules.searchSeconds >= duration) break;
    cuts.push(quietestNear(levels, target, rules.searchSeconds));
  }
  cuts.push(duration);
  const windows: SpeechWindow[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    if (end > start) windows.push({ start, end, sound: soundSeconds(levels, start, end, rules.speechDb) >= rules.minSpeechSeconds });
  }
  return windows;
}

function quietestNear(levels: readonly number[], target: number, search: number): number {
  const from = Math.max(0, Math.floor((target - search) / LEVEL_FRAME_SECONDS));
  const to = Math.min(levels.length - 1, Math.ceil((target + search) / LEVEL_FRAME_SECONDS));
  let best = Math.round(target / LEVEL_FRAME_SECONDS);
  let bestLevel = Infinity;
  for (let i = from; i <= to; i++) {
    const level = levels[i] ?? Infinity;
    // Among equally quiet frames, the one nearest the target.
    if (level < bestLevel || (level === bestLevel && Math.abs(i * LEVEL_FRAME_SECONDS - target) < Math.abs(best * LEVEL_FRAME_SECONDS - target))) {
      best = i;
      bestLevel = level;
    }
  }
  // The middle of the quiet frame.
  return Math.round((best + 0.5) * LEVEL_FRAME_SECONDS * 1000) / 1000;
}

function soundSeconds(levels: readonly number[], start: number, end: number, threshold: number): number {
  let frames = 0;
  for (let i = Math.floor(start / LEVEL_FRAME_SECONDS); i < Math.min(levels.length, Math.ceil(end / LEVEL_FRAME_SECONDS)); i++) {
    if ((levels[i] ?? -Infinity) > threshold) frames++;
  }
  return frames * LEVEL_FRAME_SECONDS;
}
