import { describe, expect, it } from 'vitest';
import { paragraphsOf as pageParagraphs } from '../../../../src/http/view-models/document-pages.js';

describe('document page text', () => {
  it('joins lines wrapped by the PDF, keeps short lines and bullets apart', () => {
    const text = [
      'Édito : faire du numérique un commun',
      'Par Marie Lefèvre',
      '',
      'Deux jours, deux mille participantes et participants, plus de cent sessions : l’édition',
      'strasbourgeoise a confirmé qu’il existe une communauté vivante.',
      '',
      'À retenir',
      '• Plus de cent sessions en deux jours, à Strasbourg, et beaucoup de rencontres utiles.',
      '• Tous les contenus sont libres.',
    ].join('\n');
    expect(pageParagraphs(text)).toEqual([
      ['Édito : faire du numérique un commun', 'Par Marie Lefèvre'],
      ['Deux jours, deux mille participantes et participants, plus de cent sessions : l’édition strasbourgeoise a confirmé qu’il existe une communauté vivante.'],
      ['À retenir', '• Plus de cent sessions en deux jours, à Strasbourg, et beaucoup de rencontres utiles.', '• Tous les contenus sont libres.'],
    ]);
  });
});
