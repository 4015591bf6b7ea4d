import { describe, expect, it } from 'vitest';
import { mergeResults, metadataOf, withMetadata } from '../../../../src/services/ingest/manifest-builder.js';
import { talkManifest } from '../../../support/manifest-factory.js';
import { programmeItem } from '../../../support/programme-item.js';

describe('mergeResults', () => {
  it('adds lists step by step, a later entry replacing one with the same path', () => {
    const merged = mergeResults([
      { posters: [{ path: 'images/poster-320.jpg', width: 320, height: 180, format: 'jpeg' }] },
      { posters: [{ path: 'images/poster-640.jpg', width: 640, height: 360, format: 'jpeg' }], warnings: ['a'] },
      { posters: [{ path: 'images/poster-320.jpg', width: 320, height: 181, format: 'jpeg' }], warnings: ['b'] },
    ]);
    expect(merged.posters?.map((p) => [p.path, p.height])).toEqual([['images/poster-320.jpg', 181], ['images/poster-640.jpg', 360]]);
    expect(merged.warnings).toEqual(['a', 'b']);
  });

  it('takes the chapters whole from the last step that gives them (slide OCR retitles them)', () => {
    const merged = mergeResults([
      { chapters: [{ start: 0, end: 5, title: 'Diapositive 1' }, { start: 5, end: 10, title: 'Diapositive 2' }] },
      { chapters: [{ start: 0, end: 10, title: 'Accompagner sans remplacer' }] },
    ]);
    expect(merged.chapters).toEqual([{ start: 0, end: 10, title: 'Accompagner sans remplacer' }]);
  });
});

describe('withMetadata and metadataOf: aliases are metadata', () => {
  const manifest = talkManifest({ id: '2025-test-talk', aliases: [] });
  const item = programmeItem({ media: { declared: 'talk.mp4', path: '/tmp/talk.mp4' }, title: manifest.title, aliases: ['2025-test-tlak'] });

  it('carries the programme’s aliases into the manifest, and counts them as a metadata change', () => {
    const updated = withMetadata(manifest, item, '2026-12-07T00:00:00.000Z');
    expect(updated.aliases).toEqual(['2025-test-tlak']);
    expect(metadataOf(updated)).not.toBe(metadataOf(manifest));
    // The outputs stay those of the published version.
    expect(updated.files).toEqual(manifest.files);
    expect(updated.pipeline.inputs).toBe(manifest.pipeline.inputs);
  });

  it('reads an item without aliases (a job queued by an older version) as none', () => {
    const { aliases: _aliases, ...older } = item;
    expect(withMetadata(manifest, older, '2026-12-07T00:00:00.000Z').aliases).toEqual([]);
  });
});
