import { describe, expect, it } from 'vitest';
import { statsConsoleModel } from '../../../../src/http/view-models/stats-console.js';
import { statsReport } from '../../../../src/services/stats/stats-report.js';
import { dayOf, itemDayOf, type MonthCounts } from '../../../../src/services/stats/stats-counts.js';
import { manifestOf } from '../../../support/manifest-factory.js';

describe('statsConsoleModel', () => {
  it('offers every month with the shown one selected, links items still in the archive, names removed ones', () => {
    const talk = manifestOf({ id: 'talk-a', title: 'A' });
    const counts: MonthCounts = new Map();
    const day = dayOf(counts, '2026-12-07');
    itemDayOf(day, 'talk-a').plays = 1200;
    itemDayOf(day, 'gone').embeds.set('', 2);
    const byId = (id: string) => (id === 'talk-a' ? talk : undefined);
    const report = statsReport('2026-12', new Map([['2026-12', counts]]), byId);
    const model = statsConsoleModel(report, { locale: 'fr', months: ['2026-11'], manifestOf: byId, csvHref: '/admin/stats/export.csv?month=2026-12' });
    expect(model.months).toEqual([{ value: '2026-12', label: 'décembre 2026', selected: true }, { value: '2026-11', label: 'novembre 2026', selected: false }]);
    expect(model.items[0]).toEqual({ label: 'A', href: '/talks/talk-a', cells: ['1\u202f200', '0 / 0 / 0 / 0', '0', '', ''] });
    expect(model.items[1]).toMatchObject({ label: 'gone (retiré)', href: null, cells: ['0', '0 / 0 / 0 / 0', '0', '', 'sans site indiqué 2'] });
    expect(model.groups.map((g) => [g.id, g.rows.length])).toEqual([['editions', 1], ['themes', 0], ['months', 1]]);
  });
});
