/**
 * SRT is WebVTT's ancestor: numbered blocks, "00:00:01,000 --> 00:00:03,500", then text. Mapped
 * line for line onto WebVTT (the same line at the same place, after a two-line header), so the
 * WebVTT parser validates it and its line numbers, minus the header, are the SRT file's own.
 */
export const SRT_HEADER_LINES = 2;

const NEWLINE = /\r\n|\r|\n/;
/** Trailing SRT position boxes ("X1:40 X2:600 Y1:20 Y2:50"): WebVTT has no such setting. */
const SRT_COORDINATES = /\s+X1:\S*\s+X2:\S*\s+Y1:\S*\s+Y2:\S*\s*$/i;
/** SSA override codes that SRT editors leave in the text ("{\an8}" = top of the screen). */
const SSA_OVERRIDES = /\{\\[^}]*\}/g;

export function srtToWebVtt(srt: string): string {
  const lines = srt.replace(/^\uFEFF/, '').split(NEWLINE);
  const mapped = lines.map((line, index) => {
    if (line.includes('-->')) return timingLine(line);
    if (/^\s*\d+\s*$/.test(line) && nextNonBlank(lines, index + 1)?.includes('-->')) return ''; // a cue number
    return line.replace(SSA_OVERRIDES, '');
  });
  return ['WEBVTT', '', ...mapped].join('\n');
}

/** "00:00:01,000 --> 00:00:03,500" → "00:00:01.000 --> 00:00:03.500": only the decimal comma changes. */
function timingLine(line: string): string {
  return line.replace(SRT_COORDINATES, '').replace(/(\d),(\d)/g, '$1.$2');
}

function nextNonBlank(lines: readonly string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() !== '') return line;
  }
  return undefined;
}

/**
 * Whether a text without the WebVTT signature is SRT: its first block is a number and a timing
 * line, or a timing line with a decimal comma.
 */
export function looksLikeSrt(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(NEWLINE).filter((line) => line.trim() !== '');
  const [first = '', second = ''] = lines;
  if (/^\s*\d+\s*$/.test(first)) return second.includes('-->');
  return first.includes('-->') && /\d,\d/.test(first);
}
