import { describe, expect, it } from 'vitest';
import { importCaptions, normaliseCues, type PlainCue } from '../../../../src/pipeline/captions/index.js';

const cue = (start: number, end: number, text: string, speaker: string | null = null): PlainCue => ({ start, end, text, speaker });

describe('cue normalisation', () => {
  it('sorts cues by start', () => {
    const { cues, changes } = normaliseCues([cue(5, 6, 'C'), cue(1, 2, 'A'), cue(3, 4, 'B')]);
    expect(cues.map((c) => c.text)).toEqual(['A', 'B', 'C']);
    expect(changes).toEqual([]);
  });

  it('ends an earlier cue where the next begins', () => {
    const { cues, changes } = normaliseCues([cue(1, 4, 'A'), cue(3, 6, 'B'), cue(5.5, 7, 'C')]);
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 3, 'A'], [3, 5.5, 'B'], [5.5, 7, 'C']]);
    expect(changes).toEqual(['2 overlapping cues shortened']);
  });

  it('drops empty cues and duplicates, merges simultaneous cues, drops unreadably short ones', () => {
    const { cues, changes } = normaliseCues([
      cue(1, 3, 'A'),
      cue(1, 3, 'A'), // the same cue twice: an export glitch
      cue(4, 6, 'Nadia parle', 'Nadia'),
      cue(4.1, 6, 'Paul répond', 'Paul'), // two speakers at once
      cue(7, 8, ''),
      cue(9, 9.1, 'flash'),
    ]);
    expect(cues).toEqual([
      { start: 1, end: 3, text: 'A', speaker: null },
      { start: 4, end: 6, text: 'Nadia parle\nPaul: Paul répond', speaker: 'Nadia' },
    ]);
    expect(changes).toEqual(['1 empty cue dropped', '1 simultaneous cue merged into the next', '2 cues too short to read dropped']);
  });

  it('rounds times to the millisecond', () => {
    expect(normaliseCues([cue(1.00049, 2.0004, 'A')]).cues[0]).toMatchObject({ start: 1, end: 2 });
  });

  it('reports what it changed in the file’s warning, and sorts a file given out of order', () => {
    const vtt = 'WEBVTT\n\n00:00:05.000 --> 00:00:07.000\nB\n\n00:00:01.000 --> 00:00:06.000\nA\n';
    const outcome = importCaptions({ name: 'x.vtt', language: 'fr', bytes: Buffer.from(vtt) });
    expect(outcome.status === 'imported' && outcome.transcript.cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 5, 'A'], [5, 7, 'B']]);
    expect(outcome.status === 'imported' && outcome.warnings).toEqual(['x.vtt: repaired — line 6: cues out of order (sorted); 1 overlapping cue shortened']);
  });
});
