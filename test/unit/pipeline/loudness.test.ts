import { describe, expect, it } from 'vitest';
import { ToolError } from '../../../src/domain/errors.js';
import {
  EBUR128_FILTER,
  isSilent,
  measureFilter,
  measureLoudnessCommand,
  normaliseFilter,
  parseEbur128Integrated,
  parseLoudnormJson,
} from '../../../src/pipeline/loudness.js';

// Verbatim from ffmpeg 5.1.9 on a 1 s tone, with the progress line before it.
const PASS1 = `size=N/A time=00:00:01.00 bitrate=N/A speed=50.3x
video:0kB audio:375kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
[Parsed_loudnorm_0 @ 0x555ef3db9bc0] 
{
\t"input_i" : "-21.75",
\t"input_tp" : "-18.06",
\t"input_lra" : "0.00",
\t"input_thresh" : "-31.75",
\t"output_i" : "-16.05",
\t"output_tp" : "-12.31",
\t"output_lra" : "0.00",
\t"output_thresh" : "-26.05",
\t"normalization_type" : "linear",
\t"target_offset" : "0.05"
}`;

const SILENT = PASS1.replace('"-21.75"', '"-inf"').replace('"-18.06"', '"-inf"').replace('"-31.75"', '"-70.00"').replace('"0.05"', '"inf"');

const SUMMARY = `[Parsed_ebur128_0 @ 0x55dccd8e8d00] Summary:

  Integrated loudness:
    I:         -16.1 LUFS
    Threshold: -26.1 LUFS

  Loudness range:
    LRA:         3.2 LU
    Threshold:   -36.2 LUFS
    LRA low:     -18.0 LUFS
    LRA high:    -14.8 LUFS

  True peak:
    Peak:        -1.6 dBFS`;

describe('loudnorm filters', () => {
  it('measures against −16 LUFS, TP −1.5, LRA 11 and prints JSON', () => {
    expect(measureFilter()).toBe('loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json');
  });

  it('applies the measurement linearly in pass 2', () => {
    const measured = parseLoudnormJson(PASS1);
    expect(normaliseFilter(measured)).toBe(
      'loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-21.75:measured_TP=-18.06:measured_LRA=0.00:' +
        'measured_thresh=-31.75:offset=0.05:linear=true:print_format=summary',
    );
  });

  it('re-measures with a frame log below the default level (quiet printed I: 0.0)', () => {
    expect(EBUR128_FILTER).toBe('ebur128=framelog=verbose');
  });
});

describe('measureLoudnessCommand', () => {
  // One builder for the podcast, the talk and its described audio (they used to have one each).
  it('measures the first audio stream without writing anything or reading pictures', () => {
    expect(measureLoudnessCommand('/in/talk.mp3', 180)).toEqual({
      inputs: [{ path: '/in/talk.mp3', options: ['-nostdin', '-vn'] }],
      outputs: [{ path: '-', options: ['-map', '0:a:0', '-af', 'loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json', '-f', 'null'] }],
      duration: 180,
    });
  });
});

describe('parseLoudnormJson', () => {
  it('reads the last JSON block of stderr', () => {
    expect(parseLoudnormJson(PASS1)).toEqual({ inputI: -21.75, inputTp: -18.06, inputLra: 0, inputThresh: -31.75, targetOffset: 0.05 });
    expect(isSilent(parseLoudnormJson(PASS1))).toBe(false);
  });

  it('turns "-inf" into −Infinity and calls it silence', () => {
    const measured = parseLoudnormJson(SILENT);
    expect(measured.inputI).toBe(-Infinity);
    expect(measured.targetOffset).toBe(Infinity);
    expect(isSilent(measured)).toBe(true);
  });

  it('treats anything at or below the −70 LUFS gate as silence', () => {
    expect(isSilent({ inputI: -70, inputTp: -60, inputLra: 0, inputThresh: -80, targetOffset: 0 })).toBe(true);
    expect(isSilent({ inputI: -69.9, inputTp: -60, inputLra: 0, inputThresh: -80, targetOffset: 0 })).toBe(false);
  });

  it('fails with a ToolError when there is no measurement', () => {
    expect(() => parseLoudnormJson('Conversion failed!')).toThrow(ToolError);
    expect(() => parseLoudnormJson('"input_i" : "-20"')).toThrow(ToolError);
  });
});

describe('parseEbur128Integrated', () => {
  it('reads I from the Summary block', () => {
    expect(parseEbur128Integrated(SUMMARY)).toBe(-16.1);
  });

  it('reads the last Summary when several filters printed one', () => {
    expect(parseEbur128Integrated(`${SUMMARY.replace('-16.1', '-23.0')}\n${SUMMARY}`)).toBe(-16.1);
  });

  it('ignores the per-frame "I:" lines before the Summary', () => {
    const frames = '[Parsed_ebur128_0 @ 0x1] t: 0.9   TARGET:-23 LUFS    M: -21.8 S:-120.7     I: -30.0 LUFS       LRA:   0.0 LU\n';
    expect(parseEbur128Integrated(frames + SUMMARY)).toBe(-16.1);
    expect(parseEbur128Integrated(frames)).toBeNull();
  });

  it('returns null for silence (the −70 LUFS floor) and for a missing summary', () => {
    expect(parseEbur128Integrated(SUMMARY.replace('-16.1', '-70.0'))).toBeNull();
    expect(parseEbur128Integrated('')).toBeNull();
  });
});
