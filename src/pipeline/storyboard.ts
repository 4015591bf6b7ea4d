import { join } from 'node:path';
import type { FfmpegCommand } from '../ports/media-tool.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';
import { renderVtt } from './vtt-cues.js';

const TILE_WIDTH = 160;
const SHEET_COLUMNS = 10;
const SHEET_MAX_ROWS = 10;
/** Browsers and JPEG decoders refuse or choke on images 16,384 px or more a side; stay below. */
const SHEET_MAX_SIDE = 16_000;
/** Beyond 3 hours the interval grows so the track stays around this many tiles. */
const MAX_TILES = 540;

/** Seconds between tiles: finer for short clips, coarser for plenaries (3 h → 20 s → 540 tiles). */
export function storyboardInterval(duration: number): number {
  if (duration < 120) return 2;
  if (duration < 600) return 5;
  if (duration < 3600) return 10;
  return Math.max(20, Math.ceil(duration / MAX_TILES / 10) * 10);
}

/** 160 px wide, display aspect kept, height even (JPEG's 4:2:0 chroma halves it). */
export function tileSize(displayWidth: number, displayHeight: number): { width: number; height: number } {
  const height = Math.max(2, Math.round((TILE_WIDTH * displayHeight) / displayWidth / 2) * 2);
  return { width: TILE_WIDTH, height };
}

/** Tiles the probe's duration promises: one at each multiple of the interval before the end. */
export function expectedTileCount(duration: number, interval: number): number {
  return Math.max(1, Math.ceil(duration / interval - 1e-6));
}

export interface SheetLayout {
  columns: number;
  rows: number;
  perSheet: number;
  tileWidth: number;
  tileHeight: number;
}

/** A single small sheet for short clips; full 10 × 10 sheets (fewer rows for tall tiles) otherwise. */
export function sheetLayout(tileCount: number, tile: { width: number; height: number }): SheetLayout {
  const fitRows = Math.max(1, Math.min(SHEET_MAX_ROWS, Math.floor((SHEET_MAX_SIDE - 1) / tile.height)));
  const columns = Math.max(1, Math.min(SHEET_COLUMNS, tileCount));
  const rows = Math.max(1, Math.min(fitRows, Math.ceil(tileCount / columns)));
  return { columns, rows, perSheet: columns * rows, tileWidth: tile.width, tileHeight: tile.height };
}

export function sheetCount(tileCount: number, layout: SheetLayout): number {
  return Math.ceil(tileCount / layout.perSheet);
}

/** `images/storyboard-<n>.jpg`, numbered from 1 like ffmpeg's `-start_number 1`. */
export function sheetName(index: number): string {
  return `storyboard-${index}.jpg`;
}

/**
 * Tile k is the first frame at or after k × interval: `selected_n` counts the tiles already
 * taken, so the grid never drifts (`fps=1/N` samples at N/2, and "≥ N after the previous tile"
 * drifts by a GOP each time on keyframes). With `keyframesOnly`, only keyframes are decoded
 * (12× faster, MEASURED.md); `tilesFitGrid` then proves each tile still lies in its own slot.
 * showinfo prints the time of every tile taken.
 */
export function storyboardCommand(options: {
  source: string;
  folder: string;
  interval: number;
  layout: SheetLayout;
  keyframesOnly: boolean;
  duration: number;
}): FfmpegCommand {
  const { interval, layout } = options;
  const filters = [
    `select='gte(t,${interval}*selected_n)'`,
    'showinfo',
    `scale=${layout.tileWidth}:${layout.tileHeight}`,
    'setsar=1',
    `tile=${layout.columns}x${layout.rows}`,
  ];
  const input = options.keyframesOnly ? [...SOURCE_INPUT_OPTIONS, '-skip_frame', 'nokey'] : [...SOURCE_INPUT_OPTIONS];
  return {
    inputs: [{ path: options.source, options: input }],
    outputs: [
      {
        path: join(options.folder, 'sheet-%03d.png'),
        options: [
          // Capital V: the first real video stream, never a file's embedded cover art.
          '-map', '0:V:0', '-an', '-sn', '-dn',
          '-vf', filters.join(','),
          // One picture per sheet, as the filter makes them: no frame duplication for "constant" rate.
          '-fps_mode', 'passthrough',
          '-start_number', '1',
          '-f', 'image2',
        ],
      },
    ],
    duration: options.duration,
  };
}

/**
 * Whether the tiles taken match the grid: tile k inside [k × interval, (k + 1) × interval), and
 * none missing but possibly the last (its slot can start after the last frame).
 */
export function tilesFitGrid(times: readonly number[], interval: number, expected: number): boolean {
  if (times.length < expected - 1) return false;
  return times.every((time, k) => time >= k * interval - 0.001 && time < (k + 1) * interval);
}

/** The thumbnails track: each slot points at its tile with a media fragment, relative to the VTT. */
export function storyboardVtt(tileCount: number, interval: number, duration: number, layout: SheetLayout): string {
  const cues = Array.from({ length: tileCount }, (_, k) => {
    const start = k * interval;
    // The last cue runs to the end, also over a final slot that had no frame of its own.
    const end = k === tileCount - 1 && duration > start ? duration : (k + 1) * interval;
    const position = k % layout.perSheet;
    const x = (position % layout.columns) * layout.tileWidth;
    const y = Math.floor(position / layout.columns) * layout.tileHeight;
    const sheet = sheetName(Math.floor(k / layout.perSheet) + 1);
    return { start, end, text: `${sheet}#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}` };
  });
  return renderVtt(cues);
}
