import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../../../../src/domain/item.js';
import type { MediaInfo } from '../../../../src/domain/manifest.js';
import type { Step } from '../../../../src/pipeline/step.js';
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

describe('the slide changes of a talk', () => {
  it('come from the ladder\'s decode: chapters needs transcode-video, which applies to the same videos; slide OCR needs chapters', () => {
    const video = stepsFor('video');
    const step = (name: string): Step | undefined => video.find((s) => s.name === name);
    expect(step('chapters')?.needs).toEqual(['transcode-video']);
    expect(step('chapters')?.reads).toEqual([]);
    expect(step('slide-ocr')?.needs).toEqual(['chapters']);
    // A video without sound still has its ladder, so its chapters.
    const silent = { class: 'video', video: {}, audio: null } as unknown as MediaInfo;
    const item = {} as ProgrammeItem;
    expect(step('chapters')?.applies?.(item, silent)).toBe(true);
    expect(step('transcode-video')?.applies?.(item, silent)).toBe(true);
    expect(stepsFor('audio').some((s) => s.name === 'chapters' || s.name === 'transcode-video')).toBe(false);
  });
});
