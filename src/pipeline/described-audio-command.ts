import { join } from 'node:path';
import type { FfmpegCommand } from '../ports/media-tool.js';
import { AAC_OPTIONS, AUDIO_FORMAT_FILTER, hlsMuxerOptions, NO_SOURCE_METADATA } from './hls-command.js';
import { normaliseFilter, type LoudnessTarget, type LoudnormMeasurement } from './loudness.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

/**
 * The audio-described soundtrack as a second rendition of the talk's audio group: same codec,
 * rate and segmenting as the main sound, at the main sound's loudness, cut to the talk's length.
 */

export const DESCRIBED_AUDIO_DIR = 'hls/audio-described';
export const DESCRIBED_AUDIO_PLAYLIST = `${DESCRIBED_AUDIO_DIR}/index.m3u8`;
/** For a talk without sound: its video variants with the description as their only sound. */
export const DESCRIBED_MASTER_PLAYLIST = 'hls/master-described.m3u8';
export const descriptionsTrackPath = (language: string): string => `text/descriptions-${language}.vtt`;

/** `-vn` on the input: a described mix delivered as a video file is not decoded for its pictures. */
const AUDIO_INPUT_OPTIONS: readonly string[] = [...SOURCE_INPUT_OPTIONS, '-vn'];

/**
 * Switching between the two renditions must not jump in level: the target is the talk's own
 * integrated loudness. A wide LRA target lets loudnorm stay linear (it keeps the mix as
 * produced) for any ordinary speech recording.
 */
export function matchingTarget(mainIntegrated: number): LoudnessTarget {
  const integrated = Math.min(-5, Math.max(-70, Math.round(mainIntegrated * 10) / 10));
  return { integrated, truePeak: -1.5, range: 20 };
}

export interface DescribedAudioCommandInput {
  source: string;
  itemDir: string;
  /** null: keep the level as delivered (silence on either side, nothing to match). */
  loudness: { measured: LoudnormMeasurement; target: LoudnessTarget } | null;
  talkDuration: number;
}

/** Silence is padded after a shorter file (`apad`) and everything cut at the talk's end (`-t`). */
export function buildDescribedAudioCommand(input: DescribedAudioCommandInput): FfmpegCommand {
  const gain = input.loudness ? [normaliseFilter(input.loudness.measured, input.loudness.target)] : [];
  const filter = [...gain, AUDIO_FORMAT_FILTER, 'apad'].join(',');
  return {
    inputs: [{ path: input.source, options: [...AUDIO_INPUT_OPTIONS] }],
    outputs: [
      {
        path: join(input.itemDir, DESCRIBED_AUDIO_PLAYLIST),
        options: [
          '-map', '0:a:0', '-af', filter, '-t', input.talkDuration.toFixed(3),
          ...NO_SOURCE_METADATA, ...AAC_OPTIONS,
          ...hlsMuxerOptions(join(input.itemDir, DESCRIBED_AUDIO_DIR, 'segment-%05d.ts')),
        ],
      },
    ],
    duration: input.talkDuration,
  };
}
