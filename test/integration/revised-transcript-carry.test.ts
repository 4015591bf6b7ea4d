import { describe, expect, it } from 'vitest';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { readManifest } from '../../src/services/archive/manifests.js';
import { ItemVersion, type StepRecord } from '../../src/services/ingest/item-version.js';
import { reviseTranscript } from '../../src/services/transcripts/revise-transcript.js';
import { freshStore, writeItem } from '../support/search-archive.js';

const REV = 'a1b2c3d4e5f6';

/**
 * A transcript revised after publication (a correction, the glossary) and the next ingest: the
 * published step record still names the files the step wrote, the manifest names their revised
 * copies; a version that carries the step over takes the revised ones.
 */
describe('a revised transcript and the next version of its item', () => {
  it('is what publishedRecords hands over for the step’s paths, and what carry copies', async () => {
    const store = freshStore();
    const id = 'a-revised';
    const written = await writeItem(store, { id, kind: 'podcast', title: 'Revu', transcripts: [{ source: 'speech-to-text', cues: [[0, 3, 'Avec la Mednum.']] }] });
    // As the ingest names it: the revision folder is the start of the inputs' hash, beside its steps.json.
    const manifest: Manifest = { ...written, pipeline: { ...written.pipeline, inputs: `${REV}${'0'.repeat(52)}` } };
    const stepFiles = Object.fromEntries(manifest.files.filter((f) => f.key.includes('/text/')).map((f) => [f.key.slice(`items/${id}/${REV}/`.length), f]));
    const record: StepRecord = {
      step: 'transcribe', version: 1, fingerprint: 'f', run: 'r', basis: '', applies: true, result: {}, files: stepFiles, removed: [], seconds: 1,
    };
    await store.putBuffer(`items/${id}/${REV}/steps.json`, JSON.stringify({ inputsKey: manifest.pipeline.inputs, records: [record] }), 'application/json');
    await store.putBuffer(manifestKey(id), JSON.stringify(manifest, null, 2), 'application/json');

    const revised = (await reviseTranscript(store, manifest, 'fr', (file) => ({
      cues: file.cues.map((c) => ({ ...c, text: 'Avec la MedNum.' })), entry: { by: 'camille', action: 'transcript.correction', cues: [0], detail: 'test' },
    })))!;
    expect(await readManifest(store, id)).toEqual(revised);
    const vtt = revised.text.transcripts[0]!.vtt;
    expect(vtt).toMatch(new RegExp(`^items/${id}/${REV}/revised/[0-9a-z]+/text/fr\\.vtt$`));
    expect(await store.stat(`items/${id}/${REV}/text/fr.vtt`)).toBeNull();

    const published = (await ItemVersion.publishedRecords(store, revised))!;
    expect(published.files.get('text/fr.vtt')?.key).toBe(vtt);
    const next = new ItemVersion(store, id, `ffffffffffff${'1'.repeat(52)}`);
    const carried = await next.carry({ ...record, files: Object.fromEntries(Object.keys(record.files).map((rel) => [rel, published.files.get(rel)!])) });
    expect(carried.files['text/fr.vtt']!.key).toBe(`items/${id}/ffffffffffff/text/fr.vtt`);
    expect((await store.getBuffer(`items/${id}/ffffffffffff/text/fr.vtt`))!.toString('utf8')).toContain('Avec la MedNum.');
  });
});
