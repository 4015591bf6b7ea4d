import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../../src/domain/manifest.js';
import { chapterStructures, pageCanvasId, recordingCanvas, recordingCanvasId, seconds, timeFragment } from '../../../../src/http/view-models/iiif-canvases.js';
import { podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const origin = 'https://archives.example.org';

describe('IIIF canvases', () => {
  it('writes times as media fragments, to the millisecond', () => {
    expect(seconds(12.3456)).toBe('12.346');
    expect(timeFragment('https://x/c', 61, 64.5)).toBe('https://x/c#t=61,64.5');
    expect(recordingCanvasId(origin, 'a-b')).toBe(`${origin}/iiif/a-b/canvas/1`);
    expect(pageCanvasId(origin, 'a-b', 4)).toBe(`${origin}/iiif/a-b/canvas/p4`);
  });

  it('paints one body alone when a recording has no HLS, and nothing when it has no file to play', () => {
    const noHls = recordingCanvas(manifestSchema.parse({ ...podcastManifest(), hls: null }), origin);
    expect(noHls.items[0]!.items[0]!.body).toMatchObject({ type: 'Sound', format: 'audio/mp4' });
    const nothing = recordingCanvas(manifestSchema.parse({ ...podcastManifest(), hls: null, downloads: [] }), origin);
    expect(nothing.items[0]!.items).toEqual([]);
  });

  it('a chapter never ends after the recording', () => {
    const talk = talkManifest({ chapters: [{ start: 700, end: 900, title: 'Fin' }] });
    const ranges = chapterStructures(talk, origin)[0]!.items as { items: { id: string }[] }[];
    expect(ranges[0]!.items[0]!.id).toBe(`${origin}/iiif/${talk.id}/canvas/1#t=700,754.4`);
  });
});
