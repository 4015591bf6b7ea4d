import { describe, expect, it } from 'vitest';
import { parseStatsEvent } from '../../../../src/services/stats/stats-event.js';

describe('parseStatsEvent', () => {
  it('accepts a play and a progress, with or without the page language', () => {
    expect(parseStatsEvent({ type: 'play', item: 'talk-a' })).toEqual({ event: { type: 'play', item: 'talk-a' } });
    expect(parseStatsEvent({ type: 'play', item: 'talk-a', lang: 'en' })).toEqual({ event: { type: 'play', item: 'talk-a', lang: 'en' } });
    expect(parseStatsEvent({ type: 'progress', item: 'talk-a', quartile: 4 })).toEqual({ event: { type: 'progress', item: 'talk-a', quartile: 4 } });
  });

  it('refuses anything else, saying what', () => {
    const refused = [
      null, 'play', [], {}, { type: 'pause', item: 'a' }, { type: 'play' }, { type: 'play', item: '' },
      { type: 'play', item: 'a', visitor: 'me' }, { type: 'progress', item: 'a' }, { type: 'progress', item: 'a', quartile: 0 },
      { type: 'progress', item: 'a', quartile: 5 }, { type: 'progress', item: 'a', quartile: 2.5 }, { type: 'progress', item: 'a', quartile: '2' },
      { type: 'play', item: 'a', lang: 'fr-FR; drop table' }, { type: 'play', item: 'x'.repeat(201) },
    ];
    for (const body of refused) {
      const parsed = parseStatsEvent(body);
      expect('problems' in parsed, JSON.stringify(body)).toBe(true);
      if ('problems' in parsed) expect(parsed.problems.length).toBeGreaterThan(0);
    }
  });
});
