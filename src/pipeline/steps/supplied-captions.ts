import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Step, TrackRef } from '../step.js';

const LANGUAGE_LABELS: Record<string, string> = {
  fr: 'Français', en: 'English', de: 'Deutsch', es: 'Español', it: 'Italiano', br: 'Brezhoneg', oc: 'Occitan', eu: 'Euskara', ca: 'Català',
};

export function languageLabel(language: string): string {
  return LANGUAGE_LABELS[language.split('-')[0] ?? language] ?? language;
}

/**
 * Captions supplied with the programme are stored exactly as given (text/<lang>.<ext>);
 * normalising and indexing them is a later step's job, which keeps this one lossless.
 */
export const suppliedCaptionsStep: Step = {
  name: 'supplied-captions',
  version: 1,
  applies: (item) => item.captions.length > 0,
  async run(ctx) {
    await mkdir(path.join(ctx.outDir, 'text'), { recursive: true });
    const tracks: TrackRef[] = [];
    const seen = new Set<string>();
    for (const caption of ctx.item.captions) {
      const format = caption.path.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt';
      const rel = `text/${caption.language}.${format}`;
      if (seen.has(rel)) continue; // one track per language and format: the programme's first wins
      seen.add(rel);
      await copyFile(caption.path, path.join(ctx.outDir, rel));
      tracks.push({ kind: 'captions', language: caption.language, label: languageLabel(caption.language), path: rel, format, origin: 'supplied' });
    }
    return { tracks };
  },
};

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
