import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manifestKey, manifestSchema, type Manifest } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { makeVideoClip } from './clips.js';
import { talkManifest } from './manifest-factory.js';

/** The captions of the clip talk: the clip tests expect exactly these cut to their ranges. */
export const CLIP_TALK_CUES: [number, number, string][] = [
  [0, 3, 'Un : bonjour.'],
  [3.5, 4.5, 'Deux : le guichet.'],
  [4.5, 6, 'Trois : les usages.'],
  [6, 8.5, 'Quatre : la médiation.'],
  [8.5, 12, 'Cinq : les communs.'],
  [12, 14, 'Six : au revoir.'],
];

/**
 * A talk as the ingest stores it, with a real H.264/AAC download of `seconds` (keyframes every
 * `gop` frames at 25 fps), or the given `video`, and French captions: what clips are cut from.
 */
export async function putClipTalk(store: BlobStore, options: { id?: string; seconds?: number; gop?: number; rev?: string; video?: string } = {}): Promise<Manifest> {
  const id = options.id ?? '2025-strasbourg-clip-talk';
  const seconds = options.seconds ?? 20;
  const base = `items/${id}/${options.rev ?? 'c11b0a1c1ab0'}`;
  const work = await mkdtemp(path.join(tmpdir(), 'mc-clip-talk-'));
  try {
    // A recording of the caller's (the bench's 1080p talk) is stored as it is; `seconds` must then be its length.
    const video = options.video ?? (await makeVideoClip(path.join(work, 'talk.mp4'), { width: 320, height: 180, seconds, gop: options.gop ?? 50 }));
    const mp4 = await store.putFile(`${base}/download/${id}-180p.mp4`, video, 'video/mp4');
    const vttText = `WEBVTT\n\n${CLIP_TALK_CUES.map(([start, end, text]) => `${clock(start)} --> ${clock(end)}\n${text}`).join('\n\n')}\n`;
    const vtt = await store.putBuffer(`${base}/text/fr.vtt`, vttText, 'text/vtt; charset=utf-8');
    const talk = talkManifest({ id });
    const manifest = manifestSchema.parse({
      ...talk,
      source: { ...mp4, contentType: 'video/mp4', fileName: 'talk.mp4' },
      media: { ...talk.media, duration: seconds, video: { ...talk.media.video, width: 320, height: 180, displayWidth: 320, displayHeight: 180 } },
      hls: null,
      downloads: [
        { ...mp4, contentType: 'video/mp4', label: 'MP4 180p', format: 'mp4', width: 320, height: 180, loudness: null },
        { ...vtt, contentType: 'text/vtt; charset=utf-8', label: 'VTT', format: 'vtt', width: null, height: null, loudness: null },
      ],
      images: { ...talk.images, posters: [] },
      tracks: [{ kind: 'captions', language: 'fr', label: 'Français', key: vtt.key, format: 'vtt', origin: 'reviewed' }],
      text: { transcripts: [], slides: null, pages: null },
      files: [{ ...mp4, contentType: 'video/mp4' }, { ...vtt, contentType: 'text/vtt; charset=utf-8' }],
    });
    await store.putBuffer(manifestKey(id), JSON.stringify(manifest), 'application/json');
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `00:00:${String(whole).padStart(2, '0')}.${String(Math.round((seconds - whole) * 1000)).padStart(3, '0')}`;
}
