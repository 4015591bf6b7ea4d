import { describe, expect, it } from 'vitest';
import { fitTitle, titleCardSvg, WAVEFORM_COLOUR, TITLE_CARD } from '../../../src/pipeline/audio-artwork.js';

describe('title card for audio without cover', () => {
  it('wraps a long title on up to four lines, shrinking the font', () => {
    const short = fitTitle('Le numérique responsable', 1088);
    expect(short).toEqual({ size: 72, lines: ['Le numérique responsable'] });
    const long = fitTitle(
      'Médiation numérique et intelligence artificielle : comment accompagner les publics éloignés vers des usages choisis et maîtrisés',
      1088,
    );
    expect(long.lines.length).toBeGreaterThanOrEqual(2);
    expect(long.lines.length).toBeLessThanOrEqual(4);
    const endless = fitTitle(Array.from({ length: 60 }, () => 'inclusion').join(' '), 1088);
    expect(endless.lines).toHaveLength(4);
    expect(endless.lines[3]).toMatch(/…$/);
  });

  it('escapes the title and names the edition', () => {
    const svg = titleCardSvg({ title: 'Données & <territoires>', edition: { label: '2025 Strasbourg', year: 2025, city: 'Strasbourg', slug: 's' } });
    expect(svg).toContain('Données &amp; &lt;territoires&gt;');
    expect(svg).toContain('Numérique en Commun[s] · 2025 Strasbourg');
    expect(svg).toContain('width="1280" height="720"');
  });

  it('uses colours with enough contrast (text 4.5:1 on the card, waveform 3:1 on white)', () => {
    expect(contrast(TITLE_CARD.text, TITLE_CARD.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(WAVEFORM_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
