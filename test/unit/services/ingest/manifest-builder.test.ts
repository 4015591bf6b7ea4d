import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../../../src/services/ingest/manifest-builder.js';

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
