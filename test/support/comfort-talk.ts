import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manifestKey, manifestSchema, type Manifest } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { makeVideoClip } from './clips.js';
import { writeItem } from './search-archive.js';

/**
 * What the comfort talk says, 5 s a cue: « numérique » twice and « numériques » once, for finding
 * without accents. Two speakers take turns, so each cue is a passage of its own (at 0, 5, 10 s…).
 */
export const COMFORT_TALK_CUES: [number, number, string, string][] = [
  [0, 5, 'Bonjour et bienvenue à cette rencontre.', 'Nadia Rahmani'],
  [5, 10, 'Parlons de médiation numérique.', 'Paul Meyer'],
  [10, 15, 'Le numérique en commun, c’est un choix.', 'Nadia Rahmani'],
  [15, 20, 'Les communs numériques se partagent.', 'Paul Meyer'],
  [20, 25, 'Merci de votre écoute.', 'Nadia Rahmani'],
  [25, 30, 'Au revoir.', 'Paul Meyer'],
];
export const COMFORT_TALK_SECONDS = 30;

/**
 * A 30 s talk as the ingest stores it, long enough to resume (positions under 10 s and in the
 * last 10 s are not kept) and to seek by 10 s: a real H.264/AAC download, French captions
 * (WebVTT) and the transcript they make.
 */
export async function putComfortTalk(store: BlobStore, id = '2025-strasbourg-les-communs-au-quotidien'): Promise<Manifest> {
  const written = await writeItem(store, {
    id,
    kind: 'talk',
    title: 'Les communs au quotidien',
    summary: 'Une conférence de trente secondes.',
    transcripts: [{ cues: COMFORT_TALK_CUES }],
  });
  const base = `items/${id}/a1b2c3d4e5f6`;
  const work = await mkdtemp(path.join(tmpdir(), 'mc-comfort-talk-'));
  try {
    const video = await makeVideoClip(path.join(work, 'talk.mp4'), { width: 320, height: 180, seconds: COMFORT_TALK_SECONDS, gop: 50 });
    const mp4 = { ...(await store.putFile(`${base}/download/${id}-180p.mp4`, video, 'video/mp4')), contentType: 'video/mp4' };
    const cues = COMFORT_TALK_CUES.map(([start, end, text]) => `${clock(start)} --> ${clock(end)}\n${text}`).join('\n\n');
    const vtt = { ...(await store.putBuffer(`${base}/text/captions-fr.vtt`, `WEBVTT\n\n${cues}\n`, 'text/vtt; charset=utf-8')), contentType: 'text/vtt; charset=utf-8' };
    const manifest = manifestSchema.parse({
      ...written,
      media: {
        ...written.media,
        duration: COMFORT_TALK_SECONDS,
        video: { codec: 'h264', width: 320, height: 180, displayWidth: 320, displayHeight: 180, fps: 25, rotation: 0, pixelFormat: null, interlaced: false },
      },
      downloads: [{ ...mp4, label: 'MP4 180p', format: 'mp4', width: 320, height: 180, loudness: null }],
      tracks: [{ kind: 'captions', language: 'fr', label: 'Français', key: vtt.key, format: 'vtt', origin: 'reviewed' }],
      files: [...written.files, mp4, vtt].sort((a, b) => a.key.localeCompare(b.key)),
    });
    await store.putBuffer(manifestKey(id), JSON.stringify(manifest), 'application/json');
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function clock(seconds: number): string {
  return `00:00:${String(Math.floor(seconds)).padStart(2, '0')}.000`;
}
