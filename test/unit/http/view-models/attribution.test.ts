import { describe, expect, it } from 'vitest';
import { attributionOf } from '../../../../src/http/view-models/attribution.js';
import { bareManifest } from '../../../support/web-item-manifests.js';

const url = 'https://archives.example.org/talks/2025-strasbourg-ia';
const NBSP = '\u00a0';

describe('attributionOf', () => {
  it('credits title, speakers, event, page and licence (CC BY-SA, French)', () => {
    const manifest = bareManifest({ id: '2025-strasbourg-ia', kind: 'talk', title: 'Médiation numérique et IA', licence: 'CC-BY-SA-4.0' });
    const { text, html } = attributionOf(manifest, url, 'fr');
    expect(text).toBe(
      `«${NBSP}Médiation numérique et IA${NBSP}» — Claire Vasseur (Coopérative Passerelles), Numérique en Commun[s] 2025 Strasbourg, ${url}, licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)`,
    );
    expect(html).toBe(
      `«${NBSP}<a href="${url}">Médiation numérique et IA</a>${NBSP}» — Claire Vasseur (Coopérative Passerelles), Numérique en Commun[s] 2025 Strasbourg, licence <a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr">CC BY-SA 4.0</a>`,
    );
  });

  it('writes English credits with English quotes and a list of speakers', () => {
    const manifest = bareManifest({
      id: '2025-strasbourg-ia',
      kind: 'talk',
      title: 'Commons',
      speakers: [
        { name: 'Nadia Rahmani', organisation: 'Communs d’Alsace', slug: 'nadia-rahmani' },
        { name: 'Paul Meyer', slug: 'paul-meyer' },
      ],
    });
    const { text } = attributionOf(manifest, url, 'en');
    expect(text).toBe(`“Commons” — Nadia Rahmani (Communs d’Alsace) and Paul Meyer, Numérique en Commun[s] 2025 Strasbourg, ${url}, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)`);
    expect(attributionOf(manifest, url, 'fr').text).toContain('Nadia Rahmani (Communs d’Alsace) et Paul Meyer');
  });

  it('says that CC0 needs no attribution', () => {
    const manifest = bareManifest({ id: 'x', kind: 'podcast', title: 'Paroles de médiatrices', licence: 'CC0-1.0' });
    const fr = attributionOf(manifest, url, 'fr');
    expect(fr.text).toBe(
      `«${NBSP}Paroles de médiatrices${NBSP}» — Claire Vasseur (Coopérative Passerelles), Numérique en Commun[s] 2025 Strasbourg, ${url}, versé dans le domaine public (CC0 1.0, https://creativecommons.org/publicdomain/zero/1.0/deed.fr)${NBSP}: aucune attribution n’est requise.`,
    );
    expect(fr.html).toContain('<a rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/deed.fr">CC0 1.0</a>');
    expect(attributionOf(manifest, url, 'en').text).toContain('dedicated to the public domain (CC0 1.0, https://creativecommons.org/publicdomain/zero/1.0/deed.fr): no attribution is required.');
  });

  it('names the Licence Ouverte without stuttering "licence Licence"', () => {
    const manifest = bareManifest({ id: 'x', kind: 'document', licence: 'Etalab-2.0' });
    const { text, html } = attributionOf(manifest, url, 'fr');
    expect(text).toMatch(/, Licence Ouverte 2\.0 \(https:\/\/www\.etalab\.gouv\.fr\/licence-ouverte-open-licence\/\)$/);
    expect(text).not.toMatch(/licence Licence/i);
    expect(html).toContain('>Licence Ouverte 2.0</a>');
    expect(attributionOf(manifest, url, 'en').text).toContain('Open Licence 2.0');
  });

  it('escapes the HTML version and leaves the text version as written', () => {
    const manifest = bareManifest({
      id: 'x',
      kind: 'talk',
      title: '<script>alert("x")</script> & co',
      speakers: [{ name: 'Eve <img src=x onerror=alert(1)>', slug: 'eve' }],
    });
    const { text, html } = attributionOf(manifest, 'https://example.org/talks/x?a=1&b="2"', 'fr');
    expect(text).toContain('<script>alert("x")</script> & co');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co');
    expect(html).toContain('href="https://example.org/talks/x?a=1&#38;b=&#34;2&#34;"');
  });

  it('leaves out the dash when nobody is named', () => {
    const manifest = bareManifest({ id: 'x', kind: 'document', title: 'Magazine', speakers: [] });
    expect(attributionOf(manifest, url, 'fr').text).toMatch(/^«\u00a0Magazine\u00a0», Numérique en Commun\[s\] 2025 Strasbourg, /);
  });
});
