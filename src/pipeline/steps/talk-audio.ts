import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isSilent, LOUDNESS_TOLERANCE_LU, measureLoudnessCommand, parseEbur128Integrated, parseLoudnormJson, PODCAST_TARGET } from '../loudness.js';
import { channelLayoutFor, measureOutputCommand, podcastTags } from '../podcast-commands.js';
import { progressRange } from '../progress-phases.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { requireMedia } from '../step-media.js';
import { talkMp3Command, talkMp3Path } from '../talk-audio-command.js';


/**
 * A talk's sound alone, to listen to offline or on a weak connection: an MP3 normalised to the
 * podcasts' loudness target (two-pass EBU R128), tagged like them, re-measured. Its own step, not
 * part of the ladder: adding it to an archive runs this step alone, and it reads the audio only
 * (both passes demux the video without decoding it).
 */
export const talkAudioStep: Step = {
  name: 'talk-audio',
  version: 1,
  reads: ['media'],
  needs: [],
  applies: (_item, media) => media.class === 'video' && media.audio !== null,
  embeds: (item) => podcastTags(item),
  async run(ctx: StepContext): Promise<StepResult> {
    const media = requireMedia(ctx);
    const source = ctx.item.media.path;
    const pass1 = await ctx.media.run(measureLoudnessCommand(source, media.duration), { onProgress: progressRange(ctx.progress, 0, 45) });
    const measured = parseLoudnormJson(pass1.stderr);
    // A silent sound track is nothing to listen to: no MP3 (the player offers no "listen only" either).
    if (isSilent(measured)) return {};

    await mkdir(join(ctx.outDir, 'download'), { recursive: true });
    const path = talkMp3Path(ctx.item.id);
    const layout = channelLayoutFor(media.audio?.channels);
    await ctx.media.run(talkMp3Command(source, ctx.outDir, ctx.item, measured, layout, media.duration), {
      onProgress: progressRange(ctx.progress, 45, 90),
    });
    const check = await ctx.media.run(measureOutputCommand(join(ctx.outDir, path), media.duration), { onProgress: progressRange(ctx.progress, 90, 100) });
    const loudness = parseEbur128Integrated(check.stderr);
    const off = loudness === null || Math.abs(loudness - PODCAST_TARGET.integrated) > LOUDNESS_TOLERANCE_LU;
    return {
      downloads: [{ path, label: 'MP3', format: 'mp3', width: null, height: null, loudness }],
      ...(off ? { warnings: [`talk-audio: ${path} measures ${loudness ?? 'silence'} LUFS, target ${PODCAST_TARGET.integrated}`] } : {}),
    };
  },
};
