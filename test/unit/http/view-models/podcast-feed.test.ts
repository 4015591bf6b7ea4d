import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { personRole, podcastFeed } from '../../../../src/http/view-models/podcast-feed.js';
import { audioEnclosure } from '../../../../src/http/view-models/public-item.js';
import { podcastManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';

describe('podcastFeed', () => {
  const feed = (items = [podcastManifest(), talkManifest()]) =>
    podcastFeed(items, { origin: ORIGIN, path: '/feeds/podcasts.xml', title: 'T & <t>', description: 'D', link: `${ORIGIN}/` });

  it('lists only podcasts with audio, the MP3 as enclosure', () => {
    const xml = feed([podcastManifest(), talkManifest(), podcastManifest({ id: 'sans-audio', downloads: [] })]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'item' }).parse(xml).rss.channel;
    expect(channel.title).toBe('T & <t>');
    expect(channel.item).toHaveLength(1);
    expect(channel.item[0].enclosure['@type']).toBe('audio/mpeg');
    expect(channel.item[0]['itunes:duration']).toBe(1801);
    expect(channel['podcast:license']['#text']).toBe('cc-by-sa-4.0');
  });

  it('prefers MP3, then M4A, then Opus; hosts are those the programme calls so', () => {
    const m = podcastManifest();
    expect(audioEnclosure(m)?.format).toBe('mp3');
    expect(audioEnclosure({ ...m, downloads: m.downloads.filter((d) => d.format !== 'mp3') })?.format).toBe('m4a');
    expect(personRole('animatrice')).toBe('host');
    expect(personRole('Host')).toBe('host');
    expect(personRole('présentateur')).toBe('host');
    expect(personRole('chercheuse')).toBe('guest');
    expect(personRole(undefined)).toBe('guest');
  });
});
