import type { ProgrammeItem } from '../domain/item.js';
import { escapeMarkup } from '../lib/escape-markup.js';
import type { FfmpegCommand, RawProbe } from '../ports/media-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

const WAVEFORM_SIZE = { width: 1200, height: 240 } as const;
/**
 * Dark blue on a transparent background: 8.7:1 against white and 2.4:1 against black, so the
 * site shows it on a light surface (WCAG 1.4.11 asks 3:1 for meaningful graphics).
 */
export const WAVEFORM_COLOUR = '#1f4e79';
export const TITLE_CARD = { width: 1280, height: 720, background: '#1f4e79', text: '#ffffff' } as const;

/**
 * `showwavespic` on a mono downmix (0.5 s for 3 minutes, MEASURED.md). `draw=full` paints the
 * exact colour (the default fades quiet samples, lowering their contrast); `scale=sqrt` lifts
 * quiet speech so a talk does not look like a thin line; `filter=peak` keeps plosives visible.
 */
export function waveformCommand(source: string, output: string, duration: number): FfmpegCommand {
  const { width, height } = WAVEFORM_SIZE;
  const graph =
    `[0:a:0]aformat=channel_layouts=mono,` +
    `showwavespic=s=${width}x${height}:colors=${WAVEFORM_COLOUR}:scale=sqrt:draw=full:filter=peak[wave]`;
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [{ path: output, options: ['-filter_complex', graph, '-map', '[wave]', '-frames:v', '1', '-update', '1', '-f', 'image2'] }],
    duration,
  };
}

/** The index of the cover art stream (a video stream flagged attached_pic), if the file has one. */
export function attachedPictureIndex(probe: RawProbe): number | null {
  for (const [position, stream] of probe.streams.entries()) {
    const disposition = stream['disposition'] as Record<string, unknown> | undefined;
    if (stream.codec_type === 'video' && Number(disposition?.['attached_pic'] ?? 0) === 1) {
      const index = stream['index'];
      return typeof index === 'number' ? index : position;
    }
  }
  return null;
}

/** Decodes the cover to PNG: JPEG and PNG covers alike, then one encoder path for every size. */
export function coverCommand(source: string, streamIndex: number, output: string): FfmpegCommand {
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS] }],
    outputs: [{ path: output, options: ['-map', `0:${streamIndex}`, '-frames:v', '1', '-update', '1', '-f', 'image2'] }],
  };
}

/**
 * The poster of an item with no picture worth showing (audio without usable cover art, a video
 * blank all along): the title on 1 to 4 lines on a solid colour, the edition below. The font shrinks until the title fits; a title still too long is cut with "…".
 */
export function titleCardSvg(item: Pick<ProgrammeItem, 'title' | 'edition'>): string {
  const { width, height, background, text } = TITLE_CARD;
  const margin = 96;
  const { size, lines } = fitTitle(item.title, width - 2 * margin);
  const lineHeight = Math.round(size * 1.2);
  const top = Math.round((height - lines.length * lineHeight) / 2) + size - 40;
  const tspans = lines
    .map((line, index) => `<tspan x="${margin}" y="${top + index * lineHeight}">${escapeMarkup(line)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${background}"/>`,
    `<text font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${size}" fill="${text}">${tspans}</text>`,
    `<text x="${margin}" y="${height - 72}" font-family="DejaVu Sans, sans-serif" font-size="32" fill="${text}">`,
    `${escapeMarkup(`Numérique en Commun[s] · ${item.edition.label}`)}</text>`,
    '</svg>',
  ].join('\n');
}

/** Greedy word wrap at an average glyph width of 0.58 em (DejaVu Sans Bold), largest size first. */
export function fitTitle(title: string, maxWidth: number, sizes: readonly number[] = [72, 64, 56, 48]): { size: number; lines: string[] } {
  let lines: string[] = [];
  let size = sizes[sizes.length - 1] ?? 48;
  for (const candidate of sizes) {
    size = candidate;
    lines = wrapWords(title, Math.floor(maxWidth / (candidate * 0.58)));
    if (lines.length <= 4) return { size, lines };
  }
  const kept = lines.slice(0, 4);
  kept[3] = `${(kept[3] ?? '').replace(/\s*\S*$/, '')}…`;
  return { size, lines: kept };
}

function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
