import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Parser, type ParsedManifest } from 'm3u8-parser';
import { describe, expect, it } from 'vitest';
import { VIDEO_KINDS } from '../../src/domain/item.js';
import type { Manifest } from '../../src/domain/manifest.js';
import { sampleArchiveDir, sampleManifests } from '../support/sample-archive.js';

/**
 * Every HLS playlist of the ingested sample edition (masters, media playlists, audio renditions
 * (described audio among them), sign-language video) read by m3u8-parser, video.js's parser,
 * and checked against RFC 8216; ffprobe then reads each master as a player would.
 */
const run = promisify(execFile);
const ARCHIVE = sampleArchiveDir();
const MANIFESTS = await sampleManifests(ARCHIVE);

/** A master's duration as ffprobe reads it may differ by AAC priming (≤ 2 frames, 43 ms) and a video frame (33 ms). */
const DURATION_TOLERANCE_SECONDS = 0.1;
/** Video codecs a variant can carry (RFC 6381 names): such a variant must say its RESOLUTION. */
const VIDEO_CODEC = /^(avc1|avc3|hvc1|hev1|vp09|av01)\./;

const isPlaylist = (key: string): boolean => key.endsWith('.m3u8');
const resolveKey = (playlistKey: string, uri: string): string => path.posix.join(path.posix.dirname(playlistKey), uri);

function parse(text: string): { manifest: ParsedManifest; warnings: string[] } {
  const parser = new Parser();
  const warnings: string[] = [];
  parser.on('warn', (event) => warnings.push(event.message));
  parser.push(text);
  parser.end();
  return { manifest: parser.manifest, warnings };
}

/** What is wrong with a media playlist: RFC 8216 §4.3.3.1 (target duration), VOD, and segments the manifest lists. */
function mediaPlaylistProblems(key: string, text: string, listed: ReadonlySet<string>): string[] {
  const { manifest, warnings } = parse(text);
  const problems = warnings.map((w) => `${key}: parser: ${w}`);
  const target = manifest.targetDuration;
  if (target === undefined) problems.push(`${key}: no EXT-X-TARGETDURATION`);
  if (manifest.playlistType !== 'VOD' || manifest.endList !== true) problems.push(`${key}: not a finished VOD playlist`);
  if (manifest.segments.length === 0) problems.push(`${key}: no segment`);
  for (const segment of manifest.segments) {
    // "The EXTINF duration of each Media Segment, rounded to the nearest integer, MUST be ≤ the target duration."
    if (target !== undefined && Math.round(segment.duration) > target) problems.push(`${key}: ${segment.uri} lasts ${segment.duration} s, over the target ${target} s`);
    for (const uri of [segment.uri, segment.map?.uri]) {
      if (uri !== undefined && !listed.has(resolveKey(key, uri))) problems.push(`${key}: ${uri} is not a file the manifest lists`);
    }
  }
  return problems;
}

/** Peak bit rate of a media playlist's segments (bits per second), from the sizes the manifest records. */
function peakBitRate(key: string, manifest: ParsedManifest, sizes: ReadonlyMap<string, number>): number {
  return Math.max(...manifest.segments.map((s) => ((sizes.get(resolveKey(key, s.uri)) ?? 0) * 8) / s.duration));
}

const read = (key: string): Promise<string> => readFile(path.join(ARCHIVE, key), 'utf8');

const WITH_HLS = MANIFESTS.filter((m): m is Manifest & { hls: NonNullable<Manifest['hls']> } => m.hls !== null);

describe('HLS playlists of the sample edition', () => {
  it('has playlists to check: video and audio items, a sign-language video', () => {
    expect(WITH_HLS.some((m) => VIDEO_KINDS.includes(m.kind))).toBe(true);
    expect(WITH_HLS.some((m) => m.kind === 'podcast')).toBe(true);
    expect(WITH_HLS.some((m) => m.signLanguage !== null)).toBe(true);
  });

  it('catches a segment longer than the target, a missing end and a segment nobody lists', () => {
    const bad = '#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:4.6,\nsegment-0.ts\n#EXTINF:2,\nsegment-1.ts\n';
    const problems = mediaPlaylistProblems('items/x/r/hls/360p/index.m3u8', bad, new Set(['items/x/r/hls/360p/segment-0.ts'])).join('\n');
    expect(problems).toContain('segment-0.ts lasts 4.6 s, over the target 4 s');
    expect(problems).toContain('not a finished VOD playlist');
    expect(problems).toContain('segment-1.ts is not a file the manifest lists');
  });

  describe.each(WITH_HLS.map((m) => ({ id: m.id, manifest: m })))('$id', ({ manifest }) => {
    const hls = manifest.hls;
    const listed = new Set(manifest.files.map((f) => f.key));
    const sizes = new Map(manifest.files.map((f) => [f.key, f.size]));
    const playlists = manifest.files.map((f) => f.key).filter(isPlaylist);

    it('lists every playlist it names: master, variants, audio renditions, sign language', () => {
      const named = [hls.master, ...hls.variants.map((v) => v.playlist), ...hls.audio.map((a) => a.playlist), ...(manifest.signLanguage ? [manifest.signLanguage.hls] : [])];
      expect(named.filter((key) => !listed.has(key))).toEqual([]);
    });

    it('media playlists: VOD, each segment within the target duration, every segment listed', async () => {
      const problems: string[] = [];
      for (const key of playlists) {
        const text = await read(key);
        if ((parse(text).manifest.playlists ?? []).length > 0) continue;
        problems.push(...mediaPlaylistProblems(key, text, listed));
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('master: BANDWIDTH covers the peak of each variant with its audio, CODECS on every variant, RESOLUTION on video ones', async () => {
      const { manifest: master, warnings } = parse(await read(hls.master));
      expect(warnings).toEqual([]);
      expect(master.independentSegments).toBe(true);
      const variants = master.playlists ?? [];
      expect(variants.length).toBeGreaterThan(0);
      const media = new Map<string, ParsedManifest>();
      for (const key of playlists) media.set(key, parse(await read(key)).manifest);
      const peakOf = (key: string): number => {
        const parsed = media.get(key);
        if (!parsed) throw new Error(`${key} is not a listed playlist`);
        return peakBitRate(key, parsed, sizes);
      };

      for (const variant of variants) {
        const key = resolveKey(hls.master, variant.uri);
        const { BANDWIDTH, CODECS, RESOLUTION, AUDIO } = variant.attributes;
        expect(listed.has(key), `${variant.uri} is listed`).toBe(true);
        expect(BANDWIDTH, `${variant.uri} BANDWIDTH`).toBeGreaterThan(0);
        expect(CODECS, `${variant.uri} CODECS`).toMatch(/\S/);
        const codecs = (CODECS ?? '').split(',');
        const known = hls.variants.find((v) => v.playlist === key) ?? hls.audio.find((a) => a.playlist === key);
        expect(known, `${variant.uri} is in the manifest's hls`).toBeDefined();
        if (codecs.some((c) => VIDEO_CODEC.test(c))) {
          expect(RESOLUTION, `${variant.uri} RESOLUTION`).toEqual({ width: known?.width, height: known?.height });
        }
        // RFC 8216 §4.3.4.2: the largest sum of peak segment bit rates of any playable combination of renditions.
        const renditions = AUDIO ? Object.values(master.mediaGroups.AUDIO[AUDIO] ?? {}) : [];
        if (AUDIO) expect(renditions.length, `audio group ${AUDIO}`).toBeGreaterThan(0);
        const audioPeak = Math.max(0, ...renditions.map((r) => (r.uri ? peakOf(resolveKey(hls.master, r.uri)) : 0)));
        expect(BANDWIDTH ?? 0, `${variant.uri} BANDWIDTH`).toBeGreaterThanOrEqual(Math.floor(peakOf(key) + audioPeak));
      }
      for (const [group, renditions] of Object.entries(master.mediaGroups.AUDIO)) {
        for (const [name, rendition] of Object.entries(renditions)) {
          expect(rendition.uri && listed.has(resolveKey(hls.master, rendition.uri)), `${group}/${name} is a listed playlist`).toBe(true);
          expect(rendition.language, `${group}/${name} LANGUAGE`).toMatch(/^[a-z]{2,3}(-|$)/);
        }
      }
    });

    it('ffprobe reads the master playlist: the recording’s duration and streams', async () => {
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', path.join(ARCHIVE, hls.master)]);
      const probe = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_type: string }[] };
      expect(Math.abs(Number(probe.format.duration) - manifest.media.duration)).toBeLessThanOrEqual(DURATION_TOLERANCE_SECONDS);
      const types = new Set(probe.streams.map((s) => s.codec_type));
      expect(types.has('audio')).toBe(true);
      expect(types.has('video')).toBe(VIDEO_KINDS.includes(manifest.kind));
    });
  });
});
