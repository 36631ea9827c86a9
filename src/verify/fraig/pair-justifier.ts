/**
 * Input patterns that tell candidate pairs apart without SAT, by
 * justification on the AIG (the pattern generation of ABC's newer SAT
 * sweeper does the same job; this is our own backtrack-limited version).
 *
 * To make node v differ from node r, v is required to take one value and r
 * the other; a requirement on an AND node is pushed to its fanins (1: both
 * fanins 1; 0: one fanin 0, a primary input or else the one more often 0 in
 * random simulation first, the other on failure). A node required to take
 * both values is a conflict.
 * When every requirement is met down to the primary inputs, any completion of
 * the unassigned inputs gives v and r the required values, so the pattern
 * separates them. Random simulation rarely reaches nodes that are almost
 * always 0 (wide ANDs: decoders, comparators); justification reaches them
 * directly, and a handful of patterns replace as many SAT refutations (EPFL
 * router vs its rewrite: 109 SAT calls before, 52 after).
 */
import type { Rng } from '../../util/rng.js';

/** Most node assignments of one attempt, whatever the caller asks: it bounds the recursion depth. */
export const MAX_STEPS = 2000;

/** What justification cost and found. */
export interface JustifyStats {
  /** Calls of `separate` (both polarities of a pair count as one). */
  attempts: number;
  /** Pairs given a separating requirement set. */
  justified: number;
  /** Node assignments made, including undone ones. */
  steps: number;
}

/** Requirements on the nodes of one AIG, pair by pair, for one pattern at a time. */
export class PairJustifier {
  readonly stats: JustifyStats = { attempts: 0, justified: 0, steps: 0 };
  /** Required value per node: -1 none, else 0 or 1. */
  private readonly val: Int8Array;
  /** Nodes assigned since the pattern was started, in order, for undo. */
  private readonly trail: Int32Array;
  private top = 0;
  /** Assignments left for the current attempt. */
  private budget = 0;

  /**
   * @param first the first gate's node number (1 + inputs); node 0 is constant false
   * @param f0,f1 the fanin literals of gate g (node first + g)
   * @param ones per node, how many of the random simulation patterns set it to 1
   * @param patterns how many random simulation patterns `ones` counts
   */
  constructor(
    private readonly first: number,
    private readonly f0: Uint32Array,
    private readonly f1: Uint32Array,
    private readonly ones: Uint32Array,
    private readonly patterns: number,
  ) {
    const n = ones.length;
    this.val = new Int8Array(n).fill(-1);
    this.trail = new Int32Array(n);
  }

  /**
   * Adds requirements that make node v differ from node r ^ pol to the current
   * pattern, trying first the value v took less often in random simulation.
   * Each polarity may assign at most `steps` nodes (at most MAX_STEPS: each
   * revisable choice is a level of recursion). On failure the pattern is left
   * as it was.
   */
  separate(v: number, r: number, pol: number, steps: number): boolean {
    this.stats.attempts++;
    const mark = this.top;
    const rare = 2 * this.ones[v]! < this.patterns ? 1 : 0;
    for (const x of [rare, rare ^ 1]) {
      this.budget = Math.min(steps, MAX_STEPS);
      if (this.search([2 * v + (x ^ 1), 2 * r + (x ^ pol)])) {
        this.stats.justified++;
        return true;
      }
      this.undo(mark);
    }
    return false;
  }

  /**
   * The current pattern as an input vector (primary inputs 1..numInputs;
   * inputs without a requirement take random values); starts an empty pattern.
   */
  take(numInputs: number, rng: Rng): boolean[] {
    const out = new Array<boolean>(numInputs);
    for (let i = 0; i < numInputs; i++) {
      const x = this.val[i + 1]!;
      out[i] = x < 0 ? (rng.nextU32() & 1) === 1 : x === 1;
    }
    this.undo(0);
    return out;
  }

  /**
   * Meets every goal (a literal required to be 1) together. Requirements that
   * leave no choice (a node required to be 1 needs both fanins 1) are met
   * first; an AND required to be 0 waits in `open` until then, and its choice
   * of fanin is revised when a later requirement conflicts with it (a
   * depth-first search). False on a conflict that no choice avoids, or when
   * the budget runs out; the caller undoes what was assigned.
   */
  private search(forced: number[], open: number[] = []): boolean {
    for (;;) {
      const l = forced.pop();
      if (l !== undefined) {
        const v = l >>> 1, b = 1 ^ (l & 1);
        const cur = v === 0 ? 0 : this.val[v]!;
        if (v === 0 || cur >= 0) {
          if (cur === b) continue;
          return false;
        }
        if (this.budget-- <= 0) return false;
        this.stats.steps++;
        this.val[v] = b;
        this.trail[this.top++] = v;
        if (v < this.first) continue;
        const g = v - this.first;
        if (b === 1) forced.push(this.f0[g]!, this.f1[g]!);
        else open.push(g);
        continue;
      }
      const g = open.pop();
      if (g === undefined) return true;
      const a = this.f0[g]!, c = this.f1[g]!;
      // a fanin already required to be 0 makes the AND 0 by itself
      if (this.litValue(a) === 0 || this.litValue(c) === 0) continue;
      const [x, y] = this.firstChoice(a, c) ? [a, c] : [c, a];
      if (this.litValue(x) < 0) {
        if (this.litValue(y) >= 0) {
          forced.push(x ^ 1);
          continue;
        }
        const mark = this.top;
        if (this.search([x ^ 1], [...open])) return true;
        this.undo(mark);
      }
      if (this.litValue(y) < 0) {
        forced.push(y ^ 1);
        continue;
      }
      return false;
    }
  }

  /** The required value of a literal, or -1. */
  private litValue(l: number): number {
    // node 0 is the constant false, never assigned
    const x = l >>> 1 === 0 ? 0 : this.val[l >>> 1]!;
    return x < 0 ? -1 : x ^ (l & 1);
  }

  /**
   * Whether fanin a should be tried at 0 before fanin c: a primary input first
   * (one assignment, nothing below it to require), else the fanin more often 0
   * in random simulation.
   */
  private firstChoice(a: number, c: number): boolean {
    const ia = a >>> 1 < this.first, ic = c >>> 1 < this.first;
    if (ia !== ic) return ia;
    return this.zeroOdds(a) >= this.zeroOdds(c);
  }

  /** How many random patterns set the literal to 0. */
  private zeroOdds(l: number): number {
    const ones = this.ones[l >>> 1]!;
    return l & 1 ? ones : this.patterns - ones;
  }

  private undo(mark: number): void {
    while (this.top > mark) this.val[this.trail[--this.top]!] = -1;
  }
}
