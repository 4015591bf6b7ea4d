import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../src/domain/item.js';
import { normaliseFilter, type LoudnormMeasurement } from '../../../src/pipeline/loudness.js';
import { podcastTags } from '../../../src/pipeline/podcast-commands.js';
import { talkMp3Command, talkMp3Path } from '../../../src/pipeline/talk-audio-command.js';

const item = {
  id: '2025-lyon-mediation', title: 'Médiation numérique et IA', language: 'fr',
  edition: { label: '2025 Lyon', year: 2025, city: 'Lyon', slug: '2025-lyon' },
  speakers: [{ name: 'Camille Martin', slug: 'camille-martin' }],
} as ProgrammeItem;
const measured: LoudnormMeasurement = { inputI: -22.4, inputTp: -6.1, inputLra: 4.2, inputThresh: -32.8, targetOffset: 0.3 };

describe('talkMp3Command', () => {
  it('reads the sound only, normalises it as podcasts are and encodes VBR MP3 with the podcast tags', () => {
    const command = talkMp3Command('/in/talk.mp4', '/out', item, measured, 'mono', 3600);
    expect(command.inputs[0]?.options).toContain('-vn');
    expect(command.outputs).toHaveLength(1);
    const output = command.outputs[0];
    expect(output?.path).toBe('/out/download/2025-lyon-mediation.mp3');
    expect(output?.options).toEqual([
      '-map', '0:a:0', '-map_metadata', '-1',
      '-af', `${normaliseFilter(measured)},aresample=48000,aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=mono`,
      '-c:a', 'libmp3lame', '-q:a', '4', '-id3v2_version', '3',
      ...podcastTags(item),
    ]);
    expect(command.duration).toBe(3600);
  });

  it('names the file after the item, beside the MP4 download', () => {
    expect(talkMp3Path('2025-lyon-mediation')).toBe('download/2025-lyon-mediation.mp3');
  });
});
