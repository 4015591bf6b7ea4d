import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/domain/text.js';
import { breakLines, CAPTION_RULES, layoutCaptions, wordsOfSegments, type LayoutWord, type SpeechSegment } from '../../../src/pipeline/caption-layout.js';

const TALK =
  "Bonjour à toutes et à tous. Voici ce que nous voyons au guichet : des courriers rédigés par un robot conversationnel, " +
  "des informations fausses mais très assurées, et beaucoup de confiance aveugle. Les agents d'accueil sont rarement formés " +
  "à ces outils. Que faire ? D'abord écouter, ensuite vérifier ensemble, enfin expliquer sans juger.";

/** Words spoken at a steady pace (about three a second), with a pause after each sentence. */
function spoken(text: string, start = 0.5, wordsPerSecond = 3): LayoutWord[] {
  let at = start;
  return text.split(' ').map((word) => {
    const duration = Math.max(0.12, word.length / (wordsPerSecond * 5));
    const timed = { text: word, start: at, end: at + duration };
    at += 1 / wordsPerSecond + (/[.?!]$/.test(word) ? 0.6 : 0);
    return timed;
  });
}

/**
 * Every caption convention, on any output. The minimum duration holds whenever the media leaves
 * a second per cue (more words than that in less time can only share it).
 */
function expectConventions(cues: readonly Cue[], mediaEnd: number): void {
  const roomForMinimum = cues.length * CAPTION_RULES.minSeconds <= mediaEnd;
  let previousEnd = 0;
  let previousStart = -1;
  for (const cue of cues) {
    const lines = cue.text.split('\n');
    expect(lines.length, cue.text).toBeLessThanOrEqual(CAPTION_RULES.maxLines);
    for (const line of lines) {
      expect([...line].length, line).toBeLessThanOrEqual(CAPTION_RULES.maxLineLength);
      expect(line.trim()).toBe(line);
      expect(line).not.toBe('');
    }
    const duration = cue.end - cue.start;
    if (roomForMinimum) expect(duration, JSON.stringify(cue)).toBeGreaterThanOrEqual(CAPTION_RULES.minSeconds - 1e-9);
    expect(duration, JSON.stringify(cue)).toBeLessThanOrEqual(CAPTION_RULES.maxSeconds + 1e-9);
    expect(duration).toBeGreaterThan(0);
    expect(cue.start, 'no overlap').toBeGreaterThanOrEqual(previousEnd - 1e-9);
    expect(cue.start, 'in order').toBeGreaterThan(previousStart);
    expect(cue.end).toBeLessThanOrEqual(mediaEnd + 1e-9);
    expect(cue.speaker).toBeNull();
    previousEnd = cue.end;
    previousStart = cue.start;
  }
}

const wordsOf = (cues: readonly Cue[]): string[] => cues.flatMap((c) => c.text.split(/\s+/));

describe('breakLines', () => {
  it('keeps a short caption on one line', () => {
    expect(breakLines(['Bonjour', 'à', 'toutes', 'et', 'à', 'tous.'])).toEqual(['Bonjour à toutes et à tous.']);
  });

  it('balances two lines rather than filling the first', () => {
    const lines = breakLines('Voici ce que nous voyons au guichet chaque matin depuis deux ans'.split(' '));
    expect(lines).toHaveLength(2);
    const [top = '', bottom = ''] = lines ?? [];
    expect(Math.abs(top.length - bottom.length)).toBeLessThanOrEqual(8);
    expect(`${top} ${bottom}`).toBe('Voici ce que nous voyons au guichet chaque matin depuis deux ans');
  });

  it('says when words do not fit on two lines of 42 characters', () => {
    expect(breakLines('x'.repeat(30).split('').map(() => 'médiation'))).toBeNull();
  });
});

describe('layoutCaptions', () => {
  it('lays a talk out in cues that follow every convention and keep every word in order', () => {
    const words = spoken(TALK);
    const mediaEnd = (words[words.length - 1]?.end ?? 0) + 2;
    const cues = layoutCaptions(words, mediaEnd);
    expectConventions(cues, mediaEnd);
    expect(wordsOf(cues)).toEqual(TALK.split(' '));
    expect(cues.length).toBeGreaterThan(4);
  });

  it('starts a new cue at the end of a sentence and after a pause', () => {
    const cues = layoutCaptions(
      [...spoken('Bonjour à toutes et à tous. Voici ce que nous voyons.'), ...spoken('Ensuite.', 8)],
      12,
    );
    expect(cues.map((c) => c.text)).toEqual(['Bonjour à toutes et à tous.', 'Voici ce que nous voyons.', 'Ensuite.']);
  });

  it('holds a lone short word for a second without running into the next cue', () => {
    const cues = layoutCaptions([{ text: 'Merci.', start: 2, end: 2.3 }, { text: 'Bien.', start: 2.8, end: 3 }], 10);
    expectConventions(cues, 10);
    expect(cues[0]).toMatchObject({ start: 2, end: 3 });
  });

  it('splits what lasts longer than seven seconds', () => {
    const slow = spoken('Nous allons parler longuement de médiation numérique aujourd’hui', 0, 0.8);
    const cues = layoutCaptions(slow, 20);
    expectConventions(cues, 20);
    expect(cues.length).toBeGreaterThan(1);
  });

  it('cuts a word longer than a line (an address) into line-sized pieces', () => {
    const url = 'https://www.numerique-en-commun.fr/ressources/mediation-et-intelligence-artificielle';
    const cues = layoutCaptions([{ text: url, start: 1, end: 3 }], 5);
    expectConventions(cues, 5);
    expect(cues.map((c) => c.text.replace(/\n/g, '')).join('')).toBe(url);
  });

  it('keeps the rules for words crowded against the end of the media', () => {
    const words = spoken('Un dernier mot avant de partir. Merci. Au revoir.', 0.2, 6);
    const mediaEnd = 3.2;
    const cues = layoutCaptions(words, mediaEnd);
    expectConventions(cues, mediaEnd);
    expect(wordsOf(cues)).toEqual('Un dernier mot avant de partir. Merci. Au revoir.'.split(' '));
  });

  it('gives nothing for no words', () => {
    expect(layoutCaptions([], 10)).toEqual([]);
  });

  it('holds the rules on arbitrary (even absurd) timings, as an untrained model gives', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const mediaEnd = 1 + random() * 60;
      const words: LayoutWord[] = Array.from({ length: Math.floor(random() * 80) }, () => {
        const start = random() * mediaEnd * 1.2;
        return { text: ['la', 'médiation', 'numérique,', 'ensemble.', 'données', 'ouvertes ?'][Math.floor(random() * 6)] as string, start, end: start + random() * 9 - 1 };
      });
      const segments: SpeechSegment[] = [{ start: 0, end: mediaEnd, text: words.map((w) => w.text).join(' '), words }];
      expectConventions(layoutCaptions(wordsOfSegments(segments, mediaEnd), mediaEnd), mediaEnd);
    }
  });
});

describe('wordsOfSegments', () => {
  it('shares a segment among its words by length when the engine gives no word times', () => {
    const words = wordsOfSegments([{ start: 10, end: 12, text: ' Bonjour à tous.', words: null }], 60);
    expect(words.map((w) => w.text)).toEqual(['Bonjour', 'à', 'tous.']);
    expect(words[0]?.start).toBe(10);
    expect(words[2]?.end).toBeCloseTo(12);
    expect(words[1]?.start).toBeGreaterThan(words[0]?.start ?? Infinity);
  });

  it('never goes back in time and stays within the media', () => {
    const words = wordsOfSegments([
      { start: 5, end: 8, text: 'b', words: [{ text: 'b', start: 5, end: 40 }] },
      { start: 1, end: 3, text: 'a', words: [{ text: 'a', start: 1, end: 3 }] },
    ], 20);
    expect(words).toEqual([{ text: 'a', start: 1, end: 3 }, { text: 'b', start: 5, end: 20 }]);
  });
});
