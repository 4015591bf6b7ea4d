import { expectedMediaClass, type ProgrammeItem } from '../../domain/item.js';
import type { InputSlot } from './item-version.js';

/**
 * One-core seconds per byte of recording, relative to a video's: measured on the sample edition
 * with one worker pinned to one core (bench table 4, run g), a talk took 19–42 s per MB of its
 * recording (24–27 for the three long ones), a podcast 10–13 s per MB of its audio. A document
 * counts its bytes as a video's: a scanned PDF (big) needs OCR, a born-digital one (small) does not.
 */
const PER_BYTE = { video: 1, audio: 0.4, document: 1 } as const;

/**
 * A rough measure of an item's work, so that a shared queue can start the costliest first: the
 * bytes of the files its steps decode (the recording, a sign-language video), weighted by the
 * kind of media. Only the order between items matters, and bytes follow a recording's length
 * and resolution, which is what its decoding costs.
 */
export function estimatedWork(item: ProgrammeItem, sizes: readonly { slot: InputSlot; size: number }[]): number {
  const decoded = sizes.filter(({ slot }) => slot === 'media' || slot === 'signLanguage').reduce((sum, { size }) => sum + size, 0);
  return Math.round(decoded * PER_BYTE[expectedMediaClass(item.kind)]);
}
