import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, MediaError } from '../../domain/errors.js';
import type { InputFile } from '../../domain/item.js';
import {
  buildDescribedAudioCommand,
  DESCRIBED_AUDIO_DIR,
  DESCRIBED_AUDIO_PLAYLIST,
  DESCRIBED_MASTER_PLAYLIST,
  descriptionsTrackPath,
  matchingTarget,
} from '../described-audio-command.js';
import { AUDIO_CODECS } from '../hls-command.js';
import { audioRenditionName, writeMasterPlaylist } from '../hls-master.js';
import { isSilent, measureLoudnessCommand, parseLoudnormJson, PODCAST_TARGET, type LoudnessTarget, type LoudnormMeasurement } from '../loudness.js';
import { progressRange } from '../progress-phases.js';
import type { Step, StepContext, StepResult } from '../step.js';
import { probeCompanion, requireMedia } from '../step-media.js';
import { outputFps } from '../video-ladder.js';

/**
 * The supplied audio description: a WebVTT file becomes a "descriptions" text track (read aloud
 * by screen readers); an audio file becomes a described-audio rendition beside the talk's sound,
 * announced in the master playlist with the describes-video characteristic (for a talk without
 * sound, in a master playlist of its own).
 */
export const audioDescriptionStep: Step = {
  name: 'audio-description',
  version: 1,
  reads: ['audioDescription', 'media'],
  // It adds its rendition to the master playlist transcode-video wrote.
  needs: ['transcode-video'],
  applies: (item, media) => item.audioDescription !== null && media.class === 'video',
  wanted: (item) => item.audioDescription !== null,
  // The described rendition's NAME and LANGUAGE in the master, the text track's file name.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const input = ctx.item.audioDescription;
    if (!input) return {};
    return /\.vtt$/i.test(input.path) ? textDescriptions(ctx, input) : describedAudio(ctx, input);
  },
};

async function textDescriptions(ctx: StepContext, input: InputFile): Promise<StepResult> {
  const text = await readFile(input.path, 'utf8');
  if (!/^\uFEFF?WEBVTT(?:[ \t]|\r?\n|$)/.test(text)) {
    throw new MediaError(input.declared, 'the audio-description file is not WebVTT (it must start with "WEBVTT")');
  }
  const path = descriptionsTrackPath(ctx.item.language);
  await mkdir(dirname(join(ctx.outDir, path)), { recursive: true });
  await copyFile(input.path, join(ctx.outDir, path));
  return {
    tracks: [
      {
        kind: 'descriptions',
        language: ctx.item.language,
        label: audioRenditionName(ctx.item.language, true),
        path,
        format: 'vtt',
        origin: 'supplied',
      },
    ],
    audioDescription: { type: 'text', path },
  };
}

async function describedAudio(ctx: StepContext, input: InputFile): Promise<StepResult> {
  const media = requireMedia(ctx);
  const previous = ctx.previous.hls;
  if (!previous) throw new AppError(`${ctx.item.id}: transcode-video must run before audio-description`);
  const probe = await probeCompanion(ctx.media, input, 'the audio-description file');
  const stream = probe.streams.find((s) => s.codec_type === 'audio');
  if (!stream) throw new MediaError(input.declared, 'the audio-description file has no audio stream');
  const describedDuration = Number(probe.format.duration ?? stream.duration) || media.duration;
  // A talk recorded without sound (sign language, a demonstration): the description is all a
  // blind visitor can hear of it, so it is published, as a version of its own (see below).
  const silentTalk = !media.audio || !previous.audio.some((a) => !a.describesVideo);

  // The talk's loudness: from the probe when a step measured it, otherwise measured here.
  const warnings: string[] = [];
  let mainIntegrated = media.audio?.loudness ?? null;
  if (mainIntegrated === null && !silentTalk) {
    const main = await ctx.media.run(measureLoudnessCommand(ctx.item.media.path, media.duration), {
      onProgress: progressRange(ctx.progress, 0, 30),
    });
    const measured = parseLoudnormJson(main.stderr);
    mainIntegrated = isSilent(measured) ? null : measured.inputI;
  }
  const pass1 = await ctx.media.run(measureLoudnessCommand(input.path, describedDuration), {
    onProgress: progressRange(ctx.progress, 30, 45),
  });
  const described: LoudnormMeasurement = parseLoudnormJson(pass1.stderr);
  const target = descriptionTarget(described, silentTalk ? 'no sound' : mainIntegrated);
  if (!target) warnings.push('audio-description: the talk or the description is silent; the description keeps its own level');

  await rm(join(ctx.outDir, DESCRIBED_AUDIO_DIR), { recursive: true, force: true });
  await mkdir(join(ctx.outDir, DESCRIBED_AUDIO_DIR), { recursive: true });
  const command = buildDescribedAudioCommand({
    source: input.path,
    itemDir: ctx.outDir,
    loudness: target ? { measured: described, target } : null,
    talkDuration: media.duration,
  });
  await ctx.media.run(command, { onProgress: progressRange(ctx.progress, 45, 100) });

  const fps = outputFps(media.video?.fps ?? 0);
  const rendition = {
    name: audioRenditionName(ctx.item.language, true),
    playlist: DESCRIBED_AUDIO_PLAYLIST,
    width: null,
    height: null,
    bandwidth: 0, // measured by writeMasterPlaylist
    codecs: AUDIO_CODECS,
    language: ctx.item.language,
    describesVideo: true,
  };
  const extra = warnings.length > 0 ? { warnings } : {};
  if (silentTalk) {
    // Not in the talk's own master: there the description would be the audio group's only
    // rendition, which players play by default, for everyone. A master of its own (the video
    // variants with the description as their sound), which the page's "described" link plays,
    // with or without JavaScript; the talk's master stays silent.
    await writeMasterPlaylist(ctx.outDir, { ...previous, master: DESCRIBED_MASTER_PLAYLIST, audio: [rendition] }, fps);
    return { audioDescription: { type: 'audio', path: DESCRIBED_MASTER_PLAYLIST }, ...extra };
  }
  // A re-run replaces the described rendition rather than listing it twice.
  const hls = await writeMasterPlaylist(ctx.outDir, { ...previous, audio: [...previous.audio.filter((a) => !a.describesVideo), rendition] }, fps);
  return { hls, audioDescription: { type: 'audio', path: DESCRIBED_AUDIO_PLAYLIST }, ...extra };
}

/**
 * The level the description is brought to: the talk's own, so switching does not jump; in a talk
 * without sound there is nothing to match, so the podcasts' level; none when the talk's sound or
 * the description is silence (a gain on silence is noise).
 */
function descriptionTarget(described: LoudnormMeasurement, talk: number | null | 'no sound'): LoudnessTarget | null {
  if (isSilent(described)) return null;
  if (talk === 'no sound') return matchingTarget(PODCAST_TARGET.integrated);
  return talk === null ? null : matchingTarget(talk);
}
