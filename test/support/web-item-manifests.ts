import { createHash } from 'node:crypto';
import type { ItemKind } from '../../src/domain/item.js';
import { VIDEO_KINDS } from '../../src/domain/item.js';
import { manifestKey, manifestSchema, type Manifest, type StoredFile } from '../../src/domain/manifest.js';
import type { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { manifestOf } from './manifest-factory.js';

/**
 * Manifests for the item pages' tests: a bare one (what an item without media holds) and the
 * media a full ingest adds (HLS, downloads, tracks, posters, storyboard, chapters, sign
 * language), shaped like the sample edition's. Validated by the real schema.
 */
const REV = 'a1b2c3d4e5f6';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const file = (key: string, size: number, contentType: string): StoredFile => ({ key, size, sha256: sha(key), contentType });

export function bareManifest(spec: { id: string; kind: ItemKind; title?: string; summary?: string; language?: string; licence?: Manifest['licence']; speakers?: { name: string; organisation?: string; slug: string }[] }): Manifest {
  const isDocument = spec.kind === 'document';
  const source = file(`items/${spec.id}/${REV}/source/original.${isDocument ? 'pdf' : spec.kind === 'podcast' ? 'mp3' : 'mp4'}`, 3_400_000, 'application/octet-stream');
  const base = manifestOf({
    id: spec.id, kind: spec.kind, title: spec.title ?? 'Médiation numérique et IA', date: '2025-10-29', themes: ['Communs & souveraineté'],
    language: spec.language ?? 'fr', licence: spec.licence ?? 'CC-BY-SA-4.0', duration: 106, pages: 3,
  });
  return manifestSchema.parse({
    ...base,
    summary: spec.summary ?? 'Un échange sur la médiation.',
    speakers: spec.speakers ?? [{ name: 'Claire Vasseur', organisation: 'Coopérative Passerelles', slug: 'claire-vasseur' }],
    source: { ...source, fileName: source.key.split('/').pop() },
    media: { ...base.media, size: 3_400_000 },
    files: [source],
    pipeline: { ...base.pipeline, inputs: sha(spec.id) },
  });
}

/** What the ingest adds to a recording or a document; `options` for the rarer parts. */
export function withMedia(manifest: Manifest, options: { signLanguage?: boolean; describedAudio?: boolean; englishSubtitles?: boolean } = {}): Manifest {
  const base = `items/${manifest.id}/${REV}`;
  const isVideo = VIDEO_KINDS.includes(manifest.kind);
  const added: StoredFile[] = [];
  const keep = (f: StoredFile): StoredFile => {
    added.push(f);
    return f;
  };
  const next: Manifest = structuredClone(manifest);
  if (manifest.kind === 'document') {
    next.downloads = [{ ...keep(file(`${base}/download/${manifest.id}.pdf`, 13_936, 'application/pdf')), label: 'PDF', format: 'pdf', width: null, height: null, loudness: null }];
    next.images.pages = [];
    for (const page of [1, 2, 3]) {
      for (const width of [320, 640]) {
        const image = keep(file(`${base}/images/pages/page-${page}-${width}.webp`, 9000, 'image/webp'));
        next.images.pages.push({ key: image.key, page, width, height: Math.round(width * 1.414), format: 'webp' });
      }
    }
  } else {
    next.hls = {
      master: keep(file(`${base}/hls/master.m3u8`, 900, 'application/vnd.apple.mpegurl')).key,
      variants: isVideo ? [{ name: '720p', playlist: `${base}/hls/720p/index.m3u8`, width: 1280, height: 720, bandwidth: 330_500, codecs: 'avc1.64001f,mp4a.40.2' }] : [],
      audio: [
        { name: 'Français', playlist: `${base}/hls/audio/index.m3u8`, width: null, height: null, bandwidth: 135_000, codecs: 'mp4a.40.2', language: 'fr', describesVideo: false },
        ...(options.describedAudio ? [{ name: 'Français (audiodescription)', playlist: `${base}/hls/audio-described/index.m3u8`, width: null, height: null, bandwidth: 135_000, codecs: 'mp4a.40.2', language: 'fr', describesVideo: true }] : []),
      ],
      segmentSeconds: 6,
    };
    next.downloads = isVideo
      ? [{ ...keep(file(`${base}/download/${manifest.id}-720p.mp4`, 1_881_674, 'video/mp4')), label: 'MP4 720p', format: 'mp4', width: 1280, height: 720, loudness: null }]
      : [
          { ...keep(file(`${base}/download/${manifest.id}.m4a`, 812_326, 'audio/mp4')), label: 'M4A (AAC)', format: 'm4a', width: null, height: null, loudness: -16 },
          { ...keep(file(`${base}/download/${manifest.id}.mp3`, 586_052, 'audio/mpeg')), label: 'MP3', format: 'mp3', width: null, height: null, loudness: -16 },
        ];
    const vtt = keep(file(`${base}/text/fr.vtt`, 2640, 'text/vtt'));
    next.downloads.push({ ...vtt, label: 'Sous-titres WebVTT — Français', format: 'vtt', width: null, height: null, loudness: null });
    next.tracks = [
      { kind: 'chapters', language: 'fr', label: 'Chapitres', key: keep(file(`${base}/text/chapters.vtt`, 300, 'text/vtt')).key, format: 'vtt', origin: 'generated' },
      { kind: 'captions', language: 'fr', label: 'Français', key: vtt.key, format: 'vtt', origin: 'reviewed' },
      ...(options.englishSubtitles ? [{ kind: 'subtitles' as const, language: 'en', label: 'English', key: keep(file(`${base}/text/en.vtt`, 2500, 'text/vtt')).key, format: 'vtt' as const, origin: 'reviewed' as const }] : []),
    ];
    next.images.posters = [320, 640, 1280].flatMap((width) => (['avif', 'webp', 'jpeg'] as const).map((format) => ({ key: keep(file(`${base}/images/poster-${width}.${format === 'jpeg' ? 'jpg' : format}`, 20_000, `image/${format}`)).key, width, height: width * 9 / 16, format })));
    if (isVideo) {
      next.images.storyboard = { vtt: keep(file(`${base}/images/storyboard.vtt`, 2000, 'text/vtt')).key, sheets: [keep(file(`${base}/images/storyboard-1.jpg`, 50_000, 'image/jpeg')).key], interval: 2, tileWidth: 160, tileHeight: 90 };
      next.media.video = { codec: 'h264', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, fps: 30, rotation: 0, pixelFormat: 'yuv420p', interlaced: false };
    }
    next.chapters = [
      { start: 0, end: 19.633, title: 'Accompagner sans remplacer' },
      { start: 19.633, end: 44, title: 'Ce que nous observons au guichet' },
    ];
    next.accessibility = { ...next.accessibility, captions: true };
    if (options.signLanguage) {
      next.signLanguage = { hls: keep(file(`${base}/sign-language/hls/index.m3u8`, 500, 'application/vnd.apple.mpegurl')).key, mp4: keep(file(`${base}/sign-language/${manifest.id}-sign-language.mp4`, 900_000, 'video/mp4')).key, width: 640, height: 360 };
      next.accessibility.signLanguage = true;
    }
    if (options.describedAudio) {
      next.audioDescription = { type: 'audio', key: `${base}/hls/audio-described/index.m3u8` };
      next.accessibility.audioDescription = true;
    }
  }
  const byKey = new Map([...next.files, ...added].map((f) => [f.key, f]));
  next.files = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  return manifestSchema.parse(next);
}

/** Replaces an item's stored manifest (after `writeItem`), as a new ingest would. */
export async function storeManifest(store: FsBlobStore, manifest: Manifest): Promise<void> {
  await store.putBuffer(manifestKey(manifest.id), JSON.stringify(manifestSchema.parse(manifest), null, 2), 'application/json');
}
