import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { DESCRIBED_AUDIO_DIR } from '../described-audio-command.js';
import {
  AUDIO_CODECS,
  AUDIO_RENDITION,
  buildLadderCommand,
  downloadPath,
  MASTER_PLAYLIST,
  SEGMENT_SECONDS,
  variantPlaylist,
} from '../hls-command.js';
import { audioRenditionName, writeMasterPlaylist, type HlsResult } from '../hls-master.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { parseEbur128Integrated, SILENCE_FLOOR } from '../loudness.js';
import { parseChangedShares, sceneChanges } from '../scene-detect.js';
import { requireMedia } from '../step-media.js';
import { chooseLadder, downloadRendition, outputFps } from '../video-ladder.js';

/**
 * The talk's HLS ladder (1080/720/480/360 up to the source's size, one shared AAC rendition) and
 * its MP4 download, from one ffmpeg process; then the master playlist, written by us from the
 * measured segments. A recording without sound gets video-only variants, no audio group and an
 * MP4 without audio, with a warning.
 */
export const transcodeVideoStep: Step = {
  name: 'transcode-video',
  // 2: the first real video stream ([0:V:0]), never cover art stored before it. 3: deinterlacing.
  // 4: the MP4 download on a 2 s GOP (clips start on its keyframes). 5: the scene branch (slide
  // changes for the chapters step, from this decode instead of a second one) in its record.
  version: 5,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'video' && media.video !== null,
  // The master playlist names the audio rendition in the talk's language (NAME, LANGUAGE).
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const video = media.video;
    if (!video) throw new MediaError(ctx.item.media.declared, 'no video stream to transcode');
    const fps = outputFps(video.fps);
    const ladder = chooseLadder({ displayWidth: video.displayWidth, displayHeight: video.displayHeight, fps });
    const download = downloadRendition(ladder);
    const audio = media.audio !== null;

    await clearPreviousOutputs(ctx.outDir, ctx.item.id);
    await mkdir(join(ctx.outDir, 'download'), { recursive: true });
    const command = buildLadderCommand({
      source: ctx.item.media.path,
      itemDir: ctx.outDir,
      itemId: ctx.item.id,
      ladder,
      download,
      fps,
      audio,
      interlaced: video.interlaced,
      scene: true,
      duration: media.duration,
    });
    const run = await ctx.media.run(command, { onProgress: (progress) => ctx.progress(progress) });
    // Measured by the ladder's own ebur128 branch; -70 LUFS and below is silence, not a level.
    const measured = audio ? parseEbur128Integrated(run.stderr) : null;
    const loudness = measured !== null && measured > SILENCE_FLOOR ? measured : null;
    const scene = sceneChanges(parseChangedShares(run.stderr));

    const written: HlsResult = {
      master: MASTER_PLAYLIST,
      variants: ladder.map((rendition) => ({
        name: rendition.name,
        playlist: variantPlaylist(rendition.name),
        width: rendition.width,
        height: rendition.height,
        bandwidth: 0, // measured by writeMasterPlaylist
        codecs: audio ? `${rendition.codecs},${AUDIO_CODECS}` : rendition.codecs,
      })),
      audio: audio
        ? [
            {
              name: audioRenditionName(ctx.item.language, false),
              playlist: variantPlaylist(AUDIO_RENDITION),
              width: null,
              height: null,
              bandwidth: 0,
              codecs: AUDIO_CODECS,
              language: ctx.item.language,
              describesVideo: false,
            },
          ]
        : [],
      segmentSeconds: SEGMENT_SECONDS,
    };
    const hls = await writeMasterPlaylist(ctx.outDir, written, fps);
    return {
      hls,
      sceneChanges: scene,
      media: media.audio ? { ...media, audio: { ...media.audio, loudness } } : media,
      downloads: [
        {
          path: downloadPath(ctx.item.id, download),
          label: `MP4 ${download.name}`,
          format: 'mp4',
          width: download.width,
          height: download.height,
          loudness: null,
        },
      ],
      // A notice, not a failure: silent recordings are legitimate (sign language, demonstrations).
      ...(audio ? {} : { warnings: [silentRecordingWarning(ctx.item.media.declared)] }),
    };
  },
};

/** "talks/x.mp4: the recording has no sound track; published without sound" (the CLI adds "warning: <id>: "). */
function silentRecordingWarning(declared: string): string {
  return `${declared}: the recording has no sound track; published without sound`;
}

/**
 * A re-run (crash, new pipeline version) must not publish segments of an earlier, longer or
 * differently sized encode: everything under hls/ goes but the described audio, which another step
 * writes (that step re-writes the master when it adds it).
 */
async function clearPreviousOutputs(itemDir: string, itemId: string): Promise<void> {
  const hls = join(itemDir, 'hls');
  const entries = await readdir(hls).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((entry) => `hls/${entry}` !== DESCRIBED_AUDIO_DIR).map((entry) => rm(join(hls, entry), { recursive: true, force: true })),
  );
  const downloads = join(itemDir, 'download');
  const files = await readdir(downloads).catch(() => [] as string[]);
  await Promise.all(files.filter((file) => file.startsWith(`${itemId}-`) && /-\d+p\.mp4$/.test(file)).map((file) => rm(join(downloads, file), { force: true })));
}
