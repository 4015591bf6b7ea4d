import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Tiny synthetic media for medium tests, made by real ffmpeg from its own test sources:
 * a moving test pattern that changes scene every `sceneEvery` seconds, and a tone.
 */
export async function makeVideoClip(
  path: string,
  options: { width?: number; height?: number; seconds?: number; audio?: boolean; rotate?: number; fps?: number; gop?: number; pattern?: 'testsrc' | 'testsrc2' } = {},
): Promise<string> {
  const { width = 640, height = 360, seconds = 3, audio = true, fps = 25 } = options;
  const args = ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `${options.pattern ?? 'testsrc2'}=size=${width}x${height}:rate=${fps}:duration=${seconds}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', String(options.gop ?? fps * 2));
  if (audio) args.push('-c:a', 'aac', '-b:a', '96k', '-ac', '2');
  args.push('-shortest', path);
  await run('ffmpeg', args);
  if (options.rotate !== undefined) {
    // ffmpeg 5.1 drops `rotate` when encoding; a stream copy writes it as a display matrix.
    const unrotated = `${path}.unrotated.mp4`;
    await rename(path, unrotated);
    await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', unrotated, '-c', 'copy', '-metadata:s:v:0', `rotate=${options.rotate}`, path]);
    await rm(unrotated);
  }
  return path;
}

export async function makeAudioClip(
  path: string,
  options: { seconds?: number; frequency?: number; volume?: number; codecArgs?: string[] } = {},
): Promise<string> {
  const { seconds = 3, frequency = 440, volume = 0.2 } = options;
  const args = ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=44100:duration=${seconds}`, '-af', `volume=${volume}`];
  args.push(...(options.codecArgs ?? []), path);
  await run('ffmpeg', args);
  return path;
}

/** A still slide show: `colours.length` flat colour cards, `secondsEach` each, for scene detection. */
export async function makeSlideClip(path: string, colours: string[], secondsEach = 2, size = '640x360'): Promise<string> {
  const inputs = colours.flatMap((colour) => ['-f', 'lavfi', '-i', `color=c=${colour}:size=${size}:rate=25:duration=${secondsEach}`]);
  const concat = colours.map((_, i) => `[${i}:v]`).join('') + `concat=n=${colours.length}:v=1:a=0[v]`;
  await run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', ...inputs, '-filter_complex', concat, '-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path]);
  return path;
}
