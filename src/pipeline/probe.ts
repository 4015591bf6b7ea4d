import { MediaError } from '../domain/errors.js';
import type { MediaClass } from '../domain/item.js';
import type { MediaInfo } from '../domain/manifest.js';
import type { RawProbe } from '../ports/media-tool.js';

type RawStream = RawProbe['streams'][number];

/** Tags worth keeping in the manifest; everything else a recorder writes stays private. */
const PUBLIC_TAGS = new Set(['title', 'artist', 'album_artist', 'album', 'composer', 'date', 'creation_time', 'year', 'comment', 'description', 'synopsis', 'genre', 'language', 'copyright', 'publisher']);

/**
 * ffprobe's confidence in the container it detected: 100 for a real header; 25 and below is
 * a guess from raw bytes (a headerless ".wav" was read as 10 s of "adp" noise).
 */
const GUESSED_FORMAT_SCORE = 25;

const num = (value: unknown): number | null => {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) ? n : null;
};

/** "30000/1001" → 29.97 */
function rate(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const [a, b] = value.split('/').map(Number);
  return a !== undefined && b ? Math.round((a / b) * 1000) / 1000 : 0;
}

/** A video stream's frame rate: the average one, else the nominal one; 0 when ffprobe gives neither. */
export function frameRate(stream: RawStream): number {
  return rate(stream.avg_frame_rate) || rate(stream.r_frame_rate);
}

/** Rotation from the display matrix side data (ffmpeg ≥ 5) or the legacy `rotate` tag, as 0/90/180/270. */
export function rotationOf(stream: RawStream): number {
  const sideData = (stream.side_data_list as { rotation?: number }[] | undefined) ?? [];
  const fromMatrix = sideData.find((d) => typeof d.rotation === 'number')?.rotation;
  // Some ffprobe front ends flatten the side data onto the stream (`rotation: -90`).
  const raw = fromMatrix ?? num(stream.rotation) ?? num(stream.tags?.rotate) ?? 0;
  return (((Math.round(raw / 90) * 90) % 360) + 360) % 360;
}

const isPicture = (s: RawStream): boolean => (s.disposition as { attached_pic?: number } | undefined)?.attached_pic === 1;
const decodable = (s: RawStream): boolean => typeof s.codec_name === 'string' && s.codec_name !== '' && s.codec_name !== 'none' && s.codec_name !== 'unknown';

/**
 * Turns ffprobe's JSON into the manifest's MediaInfo and rejects what the pipeline cannot use,
 * with a cause people can act on. `expected` comes from the programme's kind.
 */
export function interpretProbe(raw: RawProbe, file: string, expected: MediaClass, size: number): MediaInfo {
  const streams = raw.streams ?? [];
  const videoStreams = streams.filter((s) => s.codec_type === 'video' && !isPicture(s));
  const audioStreams = streams.filter((s) => s.codec_type === 'audio');
  const formatName = String(raw.format.format_name ?? 'unknown');
  // Only descriptive tags: phones and cameras also record places (GPS), devices and people.
  const tags = Object.fromEntries(Object.entries(lowerKeys(raw.format.tags ?? {})).filter(([key]) => PUBLIC_TAGS.has(key)));

  const score = num(raw.format.probe_score);
  if (score !== null && score <= GUESSED_FORMAT_SCORE) {
    throw new MediaError(file, `not a media file ffmpeg recognises (it could only guess "${formatName}")`);
  }
  if (videoStreams.length === 0 && audioStreams.length === 0) {
    throw new MediaError(file, 'no audio or video stream found (is this really a media file?)');
  }
  const unknown = [...videoStreams, ...audioStreams].find((s) => !decodable(s));
  if (unknown) {
    const tag = String(unknown.codec_tag_string ?? '?');
    throw new MediaError(file, `unsupported or unknown ${String(unknown.codec_type)} codec (tag "${tag}"): re-export as H.264/AAC`);
  }
  const video = videoStreams[0];
  const audio = audioStreams[0];
  if (expected === 'video' && !video) {
    throw new MediaError(file, 'declared as a video recording but contains only audio: use kind "podcast" or supply the video');
  }
  // A video without a sound track is legitimate (a talk in sign language, a silent demonstration,
  // a slideshow): it is published without sound (`audio: null`), and transcode-video says so.
  if (expected === 'audio' && !audio) {
    throw new MediaError(file, 'declared as audio but contains no audio track');
  }

  const duration = num(raw.format.duration) ?? num(video?.duration) ?? num(audio?.duration);
  if (duration === null || duration <= 0) {
    throw new MediaError(file, 'duration unknown or zero: the file looks truncated or incomplete');
  }

  let videoInfo: MediaInfo['video'] = null;
  if (video && expected === 'video') {
    const width = num(video.width) ?? 0;
    const height = num(video.height) ?? 0;
    if (width <= 0 || height <= 0) throw new MediaError(file, 'video has no picture size: the file looks damaged');
    const rotation = rotationOf(video);
    const quarter = rotation === 90 || rotation === 270;
    // Anamorphic sources (HDV 1440x1080 at SAR 4:3, DV…) are shown wider than they are stored.
    const shownWidth = even(width * sampleAspect(video.sample_aspect_ratio));
    videoInfo = {
      codec: String(video.codec_name),
      width,
      height,
      displayWidth: quarter ? height : shownWidth,
      displayHeight: quarter ? shownWidth : height,
      fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
      rotation,
      pixelFormat: typeof video.pix_fmt === 'string' ? video.pix_fmt : null,
      interlaced: ['tt', 'bb', 'tb', 'bt'].includes(String(video.field_order)),
    };
  }

  return {
    class: expected,
    container: formatName,
    duration,
    size,
    bitRate: num(raw.format.bit_rate),
    video: videoInfo,
    audio: audio
      ? { codec: String(audio.codec_name), channels: num(audio.channels) ?? 0, sampleRate: num(audio.sample_rate) ?? 0, loudness: null }
      : null,
    pages: null,
    tags,
  };
}

/**
 * ffprobe's raw error text (all of it) for files it cannot open, turned into one cause people
 * understand. `head` is the file's first bytes: ffmpeg picks the MP4 reader from the extension,
 * so a text file named .mp4 also ends in "moov atom not found"; only a real MP4 starts with `ftyp`.
 */
export function explainProbeFailure(message: string, head: Buffer = Buffer.alloc(0)): string {
  if (looksLikeText(head)) return 'not a media file: it contains text (wrong file or wrong extension?)';
  const isMp4 = head.subarray(4, 8).toString('latin1') === 'ftyp';
  if (/moov atom not found/i.test(message)) {
    return isMp4 ? 'truncated or incomplete MP4 (no moov atom): the upload or export did not finish' : 'not a media file ffmpeg can read (no MP4 structure)';
  }
  if (/Invalid data found/i.test(message)) return 'not a media file ffmpeg can read (invalid data)';
  if (/No such file/i.test(message)) return 'file not found';
  const lines = message.trim().split('\n').filter((line) => line.trim() && !/^ffprobe exited/.test(line));
  return lines.pop()?.trim() ?? message;
}

/** Printable UTF-8 with line breaks and no control bytes: a document, a note, an HTML error page… */
function looksLikeText(head: Buffer): boolean {
  if (head.length < 16) return false;
  const text = head.toString('utf8');
  return !text.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F]/.test(text);
}

/** "4:3" → 1.333; absent, "0:1" or "1:1" → 1. */
function sampleAspect(value: unknown): number {
  const [a, b] = typeof value === 'string' ? value.split(':').map(Number) : [];
  return a && b && a > 0 && b > 0 ? a / b : 1;
}

const even = (value: number): number => Math.max(2, Math.round(value / 2) * 2);

function lowerKeys(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
