import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSampleTimeline, type SampleTimeline } from '../../scripts/sample/texts.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { importCaptions } from '../../src/pipeline/captions/index.js';
import { readProgramme } from '../../src/services/programme/read-programme.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { noDocuments, noMedia } from '../support/programme-tree.js';

const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The sample generator's caption files (VTT with voices, an SRT translation) against the texts it spoke. */
describe('captions of the sample edition', () => {
  let timeline: SampleTimeline;
  let items: ProgrammeItem[];

  beforeAll(async () => {
    timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    const programme = await readProgramme(path.join(SHORT_SAMPLE_DIR, 'programme.csv'), { media: noMedia, documents: noDocuments, defaultLicence: 'CC-BY-4.0' });
    items = programme.items.filter((item) => item.captions.length > 0);
  });

  it('has captions for the talks, the workshop and the round table, and an English SRT', () => {
    expect(items.map((item) => item.kind).sort()).toEqual(['round-table', 'talk', 'talk', 'workshop']);
    expect(items.flatMap((item) => item.captions.map((c) => path.extname(c.path))).sort()).toEqual(['.srt', '.vtt', '.vtt', '.vtt', '.vtt']);
  });

  it('imports every caption file cleanly, with the spoken text, on the speech’s times, with its speakers', () => {
    for (const item of items) {
      const spoken = timeline.items.find((i) => i.id === item.id);
      expect(spoken, item.id).toBeDefined();
      const sentences = spoken?.sentences ?? [];
      for (const caption of item.captions) {
        const outcome = importCaptions({ name: caption.declared, language: caption.language, bytes: readFileSync(caption.path) });
        if (outcome.status !== 'imported') throw new Error(`${caption.declared}: ${JSON.stringify(outcome)}`);
        expect(outcome.warnings, caption.declared).toEqual([]);
        const expected = sentences.map((s) => (caption.language === 'en' ? s.en : s.text) ?? '').filter(Boolean).join(' ');
        expect(words(outcome.transcript.cues.map((c) => c.text).join(' ')), caption.declared).toBe(words(expected));
        for (const cue of outcome.transcript.cues) {
          const index = sentences.findIndex((s) => cue.start >= s.start - 0.001 && cue.start < s.end);
          const sentence = sentences[index];
          expect(sentence, `${caption.declared} cue at ${cue.start}`).toBeDefined();
          expect(cue.end, `${caption.declared} cue at ${cue.start}`).toBeLessThanOrEqual((sentences[index + 1]?.start ?? spoken?.duration ?? Infinity) + 0.001);
          expect(cue.speaker, `${caption.declared} cue at ${cue.start}`).toBe(sentence?.speaker ?? null);
        }
      }
    }
  });
});
