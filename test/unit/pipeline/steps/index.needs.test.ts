import { describe, expect, it } from 'vitest';
import { stepsFor } from '../../../../src/pipeline/steps/index.js';

describe('the pipeline\'s own steps', () => {
  it.each(['video', 'audio', 'document'] as const)('of a %s declare what they read and need, and need only earlier steps', (kind) => {
    const steps = stepsFor(kind);
    expect(steps[0]?.name).toBe('probe');
    steps.forEach((s, index) => {
      expect(s.reads, s.name).toBeDefined();
      expect(s.needs, s.name).toBeDefined();
      const earlier = new Set(steps.slice(0, index).map((e) => e.name));
      for (const need of s.needs ?? []) expect(earlier.has(need), `${s.name} needs ${need}`).toBe(true);
    });
  });
});
