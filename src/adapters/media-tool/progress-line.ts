import type { ToolProgress } from '../../ports/media-tool.js';

/**
 * Reads ffmpeg's status line ("frame=  90 fps= 45 … time=00:00:03.00 bitrate=… speed=1.5x").
 * Returns null for any other stderr line.
 */
export function parseProgressLine(line: string, duration: number | undefined): ToolProgress | null {
  const time = /time=\s*(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  if (!time || !/speed=/.test(line)) return null;
  const seconds = time[1] === '-' ? 0 : Number(time[2]) * 3600 + Number(time[3]) * 60 + Number(time[4]);
  const speedMatch = /speed=\s*([\d.]+)x/.exec(line);
  const percent = duration && duration > 0 ? Math.min(100, Math.max(0, (seconds / duration) * 100)) : null;
  return { percent, speed: speedMatch ? Number(speedMatch[1]) : null };
}
