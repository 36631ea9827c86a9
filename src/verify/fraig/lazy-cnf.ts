/**
 * Lazy CNF encoding of a sweep's reduced graph into an incremental SAT
 * solver: a node's cone is encoded (over representatives) only when a query
 * needs it, and the solver is recycled (ABC does the same): after a number of
 * queries a fresh solver is started and only the cones of later queries are
 * encoded again, so each query runs on a small formula.
 */
import type { SatSolver } from '../../sat/types.js';
import type { Rng } from '../../util/rng.js';
import type { FraigParams, FraigStats } from './params.js';
import type { ReducedGraph } from './reduced-graph.js';
import { tuneSolver } from './solver-tuning.js';

/** A multiplexer s ? t : e over AIG literals. */
interface Mux {
  readonly s: number;
  readonly t: number;
  readonly e: number;
}

/**
 * The solver of a sweep and the encoding of the reduced graph in it. A
 * node's variable is valid while its generation is the current solver's.
 */
export class LazyCnf {
  private solver: SatSolver | undefined;
  private gen = 0;
  private readonly nodeGen: Int32Array;
  private readonly nodeVar: Int32Array;
  private callsSince = 0;
  private readonly stack: number[] = [];
  private readonly first: number;
  private readonly rf0: Uint32Array;
  private readonly rf1: Uint32Array;

  constructor(
    graph: ReducedGraph,
    private readonly numInputs: number,
    private readonly p: Pick<FraigParams, 'makeSolver' | 'recycleCalls' | 'recycleVars' | 'encodeMuxes'>,
    private readonly rng: Rng,
    private readonly stats: FraigStats,
  ) {
    this.first = graph.first;
    this.rf0 = graph.rf0;
    this.rf1 = graph.rf1;
    this.nodeGen = new Int32Array(graph.n);
    this.nodeVar = new Int32Array(graph.n);
  }

  /**
   * The current solver, or a fresh (tuned) one; with `mayRecycle`, a fresh one
   * also once the current one has answered recycleCalls queries and holds
   * more than recycleVars variables.
   */
  async ensureSolver(mayRecycle: boolean): Promise<SatSolver> {
    if (this.solver && mayRecycle && this.callsSince >= this.p.recycleCalls && this.solver.numVars > this.p.recycleVars) this.close();
    if (!this.solver) {
      const s = await this.p.makeSolver();
      tuneSolver(s);
      this.solver = s;
      this.gen++;
      this.callsSince = 0;
      this.stats.solvers++;
      const zero = s.newVar();
      s.addClause([-zero]);
      this.nodeGen[0] = this.gen;
      this.nodeVar[0] = zero;
    }
    return this.solver;
  }

  /** Counts a query on the current solver (towards recycling it). */
  countQuery(): void {
    this.callsSince++;
  }

  /** Solver literal of a root literal, encoding its cone (over representatives) on demand. Needs {@link ensureSolver} first. */
  satLit(lit: number): number {
    const v0 = lit >>> 1;
    const s = this.solver!;
    const gen = this.gen;
    if (this.nodeGen[v0] !== gen) {
      const stack = this.stack;
      stack.push(v0);
      while (stack.length) {
        const v = stack[stack.length - 1]!;
        if (this.nodeGen[v] === gen) {
          stack.pop();
          continue;
        }
        if (v < this.first) {
          stack.pop();
          this.nodeGen[v] = gen;
          this.nodeVar[v] = s.newVar();
          continue;
        }
        const a = this.rf0[v]!, b = this.rf1[v]!;
        // a multiplexer whose two inner ANDs have no variable yet is encoded as one (see muxOf)
        const mux = this.p.encodeMuxes && this.nodeGen[a >>> 1] !== gen && this.nodeGen[b >>> 1] !== gen ? this.muxOf(a, b) : null;
        const pending = mux ? this.pushUnencoded(mux.s) + this.pushUnencoded(mux.t) + this.pushUnencoded(mux.e) : this.pushUnencoded(a) + this.pushUnencoded(b);
        if (pending) continue;
        stack.pop();
        const y = s.newVar();
        this.nodeGen[v] = gen;
        this.nodeVar[v] = y;
        if (mux) {
          this.stats.muxEncoded++;
          const S = this.varLit(mux.s), T = this.varLit(mux.t), E = this.varLit(mux.e);
          s.addClause([-S, -T, y]);
          s.addClause([-S, T, -y]);
          s.addClause([S, -E, y]);
          s.addClause([S, E, -y]);
          s.addClause([-T, -E, y]);
          s.addClause([T, E, -y]);
          continue;
        }
        const la = this.varLit(a), lb = this.varLit(b);
        s.addClause([-y, la]);
        s.addClause([-y, lb]);
        s.addClause([y, -la, -lb]);
      }
    }
    return this.varLit(lit);
  }

  /** Input vector of a model of the current solver; inputs outside the encoded cones take random values. */
  counterexample(model: Int8Array): boolean[] {
    const out = new Array<boolean>(this.numInputs);
    for (let i = 0; i < this.numInputs; i++) {
      const v = i + 1;
      out[i] = this.nodeGen[v] === this.gen ? model[this.nodeVar[v]!] === 1 : this.rng.below(2) === 1;
    }
    return out;
  }

  /** Releases the solver (the next query starts a fresh one). */
  close(): void {
    this.solver?.close();
    this.solver = undefined;
  }

  /** Pushes the node of `lit` onto the encoding stack unless the current solver has it: 1 if pushed, else 0. */
  private pushUnencoded(lit: number): number {
    if (this.nodeGen[lit >>> 1] === this.gen) return 0;
    this.stack.push(lit >>> 1);
    return 1;
  }

  /** Solver literal of a literal whose node is encoded. */
  private varLit(lit: number): number {
    const x = this.nodeVar[lit >>> 1]!;
    return lit & 1 ? -x : x;
  }

  /**
   * The select and data literals when AND(a, b) = s ? t : e, that is
   * a = !AND(s, !t) and b = !AND(!s, !e) over two gates, and t is not !e (an
   * XOR); else null. Such a node is encoded by the six clauses of
   * y = s ? t : e over one variable instead of three ANDs' nine clauses over
   * three variables: the solver then
   * propagates through the multiplexer in one step. EPFL max vs its best
   * LUT network (comparators selecting words): 220 -> 152 ms, bar vs its
   * best LUT network 56 -> 44 ms, same SAT calls. XORs are left as ANDs:
   * encoded the same way, EPFL voter vs its rewrite gave up 47 queries
   * instead of 30 at the conflict limit and took 1.4x as long.
   */
  private muxOf(a: number, b: number): Mux | null {
    if (!(a & 1) || !(b & 1)) return null;
    const A = a >>> 1, B = b >>> 1;
    if (A < this.first || B < this.first) return null;
    const a0 = this.rf0[A]!, a1 = this.rf1[A]!, b0 = this.rf0[B]!, b1 = this.rf1[B]!;
    let m: Mux | null = null;
    if (a0 === (b0 ^ 1)) m = { s: a0, t: a1 ^ 1, e: b1 ^ 1 };
    else if (a0 === (b1 ^ 1)) m = { s: a0, t: a1 ^ 1, e: b0 ^ 1 };
    else if (a1 === (b0 ^ 1)) m = { s: a1, t: a0 ^ 1, e: b1 ^ 1 };
    else if (a1 === (b1 ^ 1)) m = { s: a1, t: a0 ^ 1, e: b0 ^ 1 };
    return m && m.t !== (m.e ^ 1) ? m : null;
  }
}
