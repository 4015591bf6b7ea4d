import type { ToolProgress } from '../ports/media-tool.js';

type Report = (progress: ToolProgress) => void;

/**
 * A step that runs several ffmpeg passes reports one 0–100 figure: each pass maps its own
 * percentage onto its share of the step, so the bar never jumps back when the next pass starts.
 */
export function progressRange(report: Report, from: number, to: number): Report {
  return (progress) => {
    const percent = progress.percent === null ? null : from + ((to - from) * progress.percent) / 100;
    report({ percent, speed: progress.speed });
  };
}

/**
 * Passes that run at the same time (the podcast encoders) share one range: the step reports the
 * mean of their percentages and the slowest speed, the one that decides when the step ends.
 */
export function progressParallel(report: Report, count: number): Report[] {
  const percents = new Array<number>(count).fill(0);
  const speeds = new Array<number | null>(count).fill(null);
  return percents.map((_, index) => (progress: ToolProgress) => {
    if (progress.percent !== null) percents[index] = progress.percent;
    speeds[index] = progress.speed;
    const known = speeds.filter((speed): speed is number => speed !== null);
    report({
      percent: percents.reduce((sum, value) => sum + value, 0) / count,
      speed: known.length > 0 ? Math.min(...known) : null,
    });
  });
}
