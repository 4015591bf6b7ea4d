import { createHash } from 'node:crypto';
import type { ProgrammeItem } from '../../domain/item.js';
import type { InputRole, PipelineSettings, Step } from '../../pipeline/step.js';
import type { StepRecord } from './item-version.js';

/** One programme file of an item as its checksum made it known. */
export interface InputDigest {
  role: InputRole;
  language?: string;
  sha256: string;
}

const ALL_ROLES: readonly InputRole[] = ['media', 'captions', 'slides', 'audioDescription', 'signLanguage'];

/**
 * Each step's fingerprint: a hash of what its outputs depend on, the pipeline's version, its
 * own name and version, the files it reads, the metadata it writes into files, the settings it
 * uses and the fingerprints of the steps it needs. Equal fingerprints, equal outputs: a new
 * version of the item may carry them over instead of running the step again.
 */
export function stepFingerprints(
  steps: readonly Step[], item: ProgrammeItem, inputs: readonly InputDigest[], settings: PipelineSettings, pipelineVersion: string,
): Map<string, string> {
  const prints = new Map<string, string>();
  steps.forEach((step, index) => {
    const reads = step.reads ?? ALL_ROLES;
    const needs = needsOf(steps, index);
    const basis = {
      pipeline: pipelineVersion,
      step: `${step.name}@${step.version}`,
      files: inputs.filter((input) => reads.includes(input.role)).map((input) => [input.role, input.language ?? null, input.sha256]),
      embeds: step.embeds?.(item) ?? null,
      settings: step.settings?.(item, settings) ?? null,
      needs: needs.map((name) => [name, prints.get(name) ?? null]),
    };
    prints.set(step.name, sha256(JSON.stringify(basis)));
  });
  return prints;
}

/** The names of the earlier steps that step `index` needs: those it declares that are in the chain (all, undeclared). */
export function needsOf(steps: readonly Step[], index: number): string[] {
  const earlier = steps.slice(0, index).map((s) => s.name);
  const declared = steps[index]?.needs;
  if (!declared) return earlier;
  // The probe is what every step builds on.
  const wanted = new Set(['probe', ...declared]);
  return earlier.filter((name) => wanted.has(name));
}

/** The key of a whole version: every stage's fingerprint (a change anywhere is a new revision). */
export function versionKey(fingerprints: ReadonlyMap<string, string>): string {
  return sha256(JSON.stringify([...fingerprints]));
}

/**
 * The published revision's step records this version can take over: same fingerprint, every
 * step it needs taken over too (its basis names their runs), and no file of it rewritten or
 * removed by a step that is not taken over (its own outputs are then lost: only the rewritten
 * ones are stored).
 */
export function carriedRecords(
  steps: readonly Step[], fingerprints: ReadonlyMap<string, string>, published: readonly StepRecord[],
): StepRecord[] {
  const byName = new Map(published.map((record) => [record.step, record]));
  const carried = new Set(
    steps.filter((step) => { const old = byName.get(step.name); return old !== undefined && old.fingerprint === fingerprints.get(step.name); }).map((s) => s.name),
  );
  const writers = new Map<string, string[]>();
  for (const record of published) {
    for (const rel of [...Object.keys(record.files), ...record.removed]) writers.set(rel, [...(writers.get(rel) ?? []), record.step]);
  }
  for (let changed = true; changed;) {
    changed = false;
    steps.forEach((step, index) => {
      if (!carried.has(step.name)) return;
      const record = byName.get(step.name) as StepRecord;
      const lostNeed = needsOf(steps, index).some((name) => !carried.has(name));
      const touched = Object.keys(record.files).some((rel) => (writers.get(rel) ?? []).some((writer) => !carried.has(writer)));
      if (lostNeed || touched) {
        carried.delete(step.name);
        changed = true;
      }
    });
  }
  return published.filter((record) => carried.has(record.step));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
