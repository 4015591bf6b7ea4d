/**
 * Word-level differences between two texts, by the longest common subsequence of their words:
 * what an operator reads before accepting a correction, and how a corrected passage's words are
 * put back into the cues they were said in.
 */
export type DiffPart = { op: 'same' | 'del' | 'ins'; text: string };

/** Words as separated by white space; punctuation stays on its word ("MedNum," is one word). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * Pairs of indices (in `a`, in `b`) of the words kept from `a` to `b`, in order. A passage is
 * at most a few hundred words: the quadratic table is a few tens of thousands of cells.
 */
export function commonWords(a: readonly string[], b: readonly string[]): [number, number][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // lengths[i * cols + j]: LCS of a[i..] and b[j..].
  const lengths = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * cols + j] = a[i] === b[j]
        ? lengths[(i + 1) * cols + j + 1]! + 1
        : Math.max(lengths[(i + 1) * cols + j]!, lengths[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * cols + j]! >= lengths[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** The differences from `before` to `after`, runs of words merged; deletions before insertions at one place. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], words: readonly string[]): void => {
    if (words.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text = `${last.text} ${words.join(' ')}`;
    else parts.push({ op, text: words.join(' ') });
  };
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...commonWords(a, b), [a.length, b.length] as [number, number]]) {
    push('del', a.slice(i, ai));
    push('ins', b.slice(j, bj));
    if (ai < a.length) push('same', [a[ai]!]);
    i = ai + 1;
    j = bj + 1;
  }
  return parts;
}
