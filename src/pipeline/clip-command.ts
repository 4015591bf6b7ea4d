import type { FfmpegCommand } from '../ports/media-tool.js';

/** What a clip file says about itself (read back by ffprobe as format tags). */
export interface ClipTags {
  title: string;
  /** The speakers, as the credit names them. */
  artist: string;
  /** ISO 8601 date of the talk; empty when unknown. */
  date: string;
  /** The licence's identifier and URL. */
  copyright: string;
  /** The attribution text to paste under the clip. */
  comment: string;
}

export interface ClipCommandInput {
  /** Local path or http(s) URL of the stored MP4/M4A. */
  source: string;
  output: string;
  /** Seek point (a keyframe of the source, see SeekPointReader) and length, seconds. */
  start: number;
  length: number;
  kind: 'video' | 'audio';
  tags: ClipTags;
  /** A WebVTT file already cut to the clip (0 = `start`), muxed as a mov_text track; video only. */
  captions: { path: string; language: string } | null;
}

/**
 * The stream copy of one range: `-ss` before `-i` seeks to the keyframe `start` exactly (so the
 * copy begins there with no hidden pre-roll), `-t` stops after `length`; nothing is re-encoded.
 * The source's own tags are dropped (`-map_metadata -1`) and ours written; moov first
 * (`+faststart`) so a browser plays the clip before it has all arrived.
 */
export function clipCommand(input: ClipCommandInput): FfmpegCommand {
  const inputs = [{ path: input.source, options: ['-ss', seconds(input.start)] }];
  const maps = input.kind === 'video' ? ['-map', '0:v:0', '-map', '0:a:0?'] : ['-map', '0:a:0'];
  const options = [...maps, '-t', seconds(input.length), '-c', 'copy', '-map_metadata', '-1', '-map_chapters', '-1'];
  if (input.kind === 'video' && input.captions) {
    inputs.push({ path: input.captions.path, options: ['-f', 'webvtt'] });
    options.push('-map', '1:0', '-c:s', 'mov_text', '-metadata:s:s:0', `language=${iso6392(input.captions.language)}`);
  }
  for (const [name, value] of Object.entries(input.tags)) if (value !== '') options.push('-metadata', `${name}=${value}`);
  options.push('-movflags', '+faststart', '-f', input.kind === 'video' ? 'mp4' : 'ipod');
  return { inputs, outputs: [{ path: input.output, options }], duration: input.length };
}

// MP4 tracks name their language in ISO 639-2/T; the conference's languages, else "und".
const ISO_639_2: Readonly<Record<string, string>> = {
  fr: 'fra', en: 'eng', de: 'deu', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', ar: 'ara', br: 'bre', oc: 'oci', ca: 'cat', eu: 'eus', co: 'cos',
};

function iso6392(tag: string): string {
  return ISO_639_2[tag.split('-')[0]?.toLowerCase() ?? ''] ?? 'und';
}

/** Microseconds are what ffmpeg's time options hold; more digits would be rounded anyway. */
function seconds(value: number): string {
  return value.toFixed(6);
}
