/** WebVTT text shared by the storyboard and chapter tracks: one timestamp format, one writer. */

export interface VttCue {
  start: number;
  end: number;
  text: string;
}

/** "01:02:03.450": hours always present, so every cue line has the same width and parses everywhere. */
export function formatVttTime(seconds: number): string {
  const millis = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const secs = Math.floor((millis % 60_000) / 1000);
  const rest = millis % 1000;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}.${pad(rest, 3)}`;
}

/** A complete WEBVTT document; cue payloads are written as given (callers keep them on one line). */
export function renderVtt(cues: readonly VttCue[]): string {
  const blocks = cues.map((cue) => `${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}\n${cue.text}`);
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
