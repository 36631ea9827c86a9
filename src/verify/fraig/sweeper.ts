/**
 * SAT sweeping (fraiging) of an AIG, the engine behind ABC's `cec`: the merge driver.
 *
 * Random simulation groups nodes into candidate classes (equal up to
 * complement; sim-classes.ts). Nodes are then visited in topological order;
 * each node is first rebuilt over the representatives of its fanins and
 * looked up in a structural hash table of the reduced graph (a hit is a merge
 * for free, as in ABC's fraig; reduced-graph.ts), and otherwise proved equal
 * to its class representative over a small common cut (cut-proof.ts, no SAT)
 * or by an incremental SAT query (lazy-cnf.ts), or separated by a
 * counterexample (of justification, pair-justifier.ts, or of SAT) that
 * refines the classes. Later nodes are encoded over representatives, so the
 * solver sees the reduced graph only.
 */
import type { Circuit } from '../../core/circuit.js';
import { Rng } from '../../util/rng.js';
import { CutProver, type CutProof } from './cut-proof.js';
import { LazyCnf } from './lazy-cnf.js';
import { PairJustifier } from './pair-justifier.js';
import { emptyFraigStats, stillPaying, type FraigParams, type FraigStats } from './params.js';
import { ReducedGraph } from './reduced-graph.js';
import { SimClasses } from './sim-classes.js';
import { solveQuick } from './solver-tuning.js';

export { DEFAULT_FRAIG_PARAMS, type FraigParams, type FraigStats } from './params.js';

/** The answer of {@link SatSweeper.prove}. */
export type ProveResult =
  | { readonly kind: 'equal' }
  | { readonly kind: 'different'; readonly counterexample: boolean[] }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Justification attempts made before its success rate decides whether it goes on (see SatSweeper.justify). */
const JUSTIFY_TRIAL = 16;

/**
 * Sweeps an AIG (two-input ANDs only) and keeps the result: `root(lit)` maps
 * every literal to its proved representative; `prove` checks two literals
 * with the current reduced graph. Call `close()` when done.
 */
export class SatSweeper {
  readonly stats: FraigStats = emptyFraigStats();
  /** repr[v] = literal of the node v was merged into, or 2*v for a representative. */
  readonly repr: Uint32Array;
  private readonly p: FraigParams;
  private readonly graph: ReducedGraph;
  private readonly classes: SimClasses;
  private readonly cnf: LazyCnf;
  private readonly cuts: CutProver;
  /** One generator for every random choice of the sweep (counterexample padding, class refinement, justification). */
  private readonly rng: Rng;
  private justifier: PairJustifier | undefined;
  /** Retries answered (proved or refuted) so far. */
  private retriesAnswered = 0;

  /** Throws InternalError when `aig` has a gate other than a two-input AND. */
  constructor(
    private readonly aig: Circuit,
    params: FraigParams,
  ) {
    this.p = params;
    const graph = (this.graph = new ReducedGraph(aig, this.stats));
    this.repr = graph.repr;
    this.rng = new Rng(params.seed ^ 0x5eed);
    this.cuts = new CutProver(graph.n, graph.first, graph.rf0, graph.rf1);
    this.classes = new SimClasses(aig, graph, params, this.rng, this.stats);
    this.cnf = new LazyCnf(graph, aig.numInputs, params, this.rng, this.stats);
  }

  /** Root literal of a literal (through proved merges). */
  root(lit: number): number {
    return this.graph.root(lit);
  }

  /** An input vector on which the two literals differ in the random simulation, or null. */
  simulationDifference(a: number, b: number): boolean[] | null {
    return this.classes.simulationDifference(a, b);
  }

  /** Sweeps every gate in topological order. */
  async run(): Promise<void> {
    const graph = this.graph;
    for (let v = graph.first; v < graph.n; v++) {
      this.classes.visit(v);
      graph.rebuild(v);
      if (this.p.structuralOnly || !graph.isRoot(v)) continue;
      if (Date.now() > this.p.deadline) {
        for (let u = v + 1; u < graph.n; u++) graph.rebuild(u);
        break;
      }
      await this.tryMerge(v);
    }
  }

  /**
   * Proves or refutes `a == b` on the reduced graph, up to the deadline and,
   * when given, a conflict limit. The counterexample lists every primary input.
   */
  async prove(a: number, b: number, deadline: number, conflictLimit?: number): Promise<ProveResult> {
    const ra = this.root(a), rb = this.root(b);
    if (ra === rb) return { kind: 'equal' };
    const s = await this.cnf.ensureSolver(false);
    const x = this.cnf.satLit(ra), y = this.cnf.satLit(rb);
    const d = s.newVar();
    s.addClause([-d, x, y]);
    s.addClause([-d, -x, -y]);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { kind: 'unknown', reason: 'time' };
    this.stats.satCalls++;
    this.cnf.countQuery();
    const res = await s.solve({ assumptions: [d], ...(Number.isFinite(remaining) ? { timeLimitMs: remaining } : {}), ...(conflictLimit === undefined ? {} : { conflictLimit }) });
    if (res.status === 'unsat') {
      s.addClause([-d]);
      return { kind: 'equal' };
    }
    if (res.status === 'unknown') s.addClause([-d]);
    if (res.status === 'sat') return { kind: 'different', counterexample: this.cnf.counterexample(res.model) };
    return { kind: 'unknown', reason: res.reason };
  }

  /**
   * The reduced graph restricted to the cones of `lits`: every node replaced by
   * its representative, rebuilt with structural hashing (merges can expose
   * new structural duplicates above them). All primary inputs are kept, with
   * their numbers, so a counterexample of the reduced graph is one of this
   * one. Returns the new AIG and the literals of `lits` in it.
   */
  reduced(lits: readonly number[]): { circuit: Circuit; lits: number[] } {
    return this.graph.extract(lits);
  }

  /** Releases the solver. */
  close(): void {
    this.cnf.close();
  }

  /** Tries to merge representative gate v into the representative of its class. */
  private async tryMerge(v: number): Promise<void> {
    const classes = this.classes;
    for (let attempt = 0; attempt < 8; attempt++) {
      const c = classes.candidate(v);
      if (c === null) return;
      const { r, pol } = c;
      // counterexamples found since the last full refinement may already separate v from r
      if (classes.splitIfSeparated(v, r, pol)) {
        attempt--;
        continue;
      }
      const local = this.cuts.prove(2 * v, 2 * r + pol);
      if (local.kind === 'equal') {
        this.merge(v, r, pol);
        this.stats.cutMerged++;
        return;
      }
      if (local.kind === 'different') {
        classes.refine(this.localCounterexample(local));
        continue;
      }
      const justified = this.justify(v, r, pol);
      if (justified) {
        classes.refine(justified);
        continue;
      }
      const s = await this.cnf.ensureSolver(true);
      const lv = this.cnf.satLit(2 * v);
      const lr = this.cnf.satLit(2 * r + pol);
      const d = s.newVar();
      s.addClause([-d, lv, lr]);
      s.addClause([-d, -lv, -lr]);
      this.stats.satCalls++;
      this.cnf.countQuery();
      const remaining = this.p.deadline - Date.now();
      let res = await solveQuick(s, { assumptions: [d], conflictLimit: this.p.conflictLimit, ...(Number.isFinite(remaining) ? { timeLimitMs: Math.max(1, remaining) } : {}) });
      // one query given up blocks the merges above it (EPFL max vs its best LUT network: 218 given up at
      // 100 conflicts, 4 with retries), so a few are asked again at once with a higher limit
      // (a few, and only while they pay: on deep datapaths, EPFL log2 vs its rewrite, retries cost a fifth
      // of a second each and nearly all fail, so they stop once fewer than a quarter of them succeed)
      if (res.status === 'unknown' && res.reason === 'conflicts' && this.mayRetry()) {
        this.stats.retries++;
        const left = this.p.deadline - Date.now();
        res = await solveQuick(s, { assumptions: [d], conflictLimit: this.p.conflictLimit * this.p.retryFactor, ...(Number.isFinite(left) ? { timeLimitMs: Math.max(1, left) } : {}) });
        if (res.status !== 'unknown') this.retriesAnswered++;
      }
      s.addClause([-d]);
      if (res.status === 'unsat') {
        this.merge(v, r, pol);
        return;
      }
      if (res.status === 'sat') {
        const cex = this.cnf.counterexample(res.model);
        classes.refine(cex);
        classes.refineByNeighbours(cex);
        continue;
      }
      this.stats.undecided++;
      // unknown: v leaves its class (into a class of its own), so later members are not compared with it
      classes.detach(v);
      return;
    }
    classes.detach(v);
  }

  /** Separates v from r ^ pol by justification (no SAT), within the budgets: the input vector, or null. */
  private justify(v: number, r: number, pol: number): boolean[] | null {
    if (this.p.justifySteps <= 0) return null;
    // how often each node is 1 in random simulation guides the justifier's choices
    const j = (this.justifier ??= new PairJustifier(this.graph.first, this.graph.f0, this.graph.f1, this.classes.onesCounts(), this.classes.patterns));
    // on pairs that are mostly equal (datapaths against their rewrites) the attempts stop paying; once
    // under a quarter succeed, no more are made in this sweep (the rate no longer changes)
    if (!stillPaying(j.stats.attempts, j.stats.justified, JUSTIFY_TRIAL) || j.stats.steps >= this.p.justifyShare * this.graph.n || !j.separate(v, r, pol, this.p.justifySteps)) return null;
    this.stats.justified++;
    return j.take(this.aig.numInputs, this.rng);
  }

  /** Whether a query given up may be asked again: within the retry budget, and, after the first retryBase retries, while at least a quarter of all retries were answered. */
  private mayRetry(): boolean {
    const n = this.stats.retries;
    if (n >= this.p.retryBase + this.p.retryShare * this.stats.satCalls) return false;
    return stillPaying(n, this.retriesAnswered, this.p.retryBase);
  }

  /** Merges representative v into r ^ pol (proved equal). */
  private merge(v: number, r: number, pol: number): void {
    this.graph.mergeInto(v, 2 * r + pol);
    this.stats.merged++;
    this.classes.removeMember(v);
  }

  /** Input vector of a cut counterexample; inputs outside the cut take random values. */
  private localCounterexample(p: Extract<CutProof, { kind: 'different' }>): boolean[] {
    const out = Array.from({ length: this.aig.numInputs }, () => this.rng.below(2) === 1);
    p.inputs.forEach((v, i) => (out[v - 1] = p.values[i]!));
    return out;
  }
}
