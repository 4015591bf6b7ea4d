/**
 * A strict SubRip reader: numbered blocks from 1 in order, a timing line "HH:MM:SS,mmm -->
 * HH:MM:SS,mmm" whose end is after its start, at least one line of text, one blank line between
 * blocks. Anything else throws.
 */
export function parseSrtStrictly(srt: string): { start: number; end: number; text: string }[] {
  if (!srt.endsWith('\n') || srt.endsWith('\n\n') || srt.includes('\r')) throw new Error('bad line endings');
  const time = (h: string, m: string, s: string, ms: string): number => Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
  return srt.slice(0, -1).split('\n\n').map((block, index) => {
    const [number, timing, ...lines] = block.split('\n');
    if (number !== String(index + 1)) throw new Error(`block ${index + 1}: numbered ${number}`);
    const m = /^(\d{2}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d),(\d{3})$/.exec(timing ?? '');
    if (!m) throw new Error(`block ${index + 1}: timing line ${timing}`);
    const start = time(m[1]!, m[2]!, m[3]!, m[4]!);
    const end = time(m[5]!, m[6]!, m[7]!, m[8]!);
    if (end <= start) throw new Error(`block ${index + 1}: ends before it starts`);
    if (lines.length === 0 || lines.some((line) => line.trim() === '' || line.includes('-->'))) throw new Error(`block ${index + 1}: text ${JSON.stringify(lines)}`);
    return { start, end, text: lines.join('\n') };
  });
}
