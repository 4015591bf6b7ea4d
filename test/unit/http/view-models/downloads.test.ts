import { describe, expect, it } from 'vitest';
import { downloadsOf } from '../../../../src/http/view-models/downloads.js';
import { bareManifest, withMedia } from '../../../support/web-item-manifests.js';

describe('downloads', () => {
  it('labels each file with its format, kind, language and size', () => {
    const talk = withMedia(bareManifest({ id: 'talk-1', kind: 'talk' }));
    expect(downloadsOf(talk, 'fr').map((d) => `${d.label} (${d.details})`)).toEqual([
      'MP4 720p (vidéo, 1,9\u00a0Mo)',
      'Sous-titres WebVTT (français) (texte, 2,6\u00a0ko)',
      'Fichier original (MP4) (tel que reçu, 3,4\u00a0Mo)',
    ]);
    expect(downloadsOf(talk, 'en').map((d) => `${d.label} (${d.details})`)[0]).toBe('MP4 720p (video, 1.9\u00a0MB)');
    const [mp4, vtt] = downloadsOf(talk, 'fr');
    expect(mp4).toMatchObject({ href: '/media/items/talk-1/a1b2c3d4e5f6/download/talk-1-720p.mp4?download', fileName: 'talk-1-720p.mp4', size: 1_881_674 });
    expect(vtt?.fileName).toBe('talk-1-fr.vtt');
  });

  it('offers every podcast rendition', () => {
    const podcast = withMedia(bareManifest({ id: 'pod', kind: 'podcast' }));
    expect(downloadsOf(podcast, 'fr').map((d) => d.label)).toEqual(['M4A (AAC)', 'MP3', 'Sous-titres WebVTT (français)', 'Fichier original (MP3)']);
  });

  it('lists a PDF published as is once', () => {
    const doc = withMedia(bareManifest({ id: 'doc', kind: 'document' }));
    doc.source = { ...doc.source, sha256: doc.downloads[0]?.sha256 ?? '' };
    expect(downloadsOf(doc, 'fr').map((d) => d.label)).toEqual(['PDF']);
  });
});
