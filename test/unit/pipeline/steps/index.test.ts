import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import { podcastTags } from '../../../../src/pipeline/podcast-commands.js';
import { allSteps as everyStep } from '../../../../src/pipeline/steps/index.js';

const item = {
  id: '2025-lyon-mediation', title: 'Médiation numérique et IA', language: 'fr',
  edition: { label: '2025 Lyon', year: 2025, city: 'Lyon', slug: '2025-lyon' },
  speakers: [{ name: 'Camille Martin', slug: 'camille-martin' }],
} as ProgrammeItem;

const allSteps = everyStep();
const embedsOf = (name: string): unknown => allSteps.find((step) => step.name === name)?.embeds?.(item);

describe('what steps write into their files (embeds)', () => {
  it('declares the programme metadata drawn, tagged or named in the outputs', () => {
    expect(embedsOf('podcast-audio')).toEqual(podcastTags(item));
    expect(embedsOf('talk-audio')).toEqual(podcastTags(item)); // the MP3 of a talk is tagged like a podcast
    expect(embedsOf('cover')).toEqual({ title: 'Médiation numérique et IA', edition: '2025 Lyon' });
    expect(embedsOf('transcode-video')).toBe('fr');
    expect(embedsOf('audio-description')).toBe('fr');
    expect(embedsOf('chapters')).toBe('fr');
    expect(embedsOf('captions')).toBe('fr'); // captions in the item's language, subtitles in others
    expect(embedsOf('transcribe')).toBe('fr'); // the language recognised, and the track's
    // The OCR model is chosen by language, and the text files record it.
    expect(embedsOf('slide-ocr')).toBe('fr');
    expect(embedsOf('document-text')).toBe('fr');
    expect(embedsOf('slide-deck-text')).toBe('fr');
  });

  // Anything more would re-encode every item after an edit that changes none of its files.
  it('declares nothing for the steps whose files carry no programme metadata', () => {
    const declaring = allSteps.filter((step) => step.embeds !== undefined).map((step) => step.name).sort();
    expect(declaring).toEqual([
      'audio-description', 'captions', 'chapters', 'cover', 'document-text', 'podcast-audio', 'slide-deck-text', 'slide-ocr', 'talk-audio', 'transcode-video', 'transcribe',
    ]);
  });
});
