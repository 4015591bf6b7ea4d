/** `A | B` → `A & B`: the merged groups have every key of every group. */
type UnionToIntersection<U> = (U extends unknown ? (whole: U) => void : never) extends (whole: infer I) => void ? I : never;

export type MergedGroups<G extends readonly Readonly<Record<string, string>>[]> = UnionToIntersection<G[number]>;

/**
 * One locale's interface texts, merged from one group per area of the site (layout, item pages,
 * search, listings). Keys must not collide between groups: a second definition would silently
 * replace the first, so it throws when the locale is loaded (every test loads them).
 */
export function mergeGroups<const G extends readonly Readonly<Record<string, string>>[]>(...groups: G): MergedGroups<G> {
  const merged: Record<string, string> = {};
  for (const group of groups) {
    for (const [key, text] of Object.entries(group)) {
      if (key in merged) throw new Error(`interface text "${key}" is defined twice`);
      merged[key] = text;
    }
  }
  return merged as MergedGroups<G>;
}
