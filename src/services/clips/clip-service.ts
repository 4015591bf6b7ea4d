import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { Manifest } from '../../domain/manifest.js';
import { BoundedSlots } from '../../lib/bounded-slots.js';
import { clipCommand, type ClipTags } from '../../pipeline/clip-command.js';
import { parseWebVtt } from '../../pipeline/captions/index.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { MediaTool, SeekPointReader } from '../../ports/media-tool.js';
import { clipVtt } from './clip-captions.js';
import { clipKeys, itemClipsPrefix, revisionClipsPrefix } from './clip-keys.js';
import type { ClipRange } from './clip-range.js';
import { CaptionLanguageError, captionTrackOf, clipSourceOf, type ClipFormat } from './clip-source.js';

export interface ClipOptions {
  /** Cuts at a time (default: one per core). */
  slots?: number;
  /** How long a request waits for a slot before a 503 (default 20 s). */
  maxWaitMs?: number;
}

/** A cut clip in the store, with the range it really covers. */
export interface StoredClip {
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  /** Where the clip starts in the recording (the keyframe at or before the asked start) and ends. */
  start: number;
  end: number;
  /** false: served from the store, cut by an earlier request. */
  cut: boolean;
}

const clipRecord = z.object({ start: z.number(), end: z.number(), size: z.number().int(), sha256: z.string(), contentType: z.string() });

const CONTENT_TYPES: Record<ClipFormat, string> = { mp4: 'video/mp4', m4a: 'audio/mp4' };
/** A presigned URL outlives the longest cut by far. */
const SOURCE_URL_SECONDS = 3600;

/**
 * Clips of a recording, cut on demand by stream copy and kept in the store (clip-keys.ts): the
 * first request cuts, later ones are served the stored file, and the same clip asked for twice
 * at once is cut once. Cuts run at most `slots` at a time; beyond, a request waits its turn for
 * a while, then gets SlotsBusyError.
 */
export class ClipService {
  private readonly slots: BoundedSlots;
  private readonly inFlight = new Map<string, Promise<StoredClip>>();

  constructor(
    private readonly store: BlobStore,
    private readonly media: MediaTool & SeekPointReader,
    options: ClipOptions = {},
  ) {
    this.slots = new BoundedSlots(options.slots ?? availableParallelism(), options.maxWaitMs ?? 20_000);
  }

  /** Cuts run and waiting now. */
  get load(): { running: number; waiting: number } {
    return this.slots.load;
  }

  async clip(manifest: Manifest, format: ClipFormat, range: ClipRange, tags: ClipTags): Promise<StoredClip> {
    const source = clipSourceOf(manifest, format);
    const tagsHash = createHash('sha256').update(JSON.stringify(tags)).digest('hex');
    const keys = clipKeys(manifest, range, tagsHash, format);
    const stored = await this.readStored(keys.record, keys.media);
    if (stored) return stored;
    const running = this.inFlight.get(keys.media);
    if (running) return running;
    const cut = this.slots
      .run(async () => (await this.readStored(keys.record, keys.media)) ?? this.cut(manifest, source, range, tags, keys, format))
      .finally(() => this.inFlight.delete(keys.media));
    this.inFlight.set(keys.media, cut);
    return cut;
  }

  /**
   * The captions of a clip as WebVTT, 0 being the clip's real start (the keyframe, as in the
   * clip file of the same range), so the two line up; `language` as in captionTrackOf.
   */
  async captions(manifest: Manifest, range: ClipRange, language: string | undefined): Promise<{ vtt: string; start: number; end: number; language: string }> {
    const track = captionTrackOf(manifest, language);
    if (!track) throw new CaptionLanguageError(`${manifest.id} has no captions`);
    const source = clipSourceOf(manifest, manifest.media.class === 'video' ? 'mp4' : 'm4a');
    const start = await this.seekPoint(source.key, source.kind, range.start);
    const real = { start, end: range.end };
    return { vtt: clipVtt(await this.cues(track.key), real), ...real, language: track.language };
  }

  private async readStored(recordKey: string, mediaKey: string): Promise<StoredClip | null> {
    const record = await this.store.getBuffer(recordKey);
    if (!record) return null;
    const parsed = clipRecord.safeParse(JSON.parse(record.toString('utf8')));
    // The record is written after the clip: a record without its clip was removed by hand; cut again.
    if (!parsed.success || !(await this.store.stat(mediaKey))) return null;
    return { key: mediaKey, ...parsed.data, cut: false };
  }

  private async cut(manifest: Manifest, source: { key: string; kind: 'video' | 'audio' }, range: ClipRange, tags: ClipTags, keys: { media: string; record: string }, format: ClipFormat): Promise<StoredClip> {
    const work = await mkdtemp(path.join(tmpdir(), 'mc-clip-'));
    try {
      const input = await this.readable(source.key, work);
      const start = await this.media.seekPoint(input, source.kind, range.start);
      const real = { start, end: range.end };
      const captions = source.kind === 'video' ? await this.captionFile(manifest, real, work) : null;
      const output = path.join(work, `clip.${format}`);
      await this.media.run(clipCommand({ source: input, output, start, length: real.end - start, kind: source.kind, tags, captions }));
      const contentType = CONTENT_TYPES[format];
      // Put whole (the store's puts are atomic), then the record that makes it servable.
      const put = await this.store.putFile(keys.media, output, contentType);
      const record = { start: real.start, end: real.end, size: put.size, sha256: put.sha256, contentType };
      await this.store.putBuffer(keys.record, JSON.stringify(record), 'application/json');
      await this.dropOtherRevisions(manifest);
      return { key: keys.media, ...record, cut: true };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * Clips of the item's earlier revisions can never be served again (their keys name the old
   * revision): the first cut of a new revision removes them, records first.
   */
  private async dropOtherRevisions(manifest: Manifest): Promise<void> {
    const current = revisionClipsPrefix(manifest);
    const stale: string[] = [];
    for await (const blob of this.store.list(itemClipsPrefix(manifest.id))) if (!blob.key.startsWith(current)) stale.push(blob.key);
    stale.sort((a, b) => Number(b.endsWith('.json')) - Number(a.endsWith('.json')));
    for (const key of stale) await this.store.delete(key);
  }

  /** The item's captions of the clip's range as a file to mux, when it has a caption track. */
  private async captionFile(manifest: Manifest, range: ClipRange, work: string): Promise<{ path: string; language: string } | null> {
    let track: { key: string; language: string } | null;
    try {
      track = captionTrackOf(manifest, undefined);
    } catch {
      track = null; // captions in other languages only: the clip.vtt endpoint gives them
    }
    if (!track) return null;
    const file = path.join(work, `captions.${track.language}.vtt`);
    await writeFile(file, clipVtt(await this.cues(track.key), range));
    return { path: file, language: track.language };
  }

  private async cues(key: string): Promise<{ start: number; end: number; text: string }[]> {
    const text = (await this.store.getBuffer(key))?.toString('utf8');
    if (text === undefined) throw new Error(`${key}: listed by the manifest but missing from the store`);
    return parseWebVtt(text).cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text }));
  }

  private async seekPoint(key: string, kind: 'video' | 'audio', time: number): Promise<number> {
    const work = await mkdtemp(path.join(tmpdir(), 'mc-clip-'));
    try {
      return await this.media.seekPoint(await this.readable(key, work), kind, time);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * What ffmpeg reads the source from: the store's own file on disk; on object storage a
   * presigned URL, so ffmpeg fetches only the index and the range's bytes (HTTP Range) instead
   * of the whole recording; a copy in `work` only for a store that has neither.
   */
  private async readable(key: string, work: string): Promise<string> {
    const local = this.store.localPath(key);
    if (local) return local;
    if (this.store.publicUrl) return this.store.publicUrl(key, { expiresIn: SOURCE_URL_SECONDS });
    const copy = path.join(work, path.basename(key));
    await pipeline(await this.store.getStream(key), createWriteStream(copy));
    return copy;
  }
}
