import { describe, expect, it } from 'vitest';
import { buildLadderCommand, gopOptions, ladderFilterGraph, varStreamMap } from '../../../src/pipeline/hls-command.js';
import { chooseLadder, downloadRendition } from '../../../src/pipeline/video-ladder.js';

const DIR = '/data/items/2025-lyon-talk';
const ID = '2025-lyon-talk';

function ladderCommand(displayWidth: number, displayHeight: number, audio = true, fps = 25) {
  const ladder = chooseLadder({ displayWidth, displayHeight, fps });
  return buildLadderCommand({ source: '/in/talk.mov', itemDir: DIR, itemId: ID, ladder, download: downloadRendition(ladder), fps, audio, duration: 3600 });
}

describe('buildLadderCommand', () => {
  it('builds the whole 1080p command: one split graph, four variants + shared audio, and the 720p MP4', () => {
    expect(ladderCommand(1920, 1080)).toEqual({
      inputs: [{ path: '/in/talk.mov', options: ['-nostdin'] }],
      outputs: [
        {
          path: `${DIR}/hls/%v/index.m3u8`,
          options: [
            '-filter_complex',
            '[0:V:0]split=4[s0][s1][s2][s3];' +
              '[s0]scale=1920:1080,setsar=1,format=yuv420p[v0];' +
              '[s1]scale=1280:720,setsar=1,format=yuv420p,split=2[v1][vd];' +
              '[s2]scale=854:480,setsar=1,format=yuv420p[v2];' +
              '[s3]scale=640:360,setsar=1,format=yuv420p[v3];' +
              '[0:a:0]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,asplit=3[a0][ad][am];[am]ebur128=framelog=verbose,anullsink',
            '-map', '[v0]', '-map', '[v1]', '-map', '[v2]', '-map', '[v3]', '-map', '[a0]',
            '-map_metadata', '-1',
            '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
            '-maxrate:v:0', '5000k', '-bufsize:v:0', '10000k', '-profile:v:0', 'high', '-level:v:0', '4.0',
            '-maxrate:v:1', '2800k', '-bufsize:v:1', '5600k', '-profile:v:1', 'high', '-level:v:1', '3.1',
            '-maxrate:v:2', '1400k', '-bufsize:v:2', '2800k', '-profile:v:2', 'high', '-level:v:2', '3.0',
            '-maxrate:v:3', '800k', '-bufsize:v:3', '1600k', '-profile:v:3', 'high', '-level:v:3', '3.0',
            '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-force_key_frames:v', 'expr:gte(t,n_forced*2)',
            '-c:a', 'aac', '-b:a', '128k',
            '-output_ts_offset', '10', '-f', 'hls', '-hls_time', '6', '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
            '-hls_segment_type', 'mpegts', '-hls_segment_filename', `${DIR}/hls/%v/segment-%05d.ts`,
            '-master_pl_name', 'master.m3u8',
            '-var_stream_map',
            'v:0,agroup:aud,name:1080p v:1,agroup:aud,name:720p v:2,agroup:aud,name:480p v:3,agroup:aud,name:360p a:0,agroup:aud,name:audio,default:yes',
          ],
        },
        {
          path: `${DIR}/download/${ID}-720p.mp4`,
          options: [
            '-map', '[vd]', '-map', '[ad]',
            '-map_metadata', '-1',
            '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
            '-maxrate:v', '2800k', '-bufsize:v', '5600k', '-profile:v', 'high', '-level:v', '3.1',
            '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-force_key_frames:v', 'expr:gte(t,n_forced*2)',
            '-c:a', 'aac', '-b:a', '128k',
            '-movflags', '+faststart', '-f', 'mp4',
          ],
        },
      ],
      duration: 3600,
    });
  });

  it('gives a 720p source three variants and downloads at its full size', () => {
    const command = ladderCommand(1280, 720);
    expect(command.outputs[0]?.options[1]).toBe(
      '[0:V:0]split=3[s0][s1][s2];' +
        '[s0]scale=1280:720,setsar=1,format=yuv420p,split=2[v0][vd];' +
        '[s1]scale=854:480,setsar=1,format=yuv420p[v1];' +
        '[s2]scale=640:360,setsar=1,format=yuv420p[v2];' +
        '[0:a:0]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,asplit=3[a0][ad][am];[am]ebur128=framelog=verbose,anullsink',
    );
    expect(command.outputs[1]?.path).toBe(`${DIR}/download/${ID}-720p.mp4`);
  });

  it('gives a 480p source 480p + 360p and a 480p download', () => {
    const command = ladderCommand(854, 480);
    const options = command.outputs[0]?.options ?? [];
    expect(options[options.indexOf('-var_stream_map') + 1]).toBe('v:0,agroup:aud,name:480p v:1,agroup:aud,name:360p a:0,agroup:aud,name:audio,default:yes');
    expect(command.outputs[1]?.path).toBe(`${DIR}/download/${ID}-480p.mp4`);
  });

  it('encodes a tiny source once at its own size, the download sharing the scaled picture', () => {
    const ladder = chooseLadder({ displayWidth: 320, displayHeight: 180, fps: 25 });
    expect(ladderFilterGraph(ladder, downloadRendition(ladder), true)).toBe(
      '[0:V:0]split=1[s0];[s0]scale=320:180,setsar=1,format=yuv420p,split=2[v0][vd];' +
        '[0:a:0]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,asplit=3[a0][ad][am];[am]ebur128=framelog=verbose,anullsink',
    );
    expect(ladderCommand(320, 180).outputs[1]?.path).toBe(`${DIR}/download/${ID}-180p.mp4`);
  });
  it('deinterlaces an interlaced source once, before the split', () => {
    const ladder = chooseLadder({ displayWidth: 320, displayHeight: 180, fps: 25 });
    expect(ladderFilterGraph(ladder, downloadRendition(ladder), false, true)).toBe(
      '[0:V:0]bwdif=mode=send_frame:parity=auto:deint=interlaced,split=1[s0];[s0]scale=320:180,setsar=1,format=yuv420p,split=2[v0][vd]',
    );
  });

  it('gives the scene branch one more copy of the decoded picture, after deinterlacing, ending in a null sink', () => {
    const ladder = chooseLadder({ displayWidth: 640, displayHeight: 360, fps: 25 });
    expect(ladderFilterGraph(ladder, downloadRendition(ladder), false, true, true)).toBe(
      '[0:V:0]bwdif=mode=send_frame:parity=auto:deint=interlaced,split=2[s0][vs];' +
        '[s0]scale=640:360,setsar=1,format=yuv420p,split=2[v0][vd];' +
        "[vs]fps=4,scale=640:-2:flags=area,format=gray,tblend=all_mode=difference,lut=y='if(gt(val,24),255,0)',signalstats," +
        'metadata=print:key=lavfi.signalstats.YAVG,nullsink',
    );
  });

  it('maps no output from the scene branch: the renditions, the download and the sound are as without it', () => {
    const ladder = chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 25 });
    const input = { source: '/in/talk.mov', itemDir: DIR, itemId: ID, ladder, download: downloadRendition(ladder), fps: 25, audio: true, duration: 3600 };
    const without = buildLadderCommand(input);
    const withScene = buildLadderCommand({ ...input, scene: true });
    const graph = withScene.outputs[0]?.options[1] ?? '';
    expect(graph).toContain('split=5[s0][s1][s2][s3][vs];');
    expect(graph).toContain(';[vs]fps=4,');
    expect(withScene.outputs[0]?.options.slice(2)).toEqual(without.outputs[0]?.options.slice(2));
    expect(withScene.outputs[1]).toEqual(without.outputs[1]);
    expect(withScene.outputs[0]?.options.filter((o) => o.includes('[vs]'))).toEqual([graph]);
  });

  it('scales a rotated phone video to its upright display size (ffmpeg has already turned it)', () => {
    const graph = ladderCommand(1080, 1920, true, 30).outputs[0]?.options[1];
    expect(graph).toContain('[s0]scale=1080:1920,setsar=1,format=yuv420p[v0]');
    expect(graph).toContain('[s1]scale=720:1280,setsar=1,format=yuv420p,split=2[v1][vd]');
    expect(graph).toContain('[s3]scale=360:640,setsar=1,format=yuv420p[v3]');
  });

  it('leaves the audio out everywhere for a source without sound', () => {
    const command = ladderCommand(1280, 720, false);
    const [hls, mp4] = command.outputs;
    expect(hls?.options[1]).not.toContain('[0:a:0]');
    expect(hls?.options).not.toContain('[a0]');
    expect(hls?.options).not.toContain('-c:a');
    expect(hls?.options[hls.options.indexOf('-var_stream_map') + 1]).toBe('v:0,name:720p v:1,name:480p v:2,name:360p');
    expect(mp4?.options).toEqual([
      '-map', '[vd]',
      '-map_metadata', '-1',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
      '-maxrate:v', '2800k', '-bufsize:v', '5600k', '-profile:v', 'high', '-level:v', '3.1',
      '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-force_key_frames:v', 'expr:gte(t,n_forced*2)',
      '-movflags', '+faststart', '-f', 'mp4',
    ]);
  });

  it('refuses a download that is not one of the ladder renditions', () => {
    const ladder = chooseLadder({ displayWidth: 1280, displayHeight: 720, fps: 25 });
    const [other] = chooseLadder({ displayWidth: 1920, displayHeight: 1080, fps: 25 });
    if (!other) throw new Error('no rendition');
    expect(() => buildLadderCommand({ source: 's', itemDir: DIR, itemId: ID, ladder, download: other, fps: 25, audio: true, duration: 1 })).toThrow(
      /download/,
    );
  });
});

describe('gopOptions and varStreamMap', () => {
  it('fixes a 2 s GOP at the source rate, rounded for NTSC rates', () => {
    expect(gopOptions(29.97)).toEqual(['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-force_key_frames:v', 'expr:gte(t,n_forced*2)']);
    expect(gopOptions(50).slice(0, 2)).toEqual(['-g', '100']);
  });

  it('names each variant after its rung', () => {
    const ladder = chooseLadder({ displayWidth: 640, displayHeight: 360, fps: 25 });
    expect(varStreamMap(ladder, true)).toBe('v:0,agroup:aud,name:360p a:0,agroup:aud,name:audio,default:yes');
  });
});
