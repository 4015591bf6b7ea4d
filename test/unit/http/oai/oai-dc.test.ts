import { describe, expect, it } from 'vitest';
import { oaiDc } from '../../../../src/http/oai/oai-dc.js';
import { documentManifest, manifestOf, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';
const dc = (node: ReturnType<typeof oaiDc>) => node['oai_dc:dc'] as Record<string, unknown>;

describe('oaiDc', () => {
  it('describes a talk in simple Dublin Core', () => {
    expect(oaiDc(talkManifest(), ORIGIN)).toEqual({
      'oai_dc:dc': {
        '@xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
        '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@xsi:schemaLocation': 'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
        'dc:title': 'Médiation numérique et IA',
        'dc:creator': ['Martin, Jeanne', 'Ben, Ali'],
        'dc:subject': ['Communs & souveraineté', 'Éthique'],
        'dc:description': ['Comment accompagner les usages de l’IA.'],
        'dc:publisher': 'Numérique en Commun[s]',
        'dc:date': '2025-10-29',
        'dc:type': 'MovingImage',
        'dc:format': ['video/mp4'],
        'dc:identifier': `${ORIGIN}/talks/2025-strasbourg-ia-et-mediation`,
        'dc:language': 'fr',
        'dc:relation': ['Numérique en Commun[s] 2025 Strasbourg', `${ORIGIN}/editions/2025-strasbourg`],
        'dc:rights': 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
      },
    });
  });

  it('types podcasts as Sound and documents as Text, with their own formats', () => {
    expect(dc(oaiDc(podcastManifest(), ORIGIN))).toMatchObject({ 'dc:type': 'Sound', 'dc:format': ['audio/mp4', 'audio/mpeg'], 'dc:identifier': `${ORIGIN}/podcasts/2025-strasbourg-podcast-sobriete` });
    expect(dc(oaiDc(documentManifest(), ORIGIN))).toMatchObject({ 'dc:type': 'Text', 'dc:format': ['application/pdf'], 'dc:identifier': `${ORIGIN}/documents/2025-strasbourg-magazine` });
  });

  it('leaves out what the item does not have; the source’s type stands for its format', () => {
    const bare = dc(oaiDc(manifestOf({ id: 'bare', date: null }), ORIGIN));
    expect(bare['dc:creator']).toBeUndefined();
    expect(bare['dc:subject']).toBeUndefined();
    expect(bare['dc:description']).toBeUndefined();
    expect(bare['dc:format']).toEqual(['application/octet-stream']);
    expect(bare['dc:date']).toBe('2025-11-01');
  });
});
