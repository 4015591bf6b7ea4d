import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import type { CatalogueState } from '../../../../src/services/catalogue/catalogue-state.js';
import { COMPACTED_KEY, readCompacted, writeCompacted } from '../../../../src/services/catalogue/compacted-catalogue.js';
import { listed, podcastManifest, talkManifest } from '../../../support/manifest-factory.js';
import { freshStore } from '../../../support/search-archive.js';

const gone: Tombstone = { version: 1, id: 'removed', purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: '2026-12-07T02:00:00.000Z', reason: null, replacedBy: null };

function stateOf(): CatalogueState {
  const talk = talkManifest({ id: 'a-talk', title: 'Médiation « numérique »' });
  const podcast = podcastManifest({ id: 'a-podcast' });
  return {
    items: new Map([[talk.id, listed(talk)], [podcast.id, listed(podcast)]]),
    tombstones: new Map([[gone.id, gone]]),
    unreadable: new Map(),
    cursor: 1_765_000_000_000,
    applied: new Map([['changes/1765000000000-abcdef01-a-talk.json', 1_765_000_000_000]]),
  };
}

describe('the compacted catalogue', () => {
  it('gives back the manifests, their digests, the tombstones, the cursor and the entries applied', async () => {
    const store = freshStore();
    const state = stateOf();
    await writeCompacted(store, state, new Date('2026-12-07T03:00:00Z'));
    const read = await readCompacted(store);
    expect(read?.writtenAt.toISOString()).toBe('2026-12-07T03:00:00.000Z');
    expect(read?.state.items).toEqual(state.items);
    expect(read?.state.tombstones).toEqual(state.tombstones);
    expect(read?.state.cursor).toBe(state.cursor);
    expect(read?.state.applied).toEqual(state.applied);
  });

  it('is not used when absent, damaged, cut short or of another format', async () => {
    const store = freshStore();
    expect(await readCompacted(store)).toBeNull();
    await store.putBuffer(COMPACTED_KEY, 'not gzip', 'application/gzip');
    expect(await readCompacted(store)).toBeNull();
    await writeCompacted(store, stateOf());
    const whole = String(gunzipSync((await store.getBuffer(COMPACTED_KEY)) ?? Buffer.alloc(0)));
    const lines = whole.trim().split('\n');
    await store.putBuffer(COMPACTED_KEY, gzipSync(lines.slice(0, -1).join('\n')), 'application/gzip');
    expect(await readCompacted(store)).toBeNull(); // a line short: the counts do not add up
    await store.putBuffer(COMPACTED_KEY, gzipSync(whole.replace('"format":2', '"format":99')), 'application/gzip');
    expect(await readCompacted(store)).toBeNull();
  });
});
