import { join } from 'node:path';
import type { ProgrammeItem } from '../domain/item.js';
import type { FfmpegCommand } from '../ports/media-tool.js';
import type { LoudnormMeasurement } from './loudness.js';
import { normalisedAudioFilter, podcastTags, type ChannelLayout } from './podcast-commands.js';
import { SOURCE_INPUT_OPTIONS } from './step-media.js';

/** A talk's sound as one MP3, next to its MP4 (relative to the item's folder). */
export const talkMp3Path = (id: string): string => `download/${id}.mp3`;

/**
 * Pass 2 straight into the MP3: the talk's sound is encoded once, so no WAV in between (the
 * podcast step writes one because four encoders read it). `-vn` drops the picture in the
 * demuxer: nothing of the video is decoded. VBR `-q:a 4` as for podcasts: it lands on the target
 * where CBR 128k measured −16.5 LUFS (MEASURED.md).
 */
export function talkMp3Command(
  source: string,
  outDir: string,
  item: ProgrammeItem,
  measured: LoudnormMeasurement,
  layout: ChannelLayout,
  duration: number,
): FfmpegCommand {
  return {
    inputs: [{ path: source, options: [...SOURCE_INPUT_OPTIONS, '-vn'] }],
    outputs: [
      {
        path: join(outDir, talkMp3Path(item.id)),
        options: [
          '-map', '0:a:0', '-map_metadata', '-1',
          '-af', normalisedAudioFilter(measured, layout),
          '-c:a', 'libmp3lame', '-q:a', '4', '-id3v2_version', '3',
          ...podcastTags(item),
        ],
      },
    ],
    duration,
  };
}
