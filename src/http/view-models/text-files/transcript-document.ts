import type { Cue, TranscriptFile } from '../../../domain/text.js';
import { translate } from '../../i18n/messages.js';
import { paragraphsOf } from '../transcript.js';
import type { TextSource } from './text-source.js';

/** A paragraph as the files write it: the page's grouping (speaker turns, 20–40 s), its words joined. */
export interface TranscriptFileParagraph {
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

/** Everything a transcript file is made of: its provenance, the paragraphs to read, the cues to time. */
export interface TranscriptDocument {
  source: TextSource;
  paragraphs: TranscriptFileParagraph[];
  cues: Cue[];
}

export function transcriptDocument(source: TextSource, file: TranscriptFile): TranscriptDocument {
  const paragraphs = paragraphsOf(file.cues).map((p) => ({ start: round(p.start), end: round(p.end), speaker: p.speaker, text: p.texts.join(' ') }));
  return { source, paragraphs, cues: file.cues };
}

/** "Jeanne Martin : texte" (French) / "Jeanne Martin: text": a paragraph's words after its speaker. */
export function saidBy(source: TextSource, speaker: string, text: string): string {
  return translate(source.locale, 'textFile.said', { speaker, text });
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
