import { decodeText } from '../../domain/text-encoding.js';

export type CaptionEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Caption files come from subtitling tools: UTF-8 (with or without BOM), Windows-1252 from
 * older Windows tools, and UTF-16 ("Unicode" in Windows save dialogs, usually with a BOM).
 * UTF-8 and Windows-1252 are the project's shared decoder's job; UTF-16 is told apart first.
 */
export function decodeCaptionBytes(bytes: Uint8Array): { text: string; encoding: CaptionEncoding } {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const body = bytes[0] === 0xff || bytes[0] === 0xfe ? bytes.subarray(2) : bytes;
    // Node's "utf-16be" needs full ICU; swapping the byte pairs keeps to the decoder every build has.
    const little = utf16 === 'utf-16le' ? body : swapPairs(body);
    return { text: new TextDecoder('utf-16le').decode(little), encoding: utf16 };
  }
  const { text, converted } = decodeText(bytes);
  return { text: text.replace(/^\uFEFF/, ''), encoding: converted ? 'windows-1252' : 'utf-8' };
}

/** By BOM, or else by the zero bytes that ASCII text leaves in every other position. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, Math.min(bytes.length, 256) & ~1);
  if (head.length < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  const pairs = head.length / 2;
  if (zeroOdd > pairs * 0.6 && zeroEven === 0) return 'utf-16le';
  if (zeroEven > pairs * 0.6 && zeroOdd === 0) return 'utf-16be';
  return null;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return swapped;
}
