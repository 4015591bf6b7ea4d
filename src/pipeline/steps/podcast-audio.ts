import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaError } from '../../domain/errors.js';
import { AUDIO_CODECS } from '../hls-command.js';
import { measureVariant } from '../hls-master.js';
import { isSilent, LOUDNESS_TOLERANCE_LU, measureLoudnessCommand, parseEbur128Integrated, parseLoudnormJson, PODCAST_TARGET } from '../loudness.js';
import {
  AUDIO_MASTER,
  AUDIO_PLAYLIST,
  AUDIO_SEGMENT_SECONDS,
  audioMasterPlaylist,
  channelLayoutFor,
  measureOutputCommand,
  normaliseCommand,
  podcastDownloads,
  podcastEncodeCommands,
  podcastTags,
} from '../podcast-commands.js';
import { progressParallel, progressRange } from '../progress-phases.js';
import type { DownloadRef, Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';


/**
 * Podcast renditions: two-pass EBU R128 loudnorm into one WAV, then M4A, MP3, Opus and an
 * audio-only HLS rendition encoded side by side, each output re-measured.
 */
export const podcastAudioStep: Step = {
  name: 'podcast-audio',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'audio',
  // Every file carries the title, speakers, edition and year as ID3/MP4 tags.
  embeds: (item) => podcastTags(item),
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    if (!media.audio) throw new MediaError(ctx.item.media.declared, 'no audio stream to publish as a podcast');
    const { duration } = media;
    const source = ctx.item.media.path;
    const warnings: string[] = [];

    const pass1 = await ctx.media.run(measureLoudnessCommand(source, duration), { onProgress: progressRange(ctx.progress, 0, 20) });
    const measured = parseLoudnormJson(pass1.stderr);
    const silent = isSilent(measured);
    if (silent) warnings.push('podcast-audio: the recording is silent; loudness normalisation was skipped');

    await mkdir(ctx.workDir, { recursive: true });
    const wav = join(ctx.workDir, 'podcast-normalised.wav');
    const layout = channelLayoutFor(media.audio.channels);
    await ctx.media.run(normaliseCommand(source, wav, silent ? null : measured, layout, duration), {
      onProgress: progressRange(ctx.progress, 20, 45),
    });

    // A re-run must not serve segments left over from a longer earlier version.
    await rm(join(ctx.outDir, 'hls', 'audio'), { recursive: true, force: true });
    await mkdir(join(ctx.outDir, 'download'), { recursive: true });
    await mkdir(join(ctx.outDir, 'hls', 'audio'), { recursive: true });
    const encodes = podcastEncodeCommands(wav, ctx.outDir, ctx.item, duration);
    const encodeProgress = progressParallel(progressRange(ctx.progress, 45, 90), encodes.length);
    await Promise.all(encodes.map((command, index) => ctx.media.run(command, { onProgress: encodeProgress[index] })));
    await rm(wav, { force: true });

    const bandwidth = await measureVariant(join(ctx.outDir, AUDIO_PLAYLIST));
    await writeFile(join(ctx.outDir, AUDIO_MASTER), audioMasterPlaylist(bandwidth));

    const files = podcastDownloads(ctx.item.id);
    const measureProgress = progressParallel(progressRange(ctx.progress, 90, 100), files.length);
    const loudness = await Promise.all(
      files.map(async (file, index) => {
        const result = await ctx.media.run(measureOutputCommand(join(ctx.outDir, file.path), duration), {
          onProgress: measureProgress[index],
        });
        return parseEbur128Integrated(result.stderr);
      }),
    );

    const downloads: DownloadRef[] = files.map((file, index) => {
      const value = loudness[index] ?? null;
      if (!silent && (value === null || Math.abs(value - PODCAST_TARGET.integrated) > LOUDNESS_TOLERANCE_LU)) {
        warnings.push(`podcast-audio: ${file.path} measures ${value ?? 'silence'} LUFS, target ${PODCAST_TARGET.integrated}`);
      }
      return { path: file.path, label: file.label, format: file.format, width: null, height: null, loudness: value };
    });

    return {
      hls: {
        master: AUDIO_MASTER,
        variants: [],
        audio: [
          {
            name: 'audio',
            playlist: AUDIO_PLAYLIST,
            width: null,
            height: null,
            bandwidth: bandwidth.peak,
            codecs: AUDIO_CODECS,
            language: ctx.item.language,
            describesVideo: false,
          },
        ],
        segmentSeconds: AUDIO_SEGMENT_SECONDS,
      },
      media: { ...media, audio: { ...media.audio, loudness: silent ? null : measured.inputI } },
      downloads,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  },
};

