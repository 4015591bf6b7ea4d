import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_COLUMNS, programmeCsv, programmeRow } from '../../../../scripts/sample/programme.js';
import {
  ALL_ITEMS,
} from '../../../../scripts/sample/texts.js';

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
