import { describe, expect, it } from 'vitest';
import { CHUNK_PASSAGES, chunkDocumentsOf, countingDocumentOf, positionsOf, textAttributes } from '../../../../src/adapters/search-index/meili-documents.js';
import { ITEM_SETTINGS, TEXT_ATTRIBUTES } from '../../../../src/adapters/search-index/meili-settings.js';
import type { IndexEntry, SegmentDocument } from '../../../../src/ports/search-index.js';

const facets = {
  kind: 'talk', edition: '2025 Strasbourg', editionSlug: '2025-strasbourg', year: 2025, themes: ['Communs'], speakers: ['Claire Vasseur'],
  speakerSlugs: ['claire-vasseur'], language: 'fr', licence: 'CC-BY-4.0', captions: true, reviewedTranscript: true, audioDescription: false,
  signLanguage: false, easyRead: false, transcript: 'reviewed', day: 20_390,
} as const;

function entryWith(texts: string[]): IndexEntry {
  const base = { ...facets, themes: [...facets.themes], speakers: [...facets.speakers], speakerSlugs: [...facets.speakerSlugs] };
  const about: SegmentDocument = {
    ...base, id: 'x_about', itemId: 'x', source: 'metadata', sourceRank: 0, passageLanguage: 'fr', start: null, end: null, page: null,
    title: 'Les \uE000communs', people: ['Claire Vasseur', 'La Mednum'], topics: ['Communs', '2025 Strasbourg'], text: 'Un résumé.', marks: [],
  };
  const passages = texts.map((text, i): SegmentDocument => ({
    ...base, id: `x_p-${i}`, itemId: 'x', source: i % 2 ? 'speech-to-text' : 'captions-reviewed', sourceRank: i % 2 ? 2 : 3, passageLanguage: 'fr',
    start: i * 30, end: i * 30 + 30, page: null, title: '', people: i === 3 ? ['Ali Ben'] : [], topics: [], text, marks: [{ offset: 0, start: i * 30, end: i * 30 + 5 }],
  }));
  return {
    item: { ...base, id: 'x', title: 'Les \uE000communs', summary: 'Un résumé.', organisations: ['La Mednum'], city: 'Strasbourg', date: '2025-10-29', duration: 600, pages: null, poster: null },
    segments: [about, ...passages],
  };
}

describe('the documents an item becomes', () => {
  it('counts positions high: one per word, eight per sentence end and per array value', () => {
    expect(positionsOf('Bonjour à tous.')).toBe(3 + 8 + 8);
    expect(positionsOf('l’inclusion, ici')).toBe(3 + 8);
  });

  it('spreads a long text over text_0, text_1…, in order, each under Meilisearch’s 65,535 positions', () => {
    const passage = `${'mot '.repeat(90)}fin.`;
    const attributes = textAttributes(Array.from({ length: 1500 }, () => passage));
    const names = Object.keys(attributes);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(names.map((_, n) => `text_${n}`));
    for (const values of Object.values(attributes)) expect(values.reduce((sum, t) => sum + positionsOf(t), 0)).toBeLessThan(65_535);
    expect(Object.values(attributes).flat()).toHaveLength(1500);
    // Every attribute it may use is searchable.
    expect(ITEM_SETTINGS.searchableAttributes).toEqual(expect.arrayContaining(Array.from({ length: TEXT_ATTRIBUTES }, (_, n) => `text_${n}`)));
  });

  it('gives the counting index every word of the item once, without markers', () => {
    const document = countingDocumentOf(entryWith(['Premier passage.', 'Deuxième passage.', 'Troisième.', 'Quatrième, par Ali.']));
    expect(document).toMatchObject({
      id: 'x', kind: 'talk', themes: ['Communs'], day: 20_390, title: 'Les communs',
      people: ['Claire Vasseur', 'La Mednum', 'Ali Ben'], topics: ['Communs', '2025 Strasbourg'],
      text_0: ['Un résumé.', 'Premier passage.', 'Deuxième passage.', 'Troisième.', 'Quatrième, par Ali.'],
    });
    expect(document).not.toHaveProperty('summary');
  });

  it('gives the ranking index an about chunk and chunks of passages, each with the item’s display fields', () => {
    const texts = Array.from({ length: CHUNK_PASSAGES + 3 }, (_, i) => `Passage ${i}.`);
    const chunks = chunkDocumentsOf(entryWith(texts));
    expect(chunks.map((c) => [c.id, c.about, c.text.length])).toEqual([['x_about', true, 1], ['x_c0', false, CHUNK_PASSAGES], ['x_c1', false, 3]]);
    expect(chunks[0]).toMatchObject({ title: 'Les communs', people: ['Claire Vasseur', 'La Mednum'], text: ['Un résumé.'] });
    expect(chunks[1]).toMatchObject({ title: '', people: ['Ali Ben'], sourceRank: 3, kind: 'talk', itemId: 'x' });
    for (const chunk of chunks) {
      expect(chunk.item).toMatchObject({ id: 'x', title: 'Les communs', kind: 'talk', duration: 600 });
      expect(chunk.item).not.toHaveProperty('summary');
    }
  });
});
