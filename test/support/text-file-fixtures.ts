import type { Manifest } from '../../src/domain/manifest.js';
import type { TranscriptFile } from '../../src/domain/text.js';
import { manifestOf } from './manifest-factory.js';

/**
 * A talk and its transcript for the text-file renderers: two speakers, markup-like and
 * Markdown-like characters in the title and the words, a cue over two lines, a cue without a
 * speaker, an empty cue, a "-->" in a sentence.
 */
export const ORIGIN = 'https://archives.example.org';

export function sampleTalk(overrides: Partial<Parameters<typeof manifestOf>[0]> = {}): Manifest {
  return manifestOf({
    id: '2025-strasbourg-ia-mediation',
    title: 'IA *et* médiation <b>[1]</b> #communs',
    speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Ali Ben' }],
    edition: '2025 Strasbourg',
    date: '2025-10-29',
    licence: 'CC-BY-SA-4.0',
    duration: 900,
    ...overrides,
  });
}

export function sampleTranscript(overrides: Partial<TranscriptFile> = {}): TranscriptFile {
  return {
    version: 1,
    language: 'fr',
    source: 'captions-reviewed',
    cues: [
      { start: 0, end: 4.25, text: 'Bonjour à toutes et à tous.', speaker: 'Jeanne Martin' },
      { start: 4.25, end: 9.5, text: 'Parlons du *guichet*\nnumérique & de <script>.', speaker: 'Jeanne Martin' },
      { start: 9.5, end: 12, text: '', speaker: null },
      { start: 754.123, end: 760, text: 'Merci Jeanne --> à vous.', speaker: 'Ali Ben' },
      { start: 760, end: 765.5, text: 'Une question [au fond] ?', speaker: null },
    ],
    ...overrides,
  };
}
