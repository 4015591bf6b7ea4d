import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/services/archive/manifests.js';
import { applyGlossaryAfterPublish } from '../../src/services/glossary/apply-glossary.js';
import { addGlossaryEntry } from '../../src/services/glossary/glossary-store.js';
import { freshStore, writeItem } from '../support/search-archive.js';

/** What the publish stage of an ingest does last (ingest-stages.ts), over a real store. */
describe('the glossary at ingest', () => {
  it('fixes the automatic transcripts just published, once, and leaves reviewed ones alone', async () => {
    const store = freshStore();
    const automatic = await writeItem(store, { id: 'a-auto', kind: 'podcast', title: 'Auto', transcripts: [{ source: 'speech-to-text', cues: [[0, 3, 'Avec la Mednum.'], [3, 6, 'Et la Mednum encore.']] }] });
    const reviewed = await writeItem(store, { id: 'a-reviewed', kind: 'podcast', title: 'Relu', transcripts: [{ source: 'captions-reviewed', cues: [[0, 3, 'Avec la Mednum.']] }] });
    expect(await applyGlossaryAfterPublish(store, automatic)).toEqual([]);
    expect((await readManifest(store, 'a-auto'))!.history).toBeUndefined();

    await addGlossaryEntry(store, { find: 'Mednum', replace: 'MedNum' }, 'camille');
    expect(await applyGlossaryAfterPublish(store, automatic)).toEqual([]);
    const fixed = (await readManifest(store, 'a-auto'))!;
    expect(fixed.history).toEqual([expect.objectContaining({ by: 'glossary', action: 'transcript.glossary', cues: [0, 1], detail: 'glossary: 2 replacement(s)' })]);
    expect((await store.getBuffer(fixed.text.transcripts[0]!.txt))!.toString('utf8')).toContain('Et la MedNum encore.');
    expect(fixed.accessibility.transcript).toBe('automatic');
    // The next publish of the same text (carried over) has nothing left to replace.
    expect(await applyGlossaryAfterPublish(store, fixed)).toEqual([]);
    expect((await readManifest(store, 'a-auto'))!.history).toHaveLength(1);

    expect(await applyGlossaryAfterPublish(store, reviewed)).toEqual([]);
    expect(await readManifest(store, 'a-reviewed')).toEqual(reviewed);
  });
});
