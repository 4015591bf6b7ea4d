import type { fr } from './fr/index.js';
import { mergeGroups, type MergedGroups } from './merge-groups.js';

/**
 * French is the reference language of the interface: its keys are the keys every locale must
 * have, so a page is never half translated.
 */
export type MessageKey = keyof typeof fr;
export type Messages = Readonly<Record<MessageKey, string>>;

/**
 * What is wrong with a locale's texts, as a type the compiler spells out in full (tsconfig sets
 * noErrorTruncation): "missing: <key>" for each key French has and it lacks, "not a French key:
 * <key>" for each key French does not have (a typo, or a text French lost). `'complete'` when
 * nothing is.
 */
export type TranslationProblems<T> = [Exclude<MessageKey, keyof T>] extends [never]
  ? [Exclude<keyof T, MessageKey>] extends [never]
    ? 'complete'
    : `not a French key: ${Exclude<keyof T, MessageKey> & string}`
  : `missing: ${Exclude<MessageKey, keyof T> & string}`;

/**
 * A translation of the interface, from its groups. Its second argument is `'complete'`: the
 * compiler accepts it only when the groups have exactly the French keys, and otherwise names every
 * missing or unknown key in its error, e.g.
 *   Argument of type '"complete"' is not assignable to parameter of type '"missing: nav.home" | …'.
 */
export function translation<const G extends readonly Readonly<Record<string, string>>[]>(
  groups: G,
  check: TranslationProblems<MergedGroups<G>>,
): Messages {
  if (check !== 'complete') throw new Error(`incomplete translation: ${String(check)}`);
  return mergeGroups(...groups) as unknown as Messages;
}
