import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../domain/text-encoding.js';
import type { Step, TrackRef } from '../step.js';

const LANGUAGE_LABELS: Record<string, string> = {
  fr: 'Français', en: 'English', de: 'Deutsch', es: 'Español', it: 'Italiano', br: 'Brezhoneg', oc: 'Occitan', eu: 'Euskara', ca: 'Català',
};

export function languageLabel(language: string): string {
  return LANGUAGE_LABELS[language.split('-')[0] ?? language] ?? language;
}

/**
 * Captions supplied with the programme, stored as given (text/<lang>.<vtt|srt>) but in UTF-8 and
 * under the format their content shows (an SRT named ".vtt" stays SRT): normalising and indexing
 * them is a later step's job. A file that is neither WebVTT nor SRT is left out with a warning;
 * the recording is published without it.
 */
export const suppliedCaptionsStep: Step = {
  name: 'supplied-captions',
  version: 2,
  applies: (item) => item.captions.length > 0,
  async run(ctx) {
    await mkdir(path.join(ctx.outDir, 'text'), { recursive: true });
    const tracks: TrackRef[] = [];
    const warnings: string[] = [];
    const seen = new Set<string>();
    for (const caption of ctx.item.captions) {
      const { text, converted } = decodeText(await readFile(caption.path));
      const format = captionFormat(text);
      if (!format) {
        warnings.push(`${caption.declared}: not a WebVTT or SRT caption file (it starts with "${firstLine(text)}"); left out`);
        continue;
      }
      const rel = `text/${caption.language}.${format}`;
      if (seen.has(rel)) continue; // one track per language and format: the programme's first wins
      seen.add(rel);
      if (converted) warnings.push(`${caption.declared}: converted from Windows-1252 to UTF-8`);
      await writeFile(path.join(ctx.outDir, rel), text);
      tracks.push({ kind: 'captions', language: caption.language, label: languageLabel(caption.language), path: rel, format, origin: 'supplied' });
    }
    return { tracks, ...(warnings.length ? { warnings } : {}) };
  },
};

/** WebVTT starts with "WEBVTT"; SRT with a cue number then "00:00:01,000 --> …". */
export function captionFormat(text: string): 'vtt' | 'srt' | null {
  if (/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(text)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(text)) return 'srt';
  return null;
}

function firstLine(text: string): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
  return (line.length > 40 ? `${line.slice(0, 40)}…` : line).replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** The slides PDF of a talk, offered for download beside the recording. */
export const slidesStep: Step = {
  name: 'slides',
  version: 1,
  applies: (item) => item.slides !== null,
  async run(ctx) {
    const slides = ctx.item.slides;
    if (!slides) return {};
    const rel = `download/${ctx.item.id}-slides.pdf`;
    await mkdir(path.join(ctx.outDir, 'download'), { recursive: true });
    await copyFile(slides.path, path.join(ctx.outDir, rel));
    return { slides: { path: rel } };
  },
};
