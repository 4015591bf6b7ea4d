import { writeFile } from 'node:fs/promises';

/** espeak-ng speaks at 22,050 Hz mono; the whole speech pipeline stays at that rate. */
export const SAMPLE_RATE = 22_050;

export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/**
 * Reads a 16-bit PCM WAV. espeak-ng writing to stdout cannot seek back to fill in the chunk
 * sizes, so it leaves 0x7fffffff there: a data chunk that claims to run past the end of the
 * buffer simply runs to the end.
 */
export function parseWav(buffer: Buffer, label: string): Pcm {
  if (buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${label}: not a WAV file (${buffer.length} bytes)`);
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = buffer.readUInt16LE(body + 2);
      sampleRate = buffer.readUInt32LE(body + 4);
      bits = buffer.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (bits !== 16 || channels !== 1) throw new Error(`${label}: expected 16-bit mono, got ${bits}-bit × ${channels}`);
      const end = Math.min(buffer.length, body + size);
      const bytes = buffer.subarray(body, end - ((end - body) % 2));
      const samples = new Int16Array(bytes.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${label}: WAV without a data chunk`);
}

export async function writeWav(path: string, pcm: Pcm): Promise<void> {
  const dataBytes = pcm.samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(pcm.sampleRate, 24);
  buffer.writeUInt32LE(pcm.sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < pcm.samples.length; i++) buffer.writeInt16LE(pcm.samples[i] ?? 0, 44 + i * 2);
  await writeFile(path, buffer);
}

/**
 * Cuts the near-silence espeak-ng leaves around each sentence, keeping a few milliseconds so
 * consonants are not clipped: caption times then mark the speech itself, not the padding.
 */
export function trimSilence(samples: Int16Array, sampleRate: number, threshold = 300, marginSeconds = 0.02): Int16Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < threshold) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) < threshold) last--;
  if (first >= samples.length) return new Int16Array(0);
  const margin = Math.round(marginSeconds * sampleRate);
  return samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin));
}

/**
 * A short, quiet three-note chime (C5, E5, G5) drawn from a formula, so podcasts get a jingle
 * without any downloaded sound. Each note has a raised-cosine envelope to avoid clicks.
 */
export function chime(sampleRate: number, noteSeconds: number, amplitude = 0.12): Int16Array {
  const notes = [523.25, 659.25, 783.99];
  const perNote = Math.round(noteSeconds * sampleRate);
  const out = new Int16Array(perNote * notes.length);
  notes.forEach((frequency, n) => {
    for (let i = 0; i < perNote; i++) {
      const envelope = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / perNote);
      const value = Math.sin((2 * Math.PI * frequency * i) / sampleRate) * envelope * amplitude;
      out[n * perNote + i] = Math.round(value * 32_767);
    }
  });
  return out;
}

export function seconds(samples: number, sampleRate: number = SAMPLE_RATE): number {
  return samples / sampleRate;
}
