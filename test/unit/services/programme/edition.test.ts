import { describe, expect, it } from 'vitest';
import { editionFromFolderName, parseEdition } from '../../../../src/services/programme/edition.js';

describe('parseEdition', () => {
  it.each([
    ['2025 Strasbourg', { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' }],
    ['Strasbourg 2025', { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' }],
    ['  2023   Bordeaux ', { label: '2023 Bordeaux', year: 2023, city: 'Bordeaux', slug: '2023-bordeaux' }],
    ['2024', { label: '2024', year: 2024, city: '', slug: '2024' }],
    ['2019 – Saint-Étienne', { label: '2019 Saint-Étienne', year: 2019, city: 'Saint-Étienne', slug: '2019-saint-etienne' }],
  ])('reads %j', (text, edition) => {
    expect(parseEdition(text)).toEqual({ ok: true, edition });
  });

  it.each([
    ['', 'edition is required, e.g. "2025 Strasbourg"'],
    ['Strasbourg', 'edition "Strasbourg" must start or end with a year, e.g. "2025 Strasbourg"'],
    ['2017 Paris', 'edition year 2017 is out of range (2018–2100)'],
    ['2101', 'edition year 2101 is out of range (2018–2100)'],
    ['2024 Lyon 2025', 'edition "2024 Lyon 2025" has more than one year'],
    ['25 Lyon', 'edition "25 Lyon" must start or end with a year, e.g. "2025 Strasbourg"'],
  ])('refuses %j', (text, message) => {
    expect(parseEdition(text)).toEqual({ ok: false, message });
  });

  it('reads folder names as editions', () => {
    expect(editionFromFolderName('2025-strasbourg')).toEqual({ label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: '2025-strasbourg' });
    expect(editionFromFolderName('NEC_2024_Bordeaux')).toEqual({ label: '2024 Bordeaux', year: 2024, city: 'Bordeaux', slug: '2024-bordeaux' });
    expect(editionFromFolderName('talks')).toBeNull();
    expect(editionFromFolderName('1999')).toBeNull();
  });
});
