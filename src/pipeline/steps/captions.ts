import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaptionInput } from '../../domain/item.js';
import { languageLabel } from '../../domain/language.js';
import { primaryLanguage } from '../../domain/text.js';
import { importCaptions } from '../captions/index.js';
import type { DownloadRef, Step, StepContext, StepResult, TrackRef, TranscriptRef } from '../step.js';

/**
 * Captions supplied with the programme (WebVTT or SRT, one file per language): validated,
 * normalised and stored as the item's reviewed transcript in three forms (our own WebVTT, plain
 * text, JSON with times), plus the original bytes for the record. A malformed file is left out
 * with one warning naming its line; the item is published without it.
 */
export const captionsStep: Step = {
  name: 'captions',
  version: 3,
  reads: ['captions'],
  needs: [],
  applies: (item) => item.captions.length > 0,
  wanted: (item) => item.captions.length > 0,
  // Not in the files, but in this step's result: the track kind (captions in the item's language,
  // subtitles in others). A change of language must run the step again.
  embeds: (item) => item.language,
  async run(ctx: StepContext): Promise<StepResult> {
    const result: CaptionResults = { transcripts: [], tracks: [], downloads: [], warnings: [] };
    // The programme allows one file per language, so each language's paths are written once.
    for (const caption of ctx.item.captions) await importOne(ctx, caption, result);
    return Object.fromEntries(Object.entries(result).filter(([, list]) => list.length > 0));
  },
};

type CaptionResults = Required<Pick<StepResult, 'transcripts' | 'tracks' | 'downloads' | 'warnings'>>;

/** Imports one file into `result`, or adds the warning that leaves it out. */
async function importOne(ctx: StepContext, caption: CaptionInput, result: CaptionResults): Promise<void> {
  const bytes = await readFile(caption.path);
  const outcome = importCaptions({ name: caption.declared, language: caption.language, bytes });
  if (outcome.status === 'refused') {
    result.warnings.push(`${outcome.error}; captions left out`);
    return;
  }
  result.warnings.push(...outcome.warnings);
  if (outcome.status === 'empty') return;

  const language = caption.language;
  const files = {
    vtt: `text/${language}.vtt`,
    txt: `text/${language}.txt`,
    json: `text/transcript-${language}.json`,
    original: `originals/captions-${language}.${outcome.format}`,
  };
  await mkdir(path.join(ctx.outDir, 'text'), { recursive: true });
  await mkdir(path.join(ctx.outDir, 'originals'), { recursive: true });
  await writeFile(path.join(ctx.outDir, files.vtt), outcome.vtt);
  await writeFile(path.join(ctx.outDir, files.txt), outcome.txt);
  await writeFile(path.join(ctx.outDir, files.json), `${JSON.stringify(outcome.transcript)}\n`);
  await writeFile(path.join(ctx.outDir, files.original), bytes);

  const transcript: TranscriptRef = {
    language, source: 'captions-reviewed', json: files.json, vtt: files.vtt, txt: files.txt,
    cues: outcome.transcript.cues.length, words: outcome.words,
  };
  const label = languageLabel(language);
  const inItemLanguage = primaryLanguage(language) === primaryLanguage(ctx.item.language);
  const track: TrackRef = { kind: inItemLanguage ? 'captions' : 'subtitles', language, label, path: files.vtt, format: 'vtt', origin: 'reviewed' };
  const download = (file: string, what: string, format: DownloadRef['format']): DownloadRef => ({
    path: file, label: `${what} — ${label}`, format, width: null, height: null, loudness: null,
  });
  result.transcripts.push(transcript);
  result.tracks.push(track);
  result.downloads.push(download(files.vtt, 'Sous-titres WebVTT', 'vtt'), download(files.txt, 'Transcription texte', 'txt'));
}

