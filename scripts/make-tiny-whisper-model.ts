/**
 * Writes a tiny multilingual whisper model with random (seeded) weights, in the ggml file format
 * that whisper.cpp's loader reads (whisper.cpp/src/whisper.cpp, whisper_model_load):
 *   npx tsx scripts/make-tiny-whisper-model.ts [--out FILE] [--seed N]
 *
 * It transcribes nonsense, but it runs the real code path (loading, mel spectrogram, encoder,
 * decoder, timestamps) in milliseconds: what the tests and the speed floor of the bench need,
 * where no real model can be downloaded. Same seed, same bytes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** "ggml" read as a little-endian uint32: the magic of the legacy ggml whisper files. */
const GGML_MAGIC = 0x67676d6c;
const GGML_TYPE_F32 = 0;
const GGML_TYPE_F16 = 1;
/** ftype 1: the big matrices in f16, as the official ggml-*.bin files (not quantised). */
const FTYPE_MOSTLY_F16 = 1;

/**
 * 51865 tokens is what makes whisper.cpp treat a model as multilingual (99 languages); 1500 audio
 * positions are 30 s of mel frames after the stride-2 convolution; the widths are the smallest
 * that keep every shape valid. 32 text positions (real models: 448) cap each decoding at 16
 * tokens: random weights are never confident, so whisper retries every 30 s at five more
 * temperatures, and with 448 positions that costs ~10 s per window instead of ~1.
 */
export const TINY_HPARAMS = {
  nVocab: 51865,
  nAudioCtx: 1500,
  nAudioState: 64,
  nAudioHead: 1,
  nAudioLayer: 1,
  nTextCtx: 32,
  nTextState: 64,
  nTextHead: 1,
  nTextLayer: 1,
  nMels: 80,
} as const;

/** The text tokens a multilingual file lists (GPT-2's 50257); the loader adds the special ones. */
const TEXT_TOKENS = 50257;
const SAMPLE_RATE = 16_000;
const N_FFT = 400;

export const TINY_MODEL_FILE_NAME = 'ggml-tiny-random.bin';

interface TensorSpec {
  name: string;
  /** ggml order: ne[0] varies fastest. */
  ne: number[];
  type: typeof GGML_TYPE_F32 | typeof GGML_TYPE_F16;
  init: 'weight' | 'zero' | 'one' | 'position';
}

/** Every tensor whisper_model_load expects, with its name, shape and type. */
export function tensorSpecs(h: typeof TINY_HPARAMS = TINY_HPARAMS): TensorSpec[] {
  const specs: TensorSpec[] = [];
  const f32 = (name: string, ne: number[], init: TensorSpec['init']): void => void specs.push({ name, ne, type: GGML_TYPE_F32, init });
  const f16 = (name: string, ne: number[]): void => void specs.push({ name, ne, type: GGML_TYPE_F16, init: 'weight' });
  const a = h.nAudioState;
  const t = h.nTextState;

  f32('encoder.positional_embedding', [a, h.nAudioCtx], 'position');
  f16('encoder.conv1.weight', [3, h.nMels, a]);
  f32('encoder.conv1.bias', [1, a], 'zero');
  f16('encoder.conv2.weight', [3, a, a]);
  f32('encoder.conv2.bias', [1, a], 'zero');
  f32('encoder.ln_post.weight', [a], 'one');
  f32('encoder.ln_post.bias', [a], 'zero');
  for (let i = 0; i < h.nAudioLayer; i++) specs.push(...blockSpecs(`encoder.blocks.${i}`, a, false));

  f32('decoder.positional_embedding', [t, h.nTextCtx], 'position');
  f16('decoder.token_embedding.weight', [t, h.nVocab]);
  f32('decoder.ln.weight', [t], 'one');
  f32('decoder.ln.bias', [t], 'zero');
  for (let i = 0; i < h.nTextLayer; i++) specs.push(...blockSpecs(`decoder.blocks.${i}`, t, true));
  return specs;
}

function blockSpecs(prefix: string, n: number, crossAttention: boolean): TensorSpec[] {
  const attention = (name: string): TensorSpec[] => [
    { name: `${prefix}.${name}_ln.weight`, ne: [n], type: GGML_TYPE_F32, init: 'one' },
    { name: `${prefix}.${name}_ln.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
    { name: `${prefix}.${name}.query.weight`, ne: [n, n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.${name}.query.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
    // whisper has no key bias
    { name: `${prefix}.${name}.key.weight`, ne: [n, n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.${name}.value.weight`, ne: [n, n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.${name}.value.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
    { name: `${prefix}.${name}.out.weight`, ne: [n, n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.${name}.out.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
  ];
  return [
    ...attention('attn'),
    ...(crossAttention ? attention('cross_attn') : []),
    { name: `${prefix}.mlp_ln.weight`, ne: [n], type: GGML_TYPE_F32, init: 'one' },
    { name: `${prefix}.mlp_ln.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
    { name: `${prefix}.mlp.0.weight`, ne: [n, 4 * n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.mlp.0.bias`, ne: [4 * n], type: GGML_TYPE_F32, init: 'zero' },
    { name: `${prefix}.mlp.2.weight`, ne: [4 * n, n], type: GGML_TYPE_F16, init: 'weight' },
    { name: `${prefix}.mlp.2.bias`, ne: [n], type: GGML_TYPE_F32, init: 'zero' },
  ];
}

/** The whole model file as bytes. */
export function tinyWhisperModel(seed = 1): Buffer {
  const h = TINY_HPARAMS;
  const random = mulberry32(seed);
  const parts: Buffer[] = [];

  parts.push(int32s([GGML_MAGIC | 0, h.nVocab, h.nAudioCtx, h.nAudioState, h.nAudioHead, h.nAudioLayer,
    h.nTextCtx, h.nTextState, h.nTextHead, h.nTextLayer, h.nMels, FTYPE_MOSTLY_F16]));

  const bins = N_FFT / 2 + 1;
  parts.push(int32s([h.nMels, bins]), float32s(melFilters(h.nMels, bins)));

  parts.push(int32s([TEXT_TOKENS]));
  for (const token of vocabulary(random)) {
    const bytes = Buffer.from(token, 'utf8');
    parts.push(int32s([bytes.length]), bytes);
  }

  for (const spec of tensorSpecs(h)) {
    const name = Buffer.from(spec.name, 'utf8');
    parts.push(int32s([spec.ne.length, name.length, spec.type, ...spec.ne]), name);
    const count = spec.ne.reduce((a, b) => a * b, 1);
    const values = initialValues(spec, count, random);
    parts.push(spec.type === GGML_TYPE_F16 ? float16s(values) : float32s(values));
  }
  return Buffer.concat(parts);
}

/** Writes the model unless the same bytes are already there; returns its path. */
export async function ensureTinyWhisperModel(dir: string, seed = 1): Promise<string> {
  const file = path.join(dir, seed === 1 ? TINY_MODEL_FILE_NAME : `ggml-tiny-random-${seed}.bin`);
  const bytes = tinyWhisperModel(seed);
  const existing = await readFile(file).catch(() => null);
  if (existing?.equals(bytes)) return file;
  await mkdir(dir, { recursive: true });
  // Through a temporary name: a test run killed halfway never leaves a truncated model behind.
  const temp = `${file}.${process.pid}.part`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return file;
}

function initialValues(spec: TensorSpec, count: number, random: () => number): Float32Array {
  const values = new Float32Array(count);
  switch (spec.init) {
    case 'zero':
      return values;
    case 'one':
      return values.fill(1);
    case 'position': {
      // Sinusoids, as whisper's encoder uses: harmless values of the right scale.
      const [width = 1] = spec.ne;
      for (let i = 0; i < count; i++) {
        const position = Math.floor(i / width);
        const channel = i % width;
        const rate = 1 / 10_000 ** ((2 * Math.floor(channel / 2)) / width);
        values[i] = channel % 2 === 0 ? Math.sin(position * rate) : Math.cos(position * rate);
      }
      return values;
    }
    case 'weight': {
      // Uniform, scaled by the fan-in (ne[0] for matrices), so activations stay finite.
      const fanIn = spec.ne.length === 3 ? (spec.ne[0] ?? 1) * (spec.ne[1] ?? 1) : (spec.ne[0] ?? 1);
      const scale = Math.sqrt(3 / fanIn);
      for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
      return values;
    }
  }
}

/**
 * Pseudo-words made of syllables: readable output, valid UTF-8 whole characters per token (a
 * real vocabulary is byte-level and may split a character; this one never does), a leading
 * space on about half of them as GPT-2 tokens have. The first 256 are single characters, then
 * the tokens the decoder looks up by text (" " to suppress blanks, " -" and " '" to suppress
 * non-speech): without them whisper_full fails with "map::at".
 */
function vocabulary(random: () => number): string[] {
  const onsets = ['', 'b', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'ch', 'qu'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ou', 'an', 'on'];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const tokens: string[] = [];
  for (let i = 0; i < 256; i++) tokens.push(i >= 0x20 && i <= 0x7e ? String.fromCharCode(i) : pick(vowels));
  tokens.push(' -', " '");
  while (tokens.length < TEXT_TOKENS) {
    let token = random() < 0.5 ? ' ' : '';
    const syllables = 1 + Math.floor(random() * 3);
    for (let s = 0; s < syllables; s++) token += pick(onsets) + pick(vowels);
    tokens.push(token);
  }
  return tokens;
}

/** Triangular mel filters (Slaney scale and area normalisation, as whisper's own filters). */
function melFilters(nMels: number, bins: number): Float32Array {
  const hzToMel = (hz: number): number => (hz < 1000 ? (3 * hz) / 200 : 15 + (27 * Math.log(hz / 1000)) / Math.log(6.4));
  const melToHz = (mel: number): number => (mel < 15 ? (200 * mel) / 3 : 1000 * Math.exp((Math.log(6.4) * (mel - 15)) / 27));
  const top = hzToMel(SAMPLE_RATE / 2);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHz((top * i) / (nMels + 1)));
  const filters = new Float32Array(nMels * bins);
  for (let m = 0; m < nMels; m++) {
    const [lo, mid, hi] = [edges[m] as number, edges[m + 1] as number, edges[m + 2] as number];
    const norm = 2 / (hi - lo);
    for (let b = 0; b < bins; b++) {
      const hz = (b * SAMPLE_RATE) / N_FFT;
      const weight = Math.max(0, Math.min((hz - lo) / (mid - lo), (hi - hz) / (hi - mid)));
      filters[m * bins + b] = weight * norm;
    }
  }
  return filters;
}

// Typed arrays write in the machine's byte order; ggml files are little-endian, as is every
// machine this runs on (x86-64, arm64), so the bytes go out as they are.
function int32s(values: number[]): Buffer {
  return Buffer.from(Int32Array.from(values, (v) => v | 0).buffer);
}

function float32s(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function float16s(values: Float32Array): Buffer {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const half = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) half[i] = toHalf(bits[i] as number);
  return Buffer.from(half.buffer);
}

/** IEEE 754 binary16 from binary32 bits, round half up; enough for weights well inside its range. */
function toHalf(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign; // too small for a normal half: zero
  if (exponent >= 31) return sign | 0x7c00;
  const half = sign | (exponent << 10) | (mantissa >>> 13);
  return (mantissa & 0x1000) !== 0 ? half + 1 : half;
}

/** A small seeded generator: the same seed gives the same model, byte for byte. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: path.join('models', TINY_MODEL_FILE_NAME) }, seed: { type: 'string', default: '1' } },
  });
  const bytes = tinyWhisperModel(Number(values.seed));
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, bytes);
  process.stdout.write(`${values.out}: tiny random whisper model, ${(bytes.length / 1e6).toFixed(1)} MB (not for real transcription)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
