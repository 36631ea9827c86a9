/**
 * Fences: the topology families of the fence encoder (Haaswijk, Soeken,
 * Mishchenko, De Micheli, "SAT-based exact synthesis: encodings, topology
 * families, and parallelism", TCAD 2020).
 *
 * A fence of r gates is an ordered partition of the gates into levels
 * 1..L, given by the level sizes (a composition of r). Level 0 holds the
 * primary inputs. A gate on level l takes one fanin from level l - 1 and the
 * other from any level below l, so its level is its depth. Every circuit's
 * gates, sorted by depth, fit exactly one fence; enumerating all 2^(r-1)
 * compositions of r therefore covers every circuit of r gates.
 *
 * {@link fencePruneReason} drops fences that cannot hold an irredundant
 * circuit (every gate used by a gate or an output, no two gates with the same
 * fanins and op, every op depending on both fanins). Such circuits are all
 * an exact-synthesis loop that raises the size from below needs: a circuit
 * with a redundant gate shrinks to a smaller one, found earlier.
 */

/** Level sizes from the inputs up: `fence[l - 1]` gates on level l. */
export type Fence = readonly number[];

/** All compositions of `r` (2^(r-1) for r >= 1; one empty fence for r = 0), fewest levels first, then lexicographic. */
export function compositions(r: number): Fence[] {
  if (!Number.isInteger(r) || r < 0) return [];
  if (r === 0) return [[]];
  const all: number[][] = [];
  // Bit i of mask set = a cut after position i + 1 (i = 0..r-2).
  for (let mask = 0; mask < 2 ** (r - 1); mask++) {
    const parts: number[] = [];
    let last = 0;
    for (let i = 0; i < r - 1; i++) {
      if ((mask >>> i) & 1) {
        parts.push(i + 1 - last);
        last = i + 1;
      }
    }
    parts.push(r - last);
    all.push(parts);
  }
  return all.sort((a, b) => a.length - b.length || compareLex(a, b));
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** What the pruning rules know about a query. */
export interface FenceContext {
  readonly numInputs: number;
  /** Outputs that need a gate (constants and projections already removed); at least 1 when r >= 1. */
  readonly numOutputs: number;
  /** Distinct normal two-input ops of the basis (5 for B2/XAIG, 4 for U2/AIG). */
  readonly numOps: number;
  /** Bound on the depth of every output, if any. */
  readonly maxDepth?: number;
  /** Largest support among the fully specified outputs (0 when unknown): the output needs depth >= log2 of it. */
  readonly maxSupport?: number;
  /**
   * Whether only irredundant circuits count (default true). When false, only
   * the depth rules apply (the pairs and fanout rules assume irredundancy).
   */
  readonly irredundant?: boolean;
}

/**
 * Why no irredundant circuit fits `fence`, or undefined when it may. Rules
 * (each sound for irredundant circuits, see the module comment):
 * - depth: L <= maxDepth (the top level's gates are outputs), and 2^L >= maxSupport
 *   (an output of depth <= L reads at most 2^L inputs);
 * - pairs: level l holds at most P_l * numOps gates, P_l = fanin pairs with one
 *   node on level l - 1 (distinct gates on the same pair differ in op);
 *   in particular level 1 needs two inputs;
 * - fanout: the gates on levels >= l other than outputs each feed a gate
 *   above level l, which has two fanin slots, so |level l| <= |levels > l| + numOutputs;
 *   on the top level this says all its gates are outputs.
 */
export function fencePruneReason(fence: Fence, ctx: FenceContext): string | undefined {
  const L = fence.length;
  if (L === 0) return undefined;
  if (ctx.maxDepth !== undefined && L > ctx.maxDepth) return `depth ${L} > ${ctx.maxDepth}`;
  if (ctx.maxSupport !== undefined && ctx.maxSupport > 2 ** L) return `support ${ctx.maxSupport} > 2^${L}`;
  if (ctx.irredundant === false) return undefined;
  let below = ctx.numInputs; // nodes on levels < l
  let prevLevel = ctx.numInputs; // nodes on level l - 1
  for (let l = 1; l <= L; l++) {
    const size = fence[l - 1]!;
    const pairs = choose2(below) - choose2(below - prevLevel);
    if (size > pairs * ctx.numOps) return `level ${l}: ${size} gates > ${pairs} pairs * ${ctx.numOps} ops`;
    below += size;
    prevLevel = size;
  }
  let above = 0; // gates on levels > l
  for (let l = L; l >= 1; l--) {
    const size = fence[l - 1]!;
    if (size > above + ctx.numOutputs) return `level ${l}: ${size} gates > ${above} gates above + ${ctx.numOutputs} outputs`;
    above += size;
  }
  return undefined;
}

function choose2(x: number): number {
  return x < 2 ? 0 : (x * (x - 1)) / 2;
}

/** The fences of `r` gates that survive {@link fencePruneReason}, in {@link compositions} order. */
export function enumerateFences(r: number, ctx: FenceContext): Fence[] {
  return compositions(r).filter((f) => fencePruneReason(f, ctx) === undefined);
}

/** A fence as text, levels from the inputs up: `[1,2,1]`. */
export function fenceLabel(fence: Fence): string {
  return `[${fence.join(',')}]`;
}
