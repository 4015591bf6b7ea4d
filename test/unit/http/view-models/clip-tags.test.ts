import { describe, expect, it } from 'vitest';
import { clipTagsOf } from '../../../../src/http/view-models/clip-tags.js';
import { attributionOf } from '../../../../src/http/view-models/attribution.js';
import { talkManifest } from '../../../support/manifest-factory.js';

describe('clipTagsOf', () => {
  const talk = talkManifest();

  it('names the title, the speakers, the date and the licence, with the attribution text as comment, in the asked language', () => {
    const origin = 'https://archives.example.org';
    expect(clipTagsOf(talk, origin, 'fr')).toEqual({
      title: 'Médiation numérique et IA',
      artist: 'Jeanne Martin et Ali Ben',
      date: '2025-10-29',
      copyright: 'CC-BY-SA-4.0 (https://creativecommons.org/licenses/by-sa/4.0/deed.fr)',
      comment: attributionOf(talk, `${origin}/talks/${talk.id}`, 'fr').text,
    });
    const english = clipTagsOf(talk, origin, 'en');
    expect(english.artist).toBe('Jeanne Martin and Ali Ben');
    expect(english.comment).toBe(attributionOf(talk, `${origin}/en/talks/${talk.id}`, 'en').text);
  });

  it('gives the edition’s year when the item has no date', () => {
    expect(clipTagsOf({ ...talk, date: null }, '', 'fr').date).toBe('2025');
  });
});
