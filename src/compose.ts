import path from 'node:path';
import { FsBlobStore } from './adapters/blob-store/fs-blob-store.js';
import { PopplerDocumentTool } from './adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from './adapters/image-tool/sharp-image-tool.js';
import { InlineJobQueue } from './adapters/job-queue/inline-job-queue.js';
import { FluentFfmpegMediaTool } from './adapters/media-tool/fluent-ffmpeg-media-tool.js';
import type { Config } from './config.js';
import { ConfigError } from './domain/errors.js';
import type { BlobStore } from './ports/blob-store.js';
import type { DocumentTool } from './ports/document-tool.js';
import type { ImageTool } from './ports/image-tool.js';
import type { JobQueue } from './ports/job-queue.js';
import type { MediaTool } from './ports/media-tool.js';

export interface Adapters {
  store: BlobStore;
  media: MediaTool;
  images: ImageTool;
  documents: DocumentTool;
  queue: JobQueue;
}

/**
 * Picks each adapter from the validated configuration. Scale-out adapters (S3, BullMQ) are not
 * part of this version: asking for them is refused clearly rather than silently ignored.
 */
export function createAdapters(config: Readonly<Config>): Adapters {
  const unsupported: string[] = [];
  if (config.storage.kind !== 'fs') unsupported.push('STORAGE=s3: this version stores on the filesystem only (STORAGE=fs)');
  if (config.queue.kind !== 'inline') unsupported.push('QUEUE=bullmq: this version runs jobs in-process only (QUEUE=inline)');
  if (unsupported.length) throw new ConfigError(unsupported);
  return {
    store: new FsBlobStore(config.dataDir),
    media: new FluentFfmpegMediaTool({ ffmpeg: config.ffmpegPath, ffprobe: config.ffprobePath }),
    images: new SharpImageTool(),
    documents: new PopplerDocumentTool(),
    queue: new InlineJobQueue(config.queue.concurrency),
  };
}

/** Where work in progress lives: on local disk even when the archive is in object storage. */
export const workRootOf = (config: Readonly<Config>): string => path.join(config.dataDir, '.work');
export const hashCacheOf = (config: Readonly<Config>): string => path.join(config.dataDir, '.cache', 'sha256.json');
