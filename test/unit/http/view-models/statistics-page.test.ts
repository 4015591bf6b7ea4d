import { describe, expect, it } from 'vitest';
import { statisticsPageModel } from '../../../../src/http/view-models/statistics-page.js';

const summary = (plays: number) => ({ plays, visitors: 3, completed: 1, downloads: 1200, embeds: 0, searchesWithoutResult: 2, itemsUsed: 4 });

describe('statisticsPageModel', () => {
  it('lists the months newest first, named and counted in the page’s language', () => {
    const model = statisticsPageModel([{ month: '2026-11', summary: summary(5) }, { month: '2026-12', summary: summary(12) }], 'fr');
    expect(model.rows.map((r) => [r.month, r.label])).toEqual([['2026-12', 'décembre 2026'], ['2026-11', 'novembre 2026']]);
    expect(model.rows[0]?.cells).toEqual(['12', '1', '3', '1\u202f200', '0', '2', '4']);
    expect(model.columns.map((c) => c.key)).toEqual(['stats.col.plays', 'stats.col.completed', 'stats.col.visitors', 'stats.col.downloads', 'stats.col.embeds', 'stats.col.searches', 'stats.col.items']);
    expect(statisticsPageModel([{ month: '2026-12', summary: summary(1) }], 'en').rows[0]?.label).toBe('December 2026');
  });

  it('has no rows before anything is counted', () => {
    expect(statisticsPageModel([], 'fr').rows).toEqual([]);
  });
});
