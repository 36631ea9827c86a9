/**
 * Splitting one SAT instance into cubes: independent sub-instances whose
 * models together are exactly the instance's. The encoder names groups of
 * variables of which every model sets exactly one (SSV: the fanin pair of
 * each gate, last gate first; see EncodedInstance.splitGroups). The first
 * groups are enumerated in full (one variable each) and the next one is cut
 * into parts (round robin, so that easy and hard choices mix); a cube is one
 * clause per group, "the group's true variable is in this part". Since
 * exactly one variable of each group is true, every model lies in exactly one
 * cube: the instance is UNSAT iff every cube is.
 */

/** One cube: the clauses that restrict the instance to it. */
export interface Cube {
  readonly index: number;
  /** One clause per constrained group (a unit when the part is one variable). */
  readonly clauses: readonly (readonly number[])[];
}

/** The number of cubes {@link splitIntoCubes} makes of `groups` for a request of `count`. */
export function cubeCount(groups: readonly (readonly number[])[], count: number): number {
  return plan(groups, count).reduce((a, p) => a * p.parts, 1);
}

/** Per constrained group, how many parts it is cut into. */
function plan(groups: readonly (readonly number[])[], count: number): { group: readonly number[]; parts: number }[] {
  const out: { group: readonly number[]; parts: number }[] = [];
  let prod = 1;
  for (const g of groups) {
    if (prod >= count) break;
    // a group of one variable is fixed in every model: nothing to split
    if (g.length < 2) continue;
    const parts = Math.min(g.length, Math.ceil(count / prod));
    out.push({ group: g, parts });
    prod *= parts;
  }
  return out;
}

/**
 * At least `count` cubes (or as many as the groups allow), deterministic in
 * `groups` and `count`: cube i constrains group j to the variables at
 * positions p with p mod parts_j = digit_j(i) (mixed radix, first group
 * most significant).
 */
export function splitIntoCubes(groups: readonly (readonly number[])[], count: number): Cube[] {
  const pl = plan(groups, count);
  const total = pl.reduce((a, p) => a * p.parts, 1);
  const cubes: Cube[] = [];
  for (let i = 0; i < total; i++) {
    let rest = i;
    const digits: number[] = [];
    for (let j = pl.length - 1; j >= 0; j--) {
      digits[j] = rest % pl[j]!.parts;
      rest = Math.floor(rest / pl[j]!.parts);
    }
    const clauses = pl.map(({ group, parts }, j) => group.filter((_, p) => p % parts === digits[j]));
    cubes.push({ index: i, clauses });
  }
  return cubes;
}
