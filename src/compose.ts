import path from 'node:path';
import { FsBlobStore } from './adapters/blob-store/fs-blob-store.js';
import { S3BlobStore } from './adapters/blob-store/s3-blob-store.js';
import { PopplerDocumentTool } from './adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from './adapters/image-tool/sharp-image-tool.js';
import { BullmqJobQueue } from './adapters/job-queue/bullmq-job-queue.js';
import { InlineJobQueue } from './adapters/job-queue/inline-job-queue.js';
import { FluentFfmpegMediaTool } from './adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { openMeilisearch, type OpenedSearch } from './adapters/search-index/open-meilisearch.js';
import { TesseractOcrTool } from './adapters/ocr/tesseract-ocr-tool.js';
import { SmartWhisperTranscriber } from './adapters/transcriber/smart-whisper-transcriber.js';
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
 * ones (S3, BullMQ) when the configuration asks for them.
 */
export function createAdapters(config: Readonly<Config>): Adapters {
  const unsupported: string[] = [];
  const transcriber = createTranscriber(config, unsupported);
  if (unsupported.length) throw new ConfigError(unsupported);
  return {
    store: createStore(config),
    media: new FluentFfmpegMediaTool({ ffmpeg: config.ffmpegPath, ffprobe: config.ffprobePath }),
    images: new SharpImageTool(),
    documents: new PopplerDocumentTool(),
    ocr: new TesseractOcrTool(),
    // Shared: Redis is proved to answer by queue.check() before any work (a clear line if not).
    queue: config.queue.kind === 'bullmq' ? new BullmqJobQueue({ url: config.queue.redisUrl }) : new InlineJobQueue(config.queue.concurrency),
    transcriber,
  };
}

/**
 * The archive's store: files under DATA_DIR, or the S3 bucket (STORAGE=s3). The bucket is proved
 * reachable and writable before its first use (S3BlobStore.check, also run by checkStore).
 */
export function createStore(config: Readonly<Config>): BlobStore {
  const storage = config.storage;
  if (storage.kind === 'fs') return new FsBlobStore(config.dataDir);
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
function createTranscriber(config: Readonly<Config>, problems: string[]): Transcriber | null {
  if (config.transcriber.kind === 'none') return null;
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
