import { describe, expect, it } from 'vitest';
import { itemCitationModel } from '../../../../src/http/view-models/item-citation.js';
import { ACCESSED, citedManifests, ORIGIN } from '../../../support/citation-fixtures.js';

const NBSP = '\u00a0';

describe('itemCitationModel', () => {
  const { talk, document } = citedManifests();

  it('formats the reference in French and in English', () => {
    expect(itemCitationModel(talk, ORIGIN, 'fr', null, ACCESSED).text).toBe(
      `Jeanne Martin et Marie de La Tour, «${NBSP}Médiation & IA : 100 % communs_libres${NBSP}» [conférence], Numérique en Commun[s] 2025 Strasbourg, 29 octobre 2025. ${ORIGIN}/talks/2025-strasbourg-ia`,
    );
    expect(itemCitationModel(talk, ORIGIN, 'en', { start: 754, end: 790 }, ACCESSED).text).toBe(
      `Jeanne Martin and Marie de La Tour, “Médiation & IA : 100 % communs_libres” [talk], Numérique en Commun[s] 2025 Strasbourg, 29 October 2025, at 12:34–13:10. ${ORIGIN}/en/talks/2025-strasbourg-ia?t=754,790`,
    );
    expect(itemCitationModel({ ...document, date: null }, ORIGIN, 'fr', null, ACCESSED).text).toContain('[magazine], Numérique en Commun[s] 2025 Strasbourg, 2025. ');
  });

  it('links the three files at the page’s moment, with the moment-free link for the page’s script', () => {
    const { files } = itemCitationModel(talk, ORIGIN, 'en', { start: 754, end: 790 }, ACCESSED);
    expect(files.map((f) => f.href)).toEqual([
      '/api/items/2025-strasbourg-ia/citation.ris?t=754,790&lang=en',
      '/api/items/2025-strasbourg-ia/citation.bib?t=754,790&lang=en',
      '/api/items/2025-strasbourg-ia/citation.json?t=754,790&lang=en',
    ]);
    expect(files.map((f) => f.momentHref)).toEqual([
      '/api/items/2025-strasbourg-ia/citation.ris?lang=en',
      '/api/items/2025-strasbourg-ia/citation.bib?lang=en',
      '/api/items/2025-strasbourg-ia/citation.json?lang=en',
    ]);
    expect(files.map((f) => f.text)).toEqual(['RIS file', 'BibTeX file', 'CSL-JSON']);
  });

  it('gives the page’s script what to rewrite the reference from for another moment: the same words as the server’s', () => {
    for (const locale of ['fr', 'en'] as const) {
      const { template } = itemCitationModel(talk, ORIGIN, locale, null, ACCESSED);
      const atRange = template.atRange.replace('{start}', '12:34').replace('{end}', '13:10');
      const filled = template.text.replace('{moment}', `, ${atRange}`).replace('{url}', `${template.base}?t=754,790`);
      expect(filled).toBe(itemCitationModel(talk, ORIGIN, locale, { start: 754, end: 790 }, ACCESSED).text);
      const at = template.at.replace('{start}', '12:34');
      expect(template.text.replace('{moment}', `, ${at}`).replace('{url}', `${template.base}?t=754`)).toBe(itemCitationModel(talk, ORIGIN, locale, { start: 754, end: null }, ACCESSED).text);
      expect(template.text.replace('{moment}', '').replace('{url}', template.base)).toBe(itemCitationModel(talk, ORIGIN, locale, null, ACCESSED).text);
    }
  });

  it('puts the page itself, not the moment, in the head’s tags', () => {
    const { meta } = itemCitationModel(talk, ORIGIN, 'fr', { start: 754, end: 790 }, ACCESSED);
    expect(meta.find((m) => m.name === 'citation_public_url')?.content).toBe(`${ORIGIN}/talks/2025-strasbourg-ia`);
  });
});
