import { describe, expect, it } from 'vitest';
import { parseLanguage } from '../../../../src/domain/language.js';
import { parseId, parseIsoDate, parseKind, uniqueThemes } from '../../../../src/services/programme/values.js';

describe('field values', () => {
  it('canonicalises languages and refuses words', () => {
    const ok = (value: string) => ({ ok: true, value });
    expect(parseLanguage('fr')).toEqual(ok('fr'));
    expect(parseLanguage('FR_fr')).toEqual(ok('fr-FR'));
    expect(parseLanguage('fra')).toEqual(ok('fr'));
    expect(parseLanguage('ger')).toEqual(ok('de'));
    expect(parseLanguage('spa-MX')).toEqual(ok('es-MX'));
    expect(parseLanguage('zh-hant-tw')).toEqual(ok('zh-Hant-TW'));
    expect(parseLanguage('français').ok).toBe(false);
    expect(parseLanguage('x').ok).toBe(false);
    expect(parseLanguage('fr-').ok).toBe(false);
  });

  it('reads kinds in any case and their French names', () => {
    expect(['Talk', 'round table', 'Table Ronde', 'atelier', 'PODCAST'].map((k) => parseKind(k))).toEqual([
      { ok: true, value: 'talk' },
      { ok: true, value: 'round-table' },
      { ok: true, value: 'round-table' },
      { ok: true, value: 'workshop' },
      { ok: true, value: 'podcast' },
    ]);
  });

  it('accepts real ISO dates only', () => {
    expect(parseIsoDate('')).toEqual({ ok: true, value: null });
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseIsoDate('2025-02-29')).toEqual({ ok: false, message: 'date "2025-02-29" does not exist in the calendar' });
    expect(parseIsoDate('2025-13-01').ok).toBe(false);
    expect(parseIsoDate('2025-10-29T10:00').ok).toBe(false);
  });

  it('drops empty and repeated themes, keeping the first spelling', () => {
    expect(uniqueThemes(['Communs', ' communs ', '', 'Éthique  & émancipation', 'e\u0301thique & émancipation'])).toEqual([
      'Communs',
      'Éthique & émancipation',
    ]);
  });

  it('checks explicit ids', () => {
    expect(parseId('2025-strasbourg-ia').ok).toBe(true);
    expect(['a--b', '-a', 'A', 'a_b', 'é'].map((id) => parseId(id).ok)).toEqual([false, false, false, false, false]);
  });
});
