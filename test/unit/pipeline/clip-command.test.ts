import { describe, expect, it } from 'vitest';
import { clipCommand, type ClipTags } from '../../../src/pipeline/clip-command.js';

const TAGS: ClipTags = { title: 'Médiation numérique', artist: 'Jeanne Martin', date: '2025-10-29', copyright: 'CC-BY-SA-4.0', comment: '« Médiation numérique » — Jeanne Martin' };

describe('clipCommand', () => {
  it('seeks to the keyframe before the input, copies every stream for the length, and writes our tags over the source’s', () => {
    const command = clipCommand({ source: '/s/talk.mp4', output: '/w/clip.mp4', start: 4, length: 5, kind: 'video', tags: TAGS, captions: null });
    expect(command.inputs).toEqual([{ path: '/s/talk.mp4', options: ['-ss', '4.000000'] }]);
    expect(command.outputs).toEqual([
      {
        path: '/w/clip.mp4',
        options: [
          '-map', '0:v:0', '-map', '0:a:0?', '-t', '5.000000', '-c', 'copy', '-map_metadata', '-1', '-map_chapters', '-1',
          '-metadata', 'title=Médiation numérique', '-metadata', 'artist=Jeanne Martin', '-metadata', 'date=2025-10-29',
          '-metadata', 'copyright=CC-BY-SA-4.0', '-metadata', 'comment=« Médiation numérique » — Jeanne Martin',
          '-movflags', '+faststart', '-f', 'mp4',
        ],
      },
    ]);
    expect(command.duration).toBe(5);
  });

  it('muxes a video clip’s captions as mov_text in ISO 639-2, and leaves empty tags out', () => {
    const command = clipCommand({ source: 'https://s3/x.mp4?X-Amz-Signature=1', output: 'o.mp4', start: 0.033333, length: 2, kind: 'video', tags: { ...TAGS, date: '' }, captions: { path: '/w/c.vtt', language: 'fr-CA' } });
    expect(command.inputs[0]).toEqual({ path: 'https://s3/x.mp4?X-Amz-Signature=1', options: ['-ss', '0.033333'] });
    expect(command.inputs[1]).toEqual({ path: '/w/c.vtt', options: ['-f', 'webvtt'] });
    const options = command.outputs[0]?.options ?? [];
    expect(options.join(' ')).toContain('-map 1:0 -c:s mov_text -metadata:s:s:0 language=fra');
    expect(options.some((o) => o.startsWith('date='))).toBe(false);
  });

  it('copies the sound alone into an M4A, with no captions track', () => {
    const command = clipCommand({ source: 'a.m4a', output: 'c.m4a', start: 1, length: 2, kind: 'audio', tags: TAGS, captions: { path: 'c.vtt', language: 'xx' } });
    expect(command.inputs).toHaveLength(1);
    const options = command.outputs[0]?.options ?? [];
    expect(options.slice(0, 2)).toEqual(['-map', '0:a:0']);
    expect(options.slice(-2)).toEqual(['-f', 'ipod']);
    expect(options).not.toContain('mov_text');
  });
});
