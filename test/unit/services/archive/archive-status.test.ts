import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemSummary, lastIngestPath, readLastIngest, untranscribedItems } from '../../../../src/services/archive/archive-status.js';
import { manifestOf } from '../../../support/manifest-factory.js';

describe('the archive at a glance', () => {
  it('sums up an item: kind, duration, transcript, files, sound', () => {
    const talk = manifestOf({ id: 'talk-a', duration: 90, accessibility: { transcript: 'automatic' } });
    expect(itemSummary(talk)).toEqual({ id: 'talk-a', kind: 'talk', title: 'Title of talk-a', duration: 90, transcript: 'automatic', files: 0, bytes: 0, sound: true });
    expect(itemSummary(manifestOf({ id: 'doc-a', kind: 'document' }))).toMatchObject({ duration: null, transcript: null, sound: null });
  });

  it('counts as untranscribed the recordings with words and no transcript, not a silent video nor a document', () => {
    const silent = manifestOf({ id: 'silent' });
    const silentVideo = { ...silent, media: { ...silent.media, audio: null } };
    const items = [manifestOf({ id: 'a' }), manifestOf({ id: 'b', accessibility: { transcript: 'reviewed' } }), silentVideo, manifestOf({ id: 'd', kind: 'document' })];
    expect(untranscribedItems(items).map((m) => m.id)).toEqual(['a']);
  });

  it('reads the last ingest’s report from DATA_DIR/.state, or null', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mc-status-'));
    try {
      expect(await readLastIngest(dir)).toBeNull();
      mkdirSync(path.join(dir, '.state'));
      writeFileSync(lastIngestPath(dir), JSON.stringify({ at: '2026-12-01T00:00:00Z', source: 'p.csv', outcomes: [], problems: [], wallSeconds: 1 }));
      expect(await readLastIngest(dir)).toMatchObject({ at: '2026-12-01T00:00:00Z', source: 'p.csv' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
