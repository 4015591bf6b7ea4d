import path from 'node:path';
import { FsBlobStore } from './adapters/blob-store/fs-blob-store.js';
import { InlineJobQueue } from './adapters/job-queue/inline-job-queue.js';
import { FluentFfmpegMediaTool } from './adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { openMeilisearch, type OpenedSearch } from './adapters/search-index/open-meilisearch.js';
import type { Config } from './config.js';
import { ConfigError } from './domain/errors.js';
import type { BlobStore } from './ports/blob-store.js';
import type { DocumentTool } from './ports/document-tool.js';
import type { ImageTool } from './ports/image-tool.js';
import type { JobQueue } from './ports/job-queue.js';
import type { MediaTool, SeekPointReader } from './ports/media-tool.js';
import type { OcrTool } from './ports/ocr-tool.js';
import type { Transcriber } from './ports/transcriber.js';

export interface Adapters {
  store: BlobStore;
  media: MediaTool & SeekPointReader;
  images: ImageTool;
  documents: DocumentTool;
  ocr: OcrTool;
  queue: JobQueue;
  /** null: no speech-to-text (TRANSCRIBER=none); recordings without captions are flagged. */
  transcriber: Transcriber | null;
}

/**
 * Picks each adapter from the validated configuration: the local defaults, or the scale-out
 * ones (S3, BullMQ) when the configuration asks for them. Each is loaded only when asked for:
 * the AWS SDK, sharp, BullMQ and whisper.cpp together are ~45 MB of a process that needs none of
 * them (the website on the filesystem loads none: `serve` asks for the store and ffmpeg alone).
 */
export async function createAdapters(config: Readonly<Config>): Promise<Adapters> {
  const unsupported: string[] = [];
  const transcriber = await createTranscriber(config, unsupported);
  if (unsupported.length) throw new ConfigError(unsupported);
  const [store, { SharpImageTool }, { PopplerDocumentTool }, { TesseractOcrTool }, queue] = await Promise.all([
    createStore(config),
    import('./adapters/image-tool/sharp-image-tool.js'),
    import('./adapters/document-tool/poppler-document-tool.js'),
    import('./adapters/ocr/tesseract-ocr-tool.js'),
    createQueue(config),
  ]);
  return {
    store,
    media: createMediaTool(config),
    images: new SharpImageTool(),
    documents: new PopplerDocumentTool(),
    ocr: new TesseractOcrTool(),
    queue,
    transcriber,
  };
}

/** ffmpeg and ffprobe (the website's clips use it too). */
export const createMediaTool = (config: Readonly<Config>): MediaTool & SeekPointReader => new FluentFfmpegMediaTool({ ffmpeg: config.ffmpegPath, ffprobe: config.ffprobePath });

/** The job queue: in this process, or BullMQ (loaded only then). */
export async function createQueue(config: Readonly<Config>): Promise<JobQueue> {
  if (config.queue.kind !== 'bullmq') return new InlineJobQueue(config.queue.concurrency);
  const { BullmqJobQueue } = await import('./adapters/job-queue/bullmq-job-queue.js');
  // Shared: Redis is proved to answer by queue.check() before any work (a clear line if not).
  return new BullmqJobQueue({ url: config.queue.redisUrl });
}

/**
 * The archive's store: files under DATA_DIR, or the S3 bucket (STORAGE=s3). The bucket is proved
 * reachable and writable before its first use (S3BlobStore.check, also run by checkStore).
 */
export async function createStore(config: Readonly<Config>): Promise<BlobStore> {
  const storage = config.storage;
  if (storage.kind === 'fs') return new FsBlobStore(config.dataDir);
  const { S3BlobStore } = await import('./adapters/blob-store/s3-blob-store.js');
  return new S3BlobStore({
    bucket: storage.bucket,
    region: storage.region,
    ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
    accessKeyId: storage.accessKeyId,
    secretAccessKey: storage.secretAccessKey,
    forcePathStyle: storage.forcePathStyle,
    ...(storage.publicBaseUrl ? { publicBaseUrl: storage.publicBaseUrl } : {}),
  });
}

/** The boot check of a store: "S3 bucket mc at http://127.0.0.1:9000: <cause>" as a ConfigError (exit 2). */
export async function checkStore(store: BlobStore): Promise<void> {
  await store.check?.();
}

/** The model file is checked here, at boot: a wrong path or a half-downloaded file stops the run before any work. */
async function createTranscriber(config: Readonly<Config>, problems: string[]): Promise<Transcriber | null> {
  if (config.transcriber.kind === 'none') return null;
  const { SmartWhisperTranscriber } = await import('./adapters/transcriber/smart-whisper-transcriber.js');
  const transcriber = new SmartWhisperTranscriber(config.transcriber.model);
  const problem = transcriber.problem();
  if (problem) problems.push(problem);
  return transcriber;
}

/** Where work in progress lives: on local disk even when the archive is in object storage. */
export const workRootOf = (config: Readonly<Config>): string => path.join(config.dataDir, '.work');
export const hashCacheOf = (config: Readonly<Config>): string => path.join(config.dataDir, '.cache', 'sha256.json');

/**
 * The search index, checked and ready: the archive's own Meilisearch (started from the npm
 * binary, or reused when another process of the app runs it) or the one at MEILI_URL.
 * Close it when done: that stops the server if this process started it.
 */
export function openSearchIndex(config: Readonly<Config>): Promise<OpenedSearch> {
  return openMeilisearch({ dataDir: config.dataDir, external: config.meili });
}

/**
 * The origin browsers load media from when the archive is in object storage: the public base URL
 * (a CDN or public bucket) or, for presigned URLs, the endpoint (path-style) or the bucket's host.
 * null on the filesystem: the site serves media itself.
 */
export function mediaOriginOf(config: Readonly<Config>): string | null {
  const storage = config.storage;
  if (storage.kind !== 's3') return null;
  if (storage.publicBaseUrl) return new URL(storage.publicBaseUrl).origin;
  if (storage.endpoint) {
    const endpoint = new URL(storage.endpoint);
    return storage.forcePathStyle ? endpoint.origin : `${endpoint.protocol}//${storage.bucket}.${endpoint.host}`;
  }
  return `https://${storage.bucket}.s3.${storage.region}.amazonaws.com`;
}
