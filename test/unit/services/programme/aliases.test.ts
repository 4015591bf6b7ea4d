import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../../src/services/programme/aliases.js';
import type { FieldIssue } from '../../../../src/services/programme/raw-row.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { noDocuments, noMedia, tree } from '../../../support/programme-tree.js';

describe('parseAliases', () => {
  it('keeps ids in the order given', () => {
    const issues: FieldIssue[] = [];
    expect(parseAliases(['2025-strasbourg-ia-mdiation', 'ia-et-mediation'], '2025-strasbourg-ia-mediation', issues)).toEqual(['2025-strasbourg-ia-mdiation', 'ia-et-mediation']);
    expect(issues).toEqual([]);
  });

  it('refuses what is not shaped like an id, the row’s own id and a repeat, one issue each', () => {
    const issues: FieldIssue[] = [];
    const aliases = parseAliases(['Ancien Titre', 'own-id', 'old', 'old', 'a--b'], 'own-id', issues);
    expect(aliases).toEqual(['old']);
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['aliases', 'alias "Ancien Titre" must be lower-case letters and digits separated by single dashes, e.g. 2025-strasbourg-ia-et-mediation'],
      ['aliases', 'alias "own-id" is the row\'s own id'],
      ['aliases', 'alias "old" is listed twice'],
      ['aliases', 'alias "a--b" must be lower-case letters and digits separated by single dashes, e.g. 2025-strasbourg-ia-et-mediation'],
    ]);
  });
});

const deps = { media: noMedia, documents: noDocuments, defaultLicence: 'CC-BY-4.0' as const };

describe('the aliases column', () => {
  it('is split on ";" in a CSV and carried into the item', async () => {
    const dir = await tree({
      'programme.csv': 'id,aliases,edition,title,media\nia-mediation," 2025-strasbourg-ia-mdiation ;old-id",2025 Strasbourg,IA,a.mp4\n',
      'a.mp4': 'video',
    });
    const result = await readProgramme(`${dir}/programme.csv`, deps);
    expect(result.problems).toEqual([]);
    expect(result.items[0]?.aliases).toEqual(['2025-strasbourg-ia-mdiation', 'old-id']);
  });

  it('is an array in JSON; an absent column gives no aliases', async () => {
    const dir = await tree({
      'programme.json': JSON.stringify([
        { id: 'a', aliases: ['old-a'], edition: '2025 Strasbourg', title: 'A', media: 'a.mp4' },
        { id: 'b', edition: '2025 Strasbourg', title: 'B', media: 'b.mp4' },
      ]),
      'a.mp4': 'video',
      'b.mp4': 'video',
    });
    const result = await readProgramme(`${dir}/programme.json`, deps);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => i.aliases)).toEqual([['old-a'], []]);
  });

  it('refuses an alias that is another row’s id, or is listed by two rows, naming the row', async () => {
    const dir = await tree({
      'programme.csv': [
        'id,aliases,edition,title,media',
        'a,old,2025 Strasbourg,A,a.mp4',
        'b,old,2025 Strasbourg,B,b.mp4',
        'c,a,2025 Strasbourg,C,c.mp4',
        'd,Not An Id,2025 Strasbourg,D,d.mp4',
      ].join('\n'),
      'a.mp4': 'video', 'b.mp4': 'video', 'c.mp4': 'video', 'd.mp4': 'video',
    });
    const result = await readProgramme(`${dir}/programme.csv`, deps);
    expect(result.items.map((i) => i.id)).toEqual(['a']);
    expect(result.problems.map((p) => [p.row, p.itemId, p.field, p.message])).toEqual([
      [2, 'b', 'aliases', 'alias "old" is already listed by row 1'],
      [3, 'c', 'aliases', 'alias "a" is the id of row 1'],
      [4, 'd', 'aliases', 'alias "Not An Id" must be lower-case letters and digits separated by single dashes, e.g. 2025-strasbourg-ia-et-mediation'],
    ]);
  });
});
