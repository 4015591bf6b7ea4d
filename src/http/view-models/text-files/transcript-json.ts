import type { Cue, PassageSource } from '../../../domain/text.js';
import type { TextSource } from './text-source.js';
import type { TranscriptDocument, TranscriptFileParagraph } from './transcript-document.js';

/** The transcript as data: its provenance, the paragraphs a person reads, the cues with their exact times. */
export interface TranscriptJson {
  source: {
    id: string;
    title: string;
    speakers: TextSource['speakers'];
    edition: TextSource['edition'];
    date: string | null;
    url: string;
    licence: TextSource['licence'];
    attribution: string;
    language: string;
    reviewed: boolean;
    origin: PassageSource;
    /** The sentence the other formats write about it, in `labelsLanguage`. */
    note: string;
    labelsLanguage: string;
  };
  paragraphs: TranscriptFileParagraph[];
  cues: Cue[];
}

export function transcriptJson(doc: TranscriptDocument): TranscriptJson {
  const { source } = doc;
  return {
    source: {
      id: source.id,
      title: source.title,
      speakers: source.speakers,
      edition: source.edition,
      date: source.date,
      url: source.url,
      licence: source.licence,
      attribution: source.attribution,
      language: source.language,
      reviewed: source.reviewed,
      origin: source.source,
      note: source.note,
      labelsLanguage: source.locale,
    },
    paragraphs: doc.paragraphs,
    cues: doc.cues.map((cue) => ({ start: cue.start, end: cue.end, speaker: cue.speaker, text: cue.text })),
  };
}
