import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads and checks a whisper.cpp model file (the legacy "ggml" format: magic, hyper-parameters,
 * mel filters, vocabulary, then the tensors) without loading its weights, so that a wrong or
 * incomplete file is refused at boot with a sentence an operator understands, rather than by the
 * native loader much later (which, in some builds, takes the whole process down).
 */
export interface GgmlModelHeader {
  nVocab: number;
  nAudioCtx: number;
  nAudioState: number;
  nAudioLayer: number;
  nTextState: number;
  nTextLayer: number;
  nMels: number;
  multilingual: boolean;
  /** tiny, base, small, medium, large (by encoder depth, as whisper.cpp names them), or unknown. */
  size: 'tiny' | 'base' | 'small' | 'medium' | 'large' | 'unknown';
  tensors: number;
  fileSize: number;
}

const GGML_MAGIC = 0x67676d6c;
/** English-only vocabularies have 51864 tokens, multilingual ones 51865 (51866 for large-v3). */
const MULTILINGUAL_VOCAB = 51865;

/** Bytes per block and values per block of each ggml tensor type a whisper model may use. */
const TYPE_SIZES: Record<number, [bytes: number, block: number]> = {
  0: [4, 1], 1: [2, 1], 2: [18, 32], 3: [20, 32], 6: [22, 32], 7: [24, 32], 8: [34, 32], 9: [36, 32],
  10: [84, 256], 11: [110, 256], 12: [144, 256], 13: [176, 256], 14: [210, 256], 30: [2, 1],
};

const SIZES_BY_LAYERS: Record<number, GgmlModelHeader['size']> = { 4: 'tiny', 6: 'base', 12: 'small', 24: 'medium', 32: 'large' };

class GgmlModelError extends Error {
  override name = 'GgmlModelError';
}

export function readGgmlModelHeader(file: string): GgmlModelHeader {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GgmlModelError(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'a folder, not a model file' : `cannot be read (${code ?? String(error)})`);
  }
  try {
    return parse(new FileReader(fd));
  } finally {
    closeSync(fd);
  }
}

function parse(reader: FileReader): GgmlModelHeader {
  if (reader.size < 64) throw new GgmlModelError(`only ${reader.size} bytes: not a model file`);
  const head = reader.bytes(8);
  const magic = head.readUInt32LE(0);
  if (magic !== GGML_MAGIC) throw new GgmlModelError(explainMagic(head));
  const [nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels] =
    [head.readInt32LE(4), ...Array.from({ length: 9 }, () => reader.int32())] as number[] as [number, number, number, number, number, number, number, number, number, number];
  reader.int32(); // ftype: the tensors say their own type
  const plausible = [nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer].every((v) => v > 0 && v < 100_000);
  if (!plausible || nVocab < 51_000 || nVocab > 52_000 || (nMels !== 80 && nMels !== 128)) {
    throw new GgmlModelError('a ggml file but not a whisper model (unexpected dimensions)');
  }
  if (nVocab < MULTILINGUAL_VOCAB) {
    throw new GgmlModelError('an English-only model (ggml-*.en.bin): use a multilingual one (ggml-base.bin, ggml-small.bin…)');
  }

  const filterMels = reader.int32();
  const filterBins = reader.int32();
  if (filterMels !== nMels || filterBins <= 0 || filterBins > 4096) throw new GgmlModelError('damaged mel filters');
  reader.skip(filterMels * filterBins * 4);

  const vocabulary = reader.int32();
  if (vocabulary < 0 || vocabulary > nVocab) throw new GgmlModelError('a damaged vocabulary');
  for (let i = 0; i < vocabulary; i++) {
    const length = reader.int32();
    if (length < 0 || length > 1024) throw new GgmlModelError('a damaged vocabulary');
    reader.skip(length);
  }

  // The loader reads tensors back to back until the end of the file; an incomplete download
  // shows up as a tensor whose data runs past the end.
  let tensors = 0;
  while (reader.position < reader.size) {
    const dims = reader.int32();
    const nameLength = reader.int32();
    const type = reader.int32();
    if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > 512) throw new GgmlModelError(`a damaged tensor table (tensor ${tensors + 1})`);
    let values = 1;
    for (let d = 0; d < dims; d++) values *= reader.int32();
    reader.skip(nameLength);
    const sizes = TYPE_SIZES[type];
    if (!sizes) return header(tensors + 1); // a type this check does not know: trust the rest
    const bytes = Math.ceil(values / sizes[1]) * sizes[0];
    if (reader.position + bytes > reader.size) {
      throw new GgmlModelError(`truncated: ${reader.size} bytes, at least ${reader.position + bytes} expected (an incomplete download?)`);
    }
    reader.skip(bytes);
    tensors++;
  }
  const expected = 11 + 15 * nAudioLayer + 24 * nTextLayer;
  if (tensors !== expected) throw new GgmlModelError(`${tensors} tensors where ${expected} are expected (an incomplete or altered file?)`);
  return header(tensors);

  function header(count: number): GgmlModelHeader {
    return {
      nVocab, nAudioCtx, nAudioState, nAudioLayer, nTextState, nTextLayer, nMels,
      multilingual: nVocab >= MULTILINGUAL_VOCAB,
      size: SIZES_BY_LAYERS[nAudioLayer] ?? 'unknown',
      tensors: count,
      fileSize: reader.size,
    };
  }
}

function explainMagic(head: Buffer): string {
  const start = head.toString('latin1');
  if (start.startsWith('GGUF')) return 'a GGUF file (llama.cpp format), not a whisper.cpp ggml model (ggml-*.bin)';
  if (start.startsWith('PK')) return 'a zip archive (a PyTorch checkpoint?), not a whisper.cpp ggml model: get the ggml-*.bin file';
  if (/^\s*</.test(start)) return 'an HTML or XML page, not a model (a failed download?)';
  if (start.startsWith('version ') || start.startsWith('versio')) return 'a Git LFS pointer, not the model itself';
  return 'not a whisper.cpp ggml model (unknown format)';
}

/** Sequential reads with positional skips: headers are small, tensor data is never read. */
class FileReader {
  readonly size: number;
  position = 0;
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  int32(): number {
    return this.bytes(4).readInt32LE(0);
  }

  skip(count: number): void {
    this.position += count;
  }

  bytes(count: number): Buffer {
    if (this.position + count > this.size) throw new GgmlModelError(`truncated: ${this.size} bytes (an incomplete download?)`);
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + count > this.buffer.length) {
      this.buffer = Buffer.alloc(Math.max(count, 64 * 1024));
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, this.position);
      this.buffer = this.buffer.subarray(0, read);
      this.bufferStart = this.position;
    }
    const start = this.position - this.bufferStart;
    this.position += count;
    return this.buffer.subarray(start, start + count);
  }
}
