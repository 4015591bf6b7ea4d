import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalisedWords, wordErrors } from '../../scripts/bench/word-error-rate.js';
import { readSampleTimeline } from '../../scripts/sample/texts.js';
import { PopplerDocumentTool } from '../../src/adapters/document-tool/poppler-document-tool.js';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { FluentFfmpegMediaTool } from '../../src/adapters/media-tool/fluent-ffmpeg-media-tool.js';
import { TesseractOcrTool } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import { readGgmlModelHeader } from '../../src/adapters/transcriber/ggml-model-file.js';
import { SmartWhisperTranscriber } from '../../src/adapters/transcriber/smart-whisper-transcriber.js';
import type { ProgrammeItem } from '../../src/domain/item.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { interpretProbe } from '../../src/pipeline/probe.js';
import { transcribeStep } from '../../src/pipeline/steps/transcribe.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';

/**
 * Word error rate of the configured real model on the sample edition's recordings, whose words
 * are known. The bound is loose on purpose: espeak-ng's voice is harder than a person's, and the
 * test is there to catch a broken pipeline (wrong language, shifted windows, lost words: WER near
 * 1), not to grade a model.
 */
const MAX_WER = 0.5;

const model = process.env.TRANSCRIBER_MODEL;
const skipReason = !model
  ? 'set TRANSCRIBER_MODEL=/path/to/ggml-base.bin (a real multilingual whisper model) to run it'
  : !existsSync(model)
    ? `TRANSCRIBER_MODEL=${model} does not exist`
    : readGgmlModelHeader(model).size === 'unknown'
      ? `TRANSCRIBER_MODEL=${model} is not a real whisper model (the tiny random one?)`
      : null;

describe('speech-to-text quality', () => {
  let root: string | null = null;
  const transcriber = skipReason ? null : new SmartWhisperTranscriber(model as string);
  afterAll(async () => {
    await transcriber?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('scores words the way WER is defined', () => {
    expect(normalisedWords("Aujourd’hui, l'IA : « vraiment » ?")).toEqual(['aujourd', 'hui', 'l', 'ia', 'vraiment']);
    expect(wordErrors(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(2);
    expect(wordErrors(['a', 'b'], [])).toBe(2);
  });

  it.skipIf(skipReason !== null)(`transcribes the sample recordings with a word error rate under ${MAX_WER}${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mc-stt-quality-'));
    const media = new FluentFfmpegMediaTool();
    const timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    let errors = 0;
    let words = 0;
    for (const entry of timeline.items.filter((i) => i.duration !== null && i.sentences.length > 0)) {
      const file = path.join(SHORT_SAMPLE_DIR, entry.media);
      const item = { id: entry.id, kind: entry.kind, language: 'fr', media: { path: file, declared: entry.media }, captions: [] } as unknown as ProgrammeItem;
      const info = interpretProbe(await media.probe(file), file, entry.kind === 'podcast' ? 'audio' : 'video', 1);
      const outDir = path.join(root, entry.id);
      const result = await transcribeStep.run({
        item, workDir: path.join(outDir, 'work'), outDir, previous: { media: info },
        media, images: new SharpImageTool(), documents: new PopplerDocumentTool(), ocr: new TesseractOcrTool(), transcriber, progress: () => {},
      });
      const json = result.transcripts?.[0]?.json;
      const cues = json ? transcriptFileSchema.parse(JSON.parse(readFileSync(path.join(outDir, json), 'utf8'))).cues : [];
      const reference = normalisedWords(entry.sentences.map((s) => s.text).join(' '));
      const heard = normalisedWords(cues.map((c) => c.text).join(' '));
      const itemErrors = wordErrors(reference, heard);
      console.info(`${entry.id}: WER ${(itemErrors / reference.length).toFixed(2)} — heard "${heard.join(' ')}"`);
      errors += itemErrors;
      words += reference.length;
    }
    const wer = errors / words;
    console.info(`speech-to-text WER on the sample (${words} words, ${path.basename(model as string)}): ${wer.toFixed(3)}`);
    expect(words).toBeGreaterThan(20);
    expect(wer).toBeLessThanOrEqual(MAX_WER);
  }, 600_000);
});
