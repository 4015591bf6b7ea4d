import { describe, expect, it } from 'vitest';
import { archivedMediaProblem, readArchivedMedia, type ArchivedMedia } from '../../../../src/services/ingest/archived-media.js';
import { writeItem, freshStore } from '../../../support/search-archive.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const archived: ArchivedMedia = {
  idsBySha256: new Map([[A, ['2025-strasbourg-ia-mdiation']], [B, ['other-talk']]]),
  sha256ById: new Map([['2025-strasbourg-ia-mdiation', A], ['other-talk', B]]),
};

describe('archivedMediaProblem', () => {
  it('refuses a row whose file is archived under another id, naming the row and both ways out', () => {
    expect(archivedMediaProblem({ id: '2025-strasbourg-ia-mediation', row: 3 }, A, archived)).toBe(
      'row 3: this file is already archived as "2025-strasbourg-ia-mdiation" (same sha256), so this row would make a second item: ' +
      'give this row the id "2025-strasbourg-ia-mdiation", or list "2025-strasbourg-ia-mdiation" in its aliases column to rename the item to "2025-strasbourg-ia-mediation"',
    );
  });

  it('lets through the same id, a new file, and a rename that lists the old id', () => {
    expect(archivedMediaProblem({ id: '2025-strasbourg-ia-mdiation', row: 1 }, A, archived)).toBeNull();
    expect(archivedMediaProblem({ id: 'new', row: 1 }, 'c'.repeat(64), archived)).toBeNull();
    expect(archivedMediaProblem({ id: '2025-strasbourg-ia-mediation', row: 1, aliases: ['2025-strasbourg-ia-mdiation'] }, A, archived)).toBeNull();
  });

  it('refuses an alias that is the id of another live item (another recording)', () => {
    expect(archivedMediaProblem({ id: 'renamed', row: 2, aliases: ['other-talk'] }, A, archived)).toMatch(
      /^row 2: alias "other-talk" is the id of another item in the archive \(a different recording\)/,
    );
  });

  it('does not refuse re-ingesting an item that is already archived under its own id', () => {
    const both: ArchivedMedia = { idsBySha256: new Map([[A, ['x', 'y']]]), sha256ById: new Map([['x', A], ['y', A]]) };
    expect(archivedMediaProblem({ id: 'x', row: 1 }, A, both)).toBeNull();
  });
});

describe('readArchivedMedia', () => {
  it('indexes the published manifests by their source checksum', async () => {
    const store = freshStore();
    const one = await writeItem(store, { id: 'one', kind: 'talk', title: 'One', edition: '2025 Strasbourg' });
    const result = await readArchivedMedia(store);
    expect(result.sha256ById.get('one')).toBe(one.source.sha256);
    expect(result.idsBySha256.get(one.source.sha256)).toEqual(['one']);
  });
});
