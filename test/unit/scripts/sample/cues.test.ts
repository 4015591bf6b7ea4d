import { describe, expect, it } from 'vitest';
import {
  MAX_CUE_SECONDS, MAX_LINE_CHARS, MAX_LINES, MIN_CUE_SECONDS, buildCues, formatSrt, formatVtt, sentenceCues, tokenize,
} from '../../../../scripts/sample/cues.js';
import {
  PITCH, PODCASTS, ROUND_TABLE, SLIDE_TALKS, type Section,
} from '../../../../scripts/sample/texts.js';

/** Every spoken section of every recording. */
const ALL_SECTIONS: Section[] = [
  ...SLIDE_TALKS.flatMap((talk) => talk.slides),
  ...ROUND_TABLE.turns,
  ...PODCASTS.flatMap((podcast) => podcast.turns),
  ...PITCH.cards,
];
const ALL_SENTENCES = ALL_SECTIONS.flatMap((section) => section.sentences);

describe('caption cues', () => {
  it('keeps French punctuation with its word', () => {
    expect(tokenize('Pourquoi ouvrir ? « Un commun » : oui')).toEqual(['Pourquoi', 'ouvrir ?', '« Un', 'commun » :', 'oui']);
  });

  it('respects line, cue length and duration rules for every sentence at realistic speaking rates', () => {
    for (const charsPerSecond of [12, 17, 22]) {
      let start = 0.5;
      const timed = ALL_SENTENCES.map((text) => {
        const sentence = { text, start, end: start + text.length / charsPerSecond };
        start = sentence.end + 0.45;
        return sentence;
      });
      const cues = buildCues(timed, start);
      let previousEnd = 0;
      for (const cue of cues) {
        expect(cue.lines.length).toBeLessThanOrEqual(MAX_LINES);
        for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
        expect(cue.end - cue.start).toBeGreaterThanOrEqual(MIN_CUE_SECONDS - 0.001);
        expect(cue.end - cue.start).toBeLessThanOrEqual(MAX_CUE_SECONDS);
        expect(cue.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = cue.end;
      }
      // Nothing is lost or reordered: the cues spell out the sentences.
      expect(cues.map((cue) => cue.lines.join(' ')).join(' ')).toBe(ALL_SENTENCES.join(' '));
    }
  });

  it('splits a long sentence in proportion to characters within its spoken time', () => {
    const text = 'Chaque trimestre, nous invitons des personnes qui utilisent un lecteur d’écran, une loupe d’écran ou la commande vocale.';
    const cues = sentenceCues({ text, start: 10, end: 17 });
    expect(cues.length).toBe(2);
    expect(cues[0]!.start).toBe(10);
    expect(cues[1]!.end).toBe(17);
    expect(cues[0]!.end).toBe(cues[1]!.start);
    expect(Math.abs(cues[0]!.end - 13.5)).toBeLessThan(0.6);
  });

  it('lets a very short sentence borrow the following silence, up to the limit', () => {
    expect(sentenceCues({ text: 'Merci.', start: 3, end: 3.4 }, 5)[0]).toMatchObject({ start: 3, end: 4 });
    expect(sentenceCues({ text: 'Merci.', start: 3, end: 3.4 }, 3.7)[0]).toMatchObject({ start: 3, end: 3.7 });
  });

  it('writes WebVTT with voice spans and SRT with numbered blocks', () => {
    const cues = [{ start: 0.3, end: 1.772, lines: ['Bienvenue à cette table ronde.'], speaker: 'Nadia Rahmani' }];
    expect(formatVtt(cues)).toBe('WEBVTT\n\n00:00:00.300 --> 00:00:01.772\n<v Nadia Rahmani>Bienvenue à cette table ronde.\n');
    expect(formatSrt([{ start: 3661.5, end: 3663, lines: ['a', 'b'] }])).toBe('1\n01:01:01,500 --> 01:01:03,000\na\nb\n');
  });
});
