import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../../../src/domain/item.js';
import { LICENCE_IDS } from '../../../../src/domain/licence.js';
import { fitToFont } from '../../../../scripts/sample/pdf.js';
import { SLIDE_BULLET_CHARS, SLIDE_TITLE_CHARS, wrapWords } from '../../../../scripts/sample/pictures.js';
import { itemId } from '../../../../scripts/sample/programme.js';
import {
  ALL_ITEMS, MAGAZINE, PITCH, PODCASTS, ROUND_TABLE, SLIDE_TALKS, selectSections,
} from '../../../../scripts/sample/texts.js';

const THEMES = ['Médiation numérique', 'Accessibilité', 'Communs & souveraineté', 'Données & IA', 'Écologie du numérique'];

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
