import type { ProgrammeItem } from '../../src/domain/item.js';
import type { MediaInfo } from '../../src/domain/manifest.js';

/**
 * One programme item as the programme reader makes it: a French talk of the 2025 Strasbourg
 * edition with no companion files, with `fields` on top. The one builder tests use for items.
 */
export function programmeItem(fields: Partial<ProgrammeItem> & Pick<ProgrammeItem, 'media'>): ProgrammeItem {
  return {
    id: '2025-test-talk', row: 1, date: null, title: 'Atelier', kind: 'talk', themes: [], speakers: [],
    edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' },
    language: 'fr', licence: 'CC-BY-4.0', summary: '',
    captions: [], slides: null, audioDescription: null, signLanguage: null,
    ...fields,
  };
}

/** What the probe says of an H.264 video without sound, 640 × 360 at 25 fps unless told otherwise. */
export function videoInfo(duration: number, picture: { width?: number; height?: number; fps?: number } = {}): MediaInfo {
  const { width = 640, height = 360, fps = 25 } = picture;
  return {
    class: 'video', container: 'mp4', duration, size: 1, bitRate: null, tags: {}, pages: null, audio: null,
    video: { codec: 'h264', width, height, displayWidth: width, displayHeight: height, fps, rotation: 0, pixelFormat: 'yuv420p', interlaced: false },
  };
}

/** What the probe says of a mono MP3. */
export function audioInfo(duration: number): MediaInfo {
  return {
    class: 'audio', container: 'mp3', duration, size: 1, bitRate: null, tags: {}, pages: null, video: null,
    audio: { codec: 'mp3', channels: 1, sampleRate: 44_100, loudness: null },
  };
}
