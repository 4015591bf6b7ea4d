import { parse } from 'csv-parse/sync';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../src/domain/item.js';
import { LICENCE_IDS } from '../../src/domain/licence.js';
import {
  MAX_CUE_SECONDS, MAX_LINE_CHARS, MAX_LINES, MIN_CUE_SECONDS, buildCues, formatSrt, formatVtt, sentenceCues, tokenize,
} from '../../scripts/sample/cues.js';
import { fitToFont } from '../../scripts/sample/pdf.js';
import { SLIDE_BULLET_CHARS, SLIDE_TITLE_CHARS, wrapWords } from '../../scripts/sample/pictures.js';
import { PROGRAMME_COLUMNS, itemId, programmeCsv, programmeRow } from '../../scripts/sample/programme.js';
import {
  ALL_ITEMS, MAGAZINE, PITCH, PODCASTS, ROUND_TABLE, SLIDE_TALKS, selectSections, type Section,
} from '../../scripts/sample/texts.js';

const THEMES = ['Médiation numérique', 'Accessibilité', 'Communs & souveraineté', 'Données & IA', 'Écologie du numérique'];

/** Every spoken section of every recording. */
const ALL_SECTIONS: Section[] = [
  ...SLIDE_TALKS.flatMap((talk) => talk.slides),
  ...ROUND_TABLE.turns,
  ...PODCASTS.flatMap((podcast) => podcast.turns),
  ...PITCH.cards,
];
const ALL_SENTENCES = ALL_SECTIONS.flatMap((section) => section.sentences);

describe('sample texts', () => {
  it('describes eight items of known kinds, themes and licences, with unique ids', () => {
    expect(ALL_ITEMS).toHaveLength(8);
    for (const item of ALL_ITEMS) {
      expect(ITEM_KINDS).toContain(item.kind);
      expect(LICENCE_IDS).toContain(item.licence);
      for (const theme of item.themes) expect(THEMES).toContain(theme);
      expect(item.speakers.length).toBeGreaterThan(0);
      expect(item.date).toMatch(/^2025-10-(29|30)$/);
    }
    expect(ALL_ITEMS.filter((item) => item.kind === 'talk').length).toBeGreaterThanOrEqual(2);
    expect(new Set(ALL_ITEMS.map((item) => item.licence)).size).toBe(LICENCE_IDS.length);
    expect(new Set(ALL_ITEMS.map(itemId)).size).toBe(8);
    expect(itemId(SLIDE_TALKS[0]!)).toBe('2025-strasbourg-mediation-numerique-et-intelligence-artificielle-accompagner');
  });

  it('keeps slide text within what a 1080p slide shows in large type', () => {
    for (const slide of SLIDE_TALKS.flatMap((talk) => talk.slides)) {
      expect(wrapWords(slide.title, SLIDE_TITLE_CHARS).length).toBeLessThanOrEqual(2);
      expect(slide.bullets.length).toBeGreaterThanOrEqual(3);
      expect(slide.bullets.length).toBeLessThanOrEqual(4);
      for (const bullet of slide.bullets) expect(bullet.length).toBeLessThanOrEqual(SLIDE_BULLET_CHARS);
    }
  });

  it('has a translation for every sentence of subtitled talks and a description for every described slide', () => {
    for (const talk of SLIDE_TALKS) {
      for (const slide of talk.slides) {
        if (talk.englishSubtitles) expect(slide.en).toHaveLength(slide.sentences.length);
        if (talk.audioDescription) expect(slide.description?.length).toBeGreaterThan(20);
      }
    }
  });

  it('opens the first two sections with short sentences, so short mode gives 2–5 s recordings', () => {
    const openers = [SLIDE_TALKS.map((talk) => talk.slides), [ROUND_TABLE.turns], PODCASTS.map((p) => p.turns), [PITCH.cards]]
      .flat()
      .map((sections) => selectSections(sections, true));
    for (const sections of openers) {
      expect(sections).toHaveLength(2);
      const chars = sections.reduce((sum, section) => sum + (section.sentences[0]?.length ?? 0), 0);
      // espeak-ng at 160 words per minute says about 17 characters per second.
      expect(chars).toBeLessThanOrEqual(80);
    }
  });

  it('uses only characters the magazine font can encode', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const text = [MAGAZINE.title, ...MAGAZINE.pages.flatMap((page) => [page.title, ...page.paragraphs, ...page.keyPoints])].join(' ');
    expect(fitToFont(text, font)).toBe(text);
    expect(fitToFont('Espace\u202finsécable : « œuvre » ç à ☃', font)).toBe('Espace insécable : « œuvre » ç à ?');
  });
});

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

describe('programme CSV', () => {
  it('round-trips through a CSV parser with the documented columns', () => {
    const rows = ALL_ITEMS.map((item) => programmeRow(item, { media: `${item.file}.mp4`, captions: [{ language: 'fr', path: 'a.vtt' }] }));
    const parsed = parse(programmeCsv(rows), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0]!)).toEqual([...PROGRAMME_COLUMNS]);
    expect(parsed).toHaveLength(8);
    expect(parsed.map((row) => row.title)).toEqual(ALL_ITEMS.map((item) => item.title));
    expect(parsed[3]!.speakers).toBe("Nadia Rahmani (Collectif Communs d'Alsace); Paul Meyer (Syndicat intercommunal du numérique)");
    expect(parsed.filter((row) => row.id !== '').map((row) => row.id)).toEqual([
      '2025-strasbourg-atelier-donnees-ouvertes', '2025-strasbourg-pitch-reemploi',
    ]);
  });
});
