import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import type { PipelineSettings, Step } from '../../../../src/pipeline/step.js';
import type { StepRecord } from '../../../../src/services/ingest/item-version.js';
import { carriedRecords, needsOf, stepFingerprints, versionKey, type InputDigest } from '../../../../src/services/ingest/step-plan.js';

const item = { id: '2025-x-talk', language: 'fr', title: 'Talk', captions: [] } as unknown as ProgrammeItem;
const run = async () => ({});
const step = (name: string, fields: Partial<Step> = {}): Step => ({ name, version: 1, run, ...fields });

/** A small video chain: transcode rewrites nothing, description rewrites the master playlist, transcribe uses a model. */
const chain: Step[] = [
  step('probe', { reads: ['media'], needs: [] }),
  step('transcode', { reads: ['media'], needs: [] }),
  step('description', { reads: ['audioDescription', 'media'], needs: ['transcode'] }),
  step('poster', { reads: ['media'], needs: [] }),
  step('captions', { reads: ['captions'], needs: [] }),
  step('transcribe', { reads: ['media', 'captions'], needs: ['captions'], settings: (_item, s) => s.speechToText }),
];
const inputs: InputDigest[] = [
  { role: 'media', sha256: 'm1' },
  { role: 'captions', language: 'en', sha256: 'c1' },
  { role: 'audioDescription', sha256: 'a1' },
];
const none: PipelineSettings = { speechToText: null };
const prints = (steps = chain, digests = inputs, settings = none) => stepFingerprints(steps, item, digests, settings, '2');
const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((name) => a.get(name) !== b.get(name));

describe('step fingerprints', () => {
  it('need the probe always, and every earlier step when a step declares nothing', () => {
    expect(needsOf(chain, 2)).toEqual(['probe', 'transcode']);
    expect(needsOf([...chain, step('undeclared')], chain.length)).toEqual(chain.map((s) => s.name));
  });

  it('change for the model only where the model is used, and for what needs those steps', () => {
    const model = prints(chain, inputs, { speechToText: { engine: 'whisper', sha256: 'abc' } });
    expect(changed(prints(), model)).toEqual(['transcribe']);
  });

  it('change for a bumped step version only there and after it along its needs', () => {
    const bumped = chain.map((s) => (s.name === 'transcode' ? { ...s, version: 2 } : s));
    expect(changed(prints(), prints(bumped))).toEqual(['transcode', 'description']);
    const poster = chain.map((s) => (s.name === 'poster' ? { ...s, version: 2 } : s));
    expect(changed(prints(), prints(poster))).toEqual(['poster']);
  });

  it('change for a file only in the steps that read it, and for the pipeline everywhere', () => {
    const captions = inputs.map((d) => (d.role === 'captions' ? { ...d, sha256: 'c2' } : d));
    expect(changed(prints(), prints(chain, captions))).toEqual(['captions', 'transcribe']);
    const media = inputs.map((d) => (d.role === 'media' ? { ...d, sha256: 'm2' } : d));
    expect(changed(prints(), prints(chain, media))).toEqual(chain.map((s) => s.name));
    const other = stepFingerprints(chain, item, inputs, none, '3');
    expect(changed(prints(), other)).toEqual(chain.map((s) => s.name));
    expect(versionKey(prints())).not.toBe(versionKey(other));
  });
});

describe('records carried over from the published revision', () => {
  const file = (rel: string, sha256: string) => ({ [rel]: { key: `items/x/old/${rel}`, size: 1, sha256, contentType: 'text/plain' } });
  const record = (name: string, fingerprint: string, files: StepRecord['files'] = {}, removed: string[] = []): StepRecord => ({
    step: name, version: 1, fingerprint, run: `${name}-run`, basis: '', applies: true, result: {}, files, removed, seconds: 1,
  });
  const published = (fingerprints: Map<string, string>): StepRecord[] => [
    record('probe', fingerprints.get('probe') ?? ''),
    record('transcode', fingerprints.get('transcode') ?? '', { ...file('hls/master.m3u8', 't'), ...file('hls/720p/index.m3u8', 't2') }),
    record('description', fingerprints.get('description') ?? '', file('hls/master.m3u8', 'd')),
    record('poster', fingerprints.get('poster') ?? '', file('images/poster-640.jpg', 'p')),
    record('captions', fingerprints.get('captions') ?? '', file('text/en.vtt', 'c')),
    record('transcribe', fingerprints.get('transcribe') ?? ''),
  ];

  it('takes over every step whose fingerprint is unchanged', () => {
    const model = prints(chain, inputs, { speechToText: { engine: 'whisper', sha256: 'abc' } });
    expect(carriedRecords(chain, model, published(prints())).map((r) => r.step)).toEqual(['probe', 'transcode', 'description', 'poster', 'captions']);
  });

  it('runs again a step one of whose files a step that runs again rewrote, and what needs it', () => {
    // The description file changed: the description runs again, and it rewrites the master playlist
    // that transcode wrote: transcode's own playlist is lost, so transcode runs again too.
    const description = inputs.map((d) => (d.role === 'audioDescription' ? { ...d, sha256: 'a2' } : d));
    expect(carriedRecords(chain, prints(chain, description), published(prints())).map((r) => r.step)).toEqual(['probe', 'poster', 'captions', 'transcribe']);
  });

  it('runs again a step whose need runs again', () => {
    const captions = chain.map((s) => (s.name === 'captions' ? { ...s, version: 2 } : s));
    const carried = carriedRecords(captions, prints(captions), published(prints()));
    expect(carried.map((r) => r.step)).toEqual(['probe', 'transcode', 'description', 'poster']);
  });
});
