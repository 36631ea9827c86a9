/**
 * SAT sweeping (fraiging) of an AIG, the engine behind ABC's `cec`.
 *
 * Random simulation groups nodes into candidate classes (equal up to
 * complement). Nodes are then visited in topological order; each node is first
 * rebuilt over the representatives of its fanins and looked up in a structural
 * hash table of the reduced graph (a hit is a merge for free, as in ABC's
 * fraig), and otherwise proved equal to its class representative over a
 * small common cut (cut-proof.ts, no SAT) or by an incremental SAT query, or
 * separated by a counterexample that refines the classes (counterexamples
 * are packed 32 to a simulation word; see `refine`). Later nodes are
 * encoded over representatives, so the solver sees the reduced graph only.
 *
 * The SAT solver is recycled (ABC does the same): after a number of queries a
 * fresh solver is started and only the cones of later queries are encoded
 * again, so each query runs on a small formula.
 */
import type { Circuit } from '../core/circuit.js';
import { randomPatterns, simulateNodes } from '../core/simulate.js';
import type { SatSolver, SolveOptions, SolveResult } from '../sat/types.js';
import { popcount } from '../util/popcount.js';
import { Rng } from '../util/rng.js';
import { PairMap } from '../util/pair-map.js';
import { AigStrash } from './aig-strash.js';
import { CutProver, type CutProof } from './cut-proof.js';
import { PairJustifier } from './pair-justifier.js';
import { InternalError } from '../errors.js';

/** Parameters of a sweep. */
export interface SweepParams {
  /** Creates a fresh SAT solver (called again at every recycle). */
  readonly makeSolver: () => Promise<SatSolver>;
  /** Conflict limit per internal query (backends without one ignore it). */
  readonly conflictLimit: number;
  /** Deadline (ms since epoch) after which internal queries stop. */
  readonly deadline: number;
  readonly seed: number;
  /** Words of random simulation per node (32 patterns each); 0 picks by size. */
  readonly simWords: number;
  /** Start a fresh solver after this many queries on one solver ... */
  readonly recycleCalls: number;
  /** ... once it also holds more than this many variables. */
  readonly recycleVars: number;
  /** Skip the internal SAT queries (structural merges only). */
  readonly structuralOnly: boolean;
  /** A query given up at the conflict limit is asked again with this many times the limit ... */
  readonly retryFactor: number;
  /** ... while there have been fewer than retryBase + retryShare x SAT calls so far (a count, so runs repeat). */
  readonly retryBase: number;
  readonly retryShare: number;
  /**
   * Before a SAT query, the pair is separated by justification if it can be
   * (pair-justifier.ts), with at most this many node assignments per polarity
   * (at most 2000), while justification has made fewer than justifyShare x nodes in all; 0 = off.
   */
  readonly justifySteps: number;
  readonly justifyShare: number;
  /**
   * After a SAT counterexample, the live classes are split by its distance-1
   * neighbours (see `refineByNeighbours`) while that has simulated fewer than
   * neighbourShare x nodes node-words in all, and only when one round
   * simulates at most neighbourRoundWork node-words; 0 = off. (A round's
   * work counts, per word, the gates simulated and the live classes scanned.)
   */
  readonly neighbourShare: number;
  readonly neighbourRoundWork: number;
  /** Encode multiplexers (AND of two complemented ANDs over s and !s) as one if-then-else (see `muxOf`). */
  readonly encodeMuxes: boolean;
}

/** Defaults of {@link SweepParams} (without the solver factory). */
export const DEFAULT_SWEEP_PARAMS: Readonly<Omit<SweepParams, 'makeSolver'>> = Object.freeze({
  conflictLimit: 1000,
  deadline: Number.POSITIVE_INFINITY,
  seed: 1,
  simWords: 0,
  recycleCalls: 250,
  recycleVars: 4000,
  structuralOnly: false,
  retryFactor: 10,
  retryBase: 8,
  retryShare: 0.05,
  justifySteps: 100,
  justifyShare: 200,
  neighbourShare: 400,
  neighbourRoundWork: 50_000,
  encodeMuxes: true,
});

/** Counters of a sweep. */
export interface SweepStats {
  /** Internal and output SAT queries. */
  satCalls: number;
  /** Merges proved by SAT or over a small cut (see cutMerged). */
  merged: number;
  /** Of `merged`, those proved by exhaustive simulation over a small common cut (no SAT call). */
  cutMerged: number;
  /** Merges found by structural hashing of the reduced graph (no SAT call). */
  strashMerged: number;
  /** Counterexamples that refined the candidate classes. */
  refinements: number;
  /** Queries given up at the conflict limit (after any retry). */
  undecided: number;
  /** Queries asked again with a higher limit. */
  retries: number;
  /** Candidate pairs separated by justification before SAT (see pair-justifier.ts). */
  justified: number;
  /** SAT counterexamples whose distance-1 neighbours were simulated, and of those, the ones that split a class. */
  neighbourRounds: number;
  neighbourSplits: number;
  /** Multiplexer encodings made (six clauses over the select and the two data inputs; a node counts again in each solver that encodes it). */
  muxEncoded: number;
  /** Fresh solvers started. */
  solvers: number;
}

/** The answer of {@link SatSweeper.prove}. */
export type ProveResult =
  | { readonly kind: 'equal' }
  | { readonly kind: 'different'; readonly counterexample: boolean[] }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Justification attempts made before its success rate decides whether it goes on (see SatSweeper.justify). */
const JUSTIFY_TRIAL = 16;

/** Neighbour rounds made before their success rate decides whether they go on (see SatSweeper.refineByNeighbours). */
const NEIGHBOUR_TRIAL = 16;

/**
 * Whether a heuristic is still worth trying: during its first `trial` tries
 * always, then while at least a quarter of its tries succeeded (the rule of
 * justification, neighbour rounds and retries alike).
 */
function stillPaying(tries: number, successes: number, trial: number): boolean {
  return tries < trial || 4 * successes >= tries;
}

/** A multiplexer s ? t : e over AIG literals. */
interface Mux {
  readonly s: number;
  readonly t: number;
  readonly e: number;
}

/** Solves on the calling thread when the backend can (native CaDiCaL), else awaits `solve`. */
function solveQuick(s: SatSolver, opts: Omit<SolveOptions, 'signal'>): SolveResult | Promise<SolveResult> {
  const sync = (s as { solveSync?: (o: Omit<SolveOptions, 'signal'>) => SolveResult }).solveSync;
  return typeof sync === 'function' ? sync.call(s, opts) : s.solve(opts);
}

/** CaDiCaL options for many short incremental queries on small formulas. */
const CADICAL_SWEEP_OPTIONS: readonly (readonly [string, number])[] = [['lucky', 0], ['elim', 0], ['probe', 0], ['subsume', 0], ['vivify', 0], ['walk', 0]];

/** Applies {@link CADICAL_SWEEP_OPTIONS} when the solver has `setOption` (native CaDiCaL). */
function tuneSolver(s: SatSolver): void {
  const set = (s as { setOption?: (name: string, value: number) => void }).setOption;
  if (typeof set !== 'function') return;
  for (const [name, value] of CADICAL_SWEEP_OPTIONS) {
    try {
      set.call(s, name, value);
    } catch {
      // an option this CaDiCaL version lacks: keep its default
    }
  }
}

/**
 * Sweeps an AIG (two-input ANDs only) and keeps the result: `root(lit)` maps
 * every literal to its proved representative; `prove` checks two literals
 * with the current reduced graph. Call `close()` when done.
 */
export class SatSweeper {
  readonly stats: SweepStats = { satCalls: 0, merged: 0, cutMerged: 0, strashMerged: 0, refinements: 0, undecided: 0, retries: 0, justified: 0, neighbourRounds: 0, neighbourSplits: 0, muxEncoded: 0, solvers: 0 };
  /** repr[v] = literal of the node v was merged into, or 2*v for a representative. */
  readonly repr: Uint32Array;
  private readonly p: SweepParams;
  private readonly n: number;
  private readonly first: number;
  private readonly f0: Uint32Array;
  private readonly f1: Uint32Array;
  /** Fanins (root literals) of representative gates, set when the gate is processed. */
  private readonly rf0: Uint32Array;
  private readonly rf1: Uint32Array;
  private readonly processed: Uint8Array;
  private solver: SatSolver | undefined;
  private gen = 0;
  private readonly nodeGen: Int32Array;
  private readonly nodeVar: Int32Array;
  private callsSince = 0;
  private readonly stack: number[] = [];
  // simulation classes
  private w = 0;
  private sim: Uint32Array = new Uint32Array(0);
  private readonly phase: Uint8Array;
  private readonly classOf: Int32Array;
  private readonly members: number[][] = [];
  /** Ids of the classes that may still be queried (pruned by refine). */
  private readonly live: number[] = [];
  /** Node being swept: classes whose members all come before it are finished. */
  private cursor = 0;
  /** One simulation word per node: lane j (bit j) holds the j-th counterexample since the last full refinement. */
  private readonly word: Uint32Array;
  /** Lanes of `word` in use, and their mask. */
  private lanes = 0;
  private laneMask = 0;
  /** No live class has a member after this node, so simulation stops there. */
  private liveMax: number;
  private readonly rng: Rng;
  private readonly cuts: CutProver;

  constructor(
    private readonly aig: Circuit,
    params: SweepParams,
  ) {
    this.p = params;
    const n = (this.n = 1 + aig.numInputs + aig.numGates);
    this.first = aig.numInputs + 1;
    this.f0 = new Uint32Array(aig.numGates);
    this.f1 = new Uint32Array(aig.numGates);
    for (let g = 0; g < aig.numGates; g++) {
      if (aig.faninStart[g + 1]! - aig.faninStart[g]! !== 2 || aig.kinds[g] !== 0) throw new InternalError('internal error: sweep: the circuit is not an AIG');
      this.f0[g] = aig.fanins[aig.faninStart[g]!]!;
      this.f1[g] = aig.fanins[aig.faninStart[g]! + 1]!;
    }
    this.repr = new Uint32Array(n);
    for (let v = 0; v < n; v++) this.repr[v] = 2 * v;
    this.rf0 = new Uint32Array(n);
    this.rf1 = new Uint32Array(n);
    this.processed = new Uint8Array(n);
    this.processed.fill(1, 0, this.first);
    this.nodeGen = new Int32Array(n);
    this.nodeVar = new Int32Array(n);
    this.phase = new Uint8Array(n);
    this.word = new Uint32Array(n);
    this.liveMax = n - 1;
    this.classOf = new Int32Array(n).fill(-1);
    this.rng = new Rng(params.seed ^ 0x5eed);
    this.cuts = new CutProver(n, this.first, this.rf0, this.rf1);
    this.simulate();
  }

  /** Root literal of a literal (through proved merges). */
  root(lit: number): number {
    let l = lit;
    while (this.repr[l >>> 1] !== (l & ~1)) l = this.repr[l >>> 1]! ^ (l & 1);
    return l;
  }

  /** An input vector on which the two literals differ in the random simulation, or null. */
  simulationDifference(a: number, b: number): boolean[] | null {
    const w = this.w;
    const ma = -(a & 1), mb = -(b & 1);
    const ba = (a >>> 1) * w, bb = (b >>> 1) * w;
    for (let i = 0; i < w; i++) {
      const d = (this.sim[ba + i]! ^ ma ^ this.sim[bb + i]! ^ mb) >>> 0;
      if (d) {
        const bit = 31 - Math.clz32(d & -d);
        return Array.from({ length: this.aig.numInputs }, (_, k) => ((this.sim[(k + 1) * w + i]! >>> bit) & 1) === 1);
      }
    }
    return null;
  }

  /** Sweeps every gate in topological order. */
  async run(): Promise<void> {
    for (let v = this.first; v < this.n; v++) {
      this.cursor = v;
      this.processNode(v);
      if (this.p.structuralOnly || this.repr[v] !== 2 * v) continue;
      if (Date.now() > this.p.deadline) {
        for (let u = v + 1; u < this.n; u++) this.processNode(u);
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
    const s = await this.ensureSolver(false);
    const x = this.satLit(ra), y = this.satLit(rb);
    const d = s.newVar();
    s.addClause([-d, x, y]);
    s.addClause([-d, -x, -y]);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { kind: 'unknown', reason: 'time' };
    this.stats.satCalls++;
    this.callsSince++;
    const res = await s.solve({ assumptions: [d], ...(Number.isFinite(remaining) ? { timeLimitMs: remaining } : {}), ...(conflictLimit === undefined ? {} : { conflictLimit }) });
    if (res.status === 'unsat') {
      s.addClause([-d]);
      return { kind: 'equal' };
    }
    if (res.status === 'unknown') s.addClause([-d]);
    if (res.status === 'sat') return { kind: 'different', counterexample: this.counterexample(res.model) };
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
    const s = new AigStrash(this.aig.numInputs, this.aig.numGates);
    const map = new Uint32Array(this.n);
    for (let v = 1; v < this.first; v++) map[v] = s.input(v - 1);
    for (let v = this.first; v < this.n; v++) {
      this.processNode(v);
      const r = this.repr[v]!;
      if (r !== 2 * v) {
        // merged into an earlier node (or a constant), already mapped
        map[v] = map[r >>> 1]! ^ (r & 1);
        continue;
      }
      const a = this.rf0[v]!, b = this.rf1[v]!;
      map[v] = s.and(map[a >>> 1]! ^ (a & 1), map[b >>> 1]! ^ (b & 1));
    }
    return s.extract(
      lits.map((l) => map[l >>> 1]! ^ (l & 1)),
      this.aig.inputNames,
    );
  }

  /** Releases the solver. */
  close(): void {
    this.solver?.close();
    this.solver = undefined;
  }

  // --- structural part ---

  /** Rebuilds gate v over its fanins' roots: folds trivial ANDs and merges structural duplicates. */
  private readonly table = new PairMap();
  private processNode(v: number): void {
    if (this.processed[v]) return;
    this.processed[v] = 1;
    const g = v - this.first;
    let a = this.root(this.f0[g]!), b = this.root(this.f1[g]!);
    if (a > b) [a, b] = [b, a];
    let to = -1;
    if (a === 0 || a === (b ^ 1)) to = 0;
    else if (a === 1 || a === b) to = b;
    else {
      const hit = this.table.get(a, b);
      if (hit !== undefined) to = 2 * hit;
      else this.table.set(a, b, v);
    }
    if (to >= 0) {
      this.repr[v] = to;
      this.stats.strashMerged++;
      return;
    }
    this.rf0[v] = a;
    this.rf1[v] = b;
  }

  // --- solver part ---

  private async ensureSolver(mayRecycle: boolean): Promise<SatSolver> {
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

  /** Solver literal of a root literal, encoding its cone (over representatives) on demand. */
  private satLit(lit: number): number {
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

  /** Input vector of a model; inputs outside the encoded cones take random values. */
  private counterexample(model: Int8Array): boolean[] {
    const out = new Array<boolean>(this.aig.numInputs);
    for (let i = 0; i < this.aig.numInputs; i++) {
      const v = i + 1;
      out[i] = this.nodeGen[v] === this.gen ? model[this.nodeVar[v]!] === 1 : this.rng.below(2) === 1;
    }
    return out;
  }

  /** Tries to merge representative gate v into the representative of its class. */
  private async tryMerge(v: number): Promise<void> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = this.classOf[v]!;
      if (id < 0) return;
      const list = this.members[id]!;
      // the class's representative: its first member that is still a root
      while (list.length && this.repr[list[0]!] !== 2 * list[0]!) list.shift();
      const r = list[0];
      if (r === undefined || r >= v) return;
      const pol = this.phase[v]! ^ this.phase[r]!;
      // counterexamples found since the last full refinement may already separate v from r
      const word = this.word;
      if (((word[v]! ^ word[r]! ^ -pol) & this.laneMask) !== 0) {
        this.splitClass(id, this.laneMask);
        attempt--;
        continue;
      }
      const local = this.cuts.prove(2 * v, 2 * r + pol);
      if (local.kind === 'equal') {
        this.merge(v, r, pol, list);
        this.stats.cutMerged++;
        return;
      }
      if (local.kind === 'different') {
        this.refine(this.localCounterexample(local));
        continue;
      }
      const justified = this.justify(v, r, pol);
      if (justified) {
        this.refine(justified);
        continue;
      }
      const s = await this.ensureSolver(true);
      const lv = this.satLit(2 * v);
      const lr = this.satLit(2 * r + pol);
      const d = s.newVar();
      s.addClause([-d, lv, lr]);
      s.addClause([-d, -lv, -lr]);
      this.stats.satCalls++;
      this.callsSince++;
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
        this.merge(v, r, pol, list);
        return;
      }
      if (res.status === 'sat') {
        const cex = this.counterexample(res.model);
        this.refine(cex);
        this.refineByNeighbours(cex);
        continue;
      }
      this.stats.undecided++;
      // unknown: v leaves its class (into a class of its own), so later members are not compared with it
      this.detach(v);
      return;
    }
    this.detach(v);
  }

  /** Separates v from r ^ pol by justification (no SAT), within the budgets: the input vector, or null. */
  private justify(v: number, r: number, pol: number): boolean[] | null {
    if (this.p.justifySteps <= 0) return null;
    if (!this.justifier) {
      // how often each node is 1 in random simulation guides the justifier's choices
      const n = this.n, w = this.w, sim = this.sim;
      const ones = new Uint32Array(n);
      for (let u = 0; u < n; u++) {
        let c = 0;
        for (let i = u * w, end = i + w; i < end; i++) c += popcount(sim[i]!);
        ones[u] = c;
      }
      this.justifier = new PairJustifier(this.first, this.f0, this.f1, ones, 32 * w);
    }
    const j = this.justifier;
    // on pairs that are mostly equal (datapaths against their rewrites) the attempts stop paying; once
    // under a quarter succeed, no more are made in this sweep (the rate no longer changes)
    if (!stillPaying(j.stats.attempts, j.stats.justified, JUSTIFY_TRIAL) || j.stats.steps >= this.p.justifyShare * this.n || !j.separate(v, r, pol, this.p.justifySteps)) return null;
    this.stats.justified++;
    return j.take(this.aig.numInputs, this.rng);
  }

  private justifier: PairJustifier | undefined;

  /** Retries answered (proved or refuted) so far. */
  private retriesAnswered = 0;

  /** Whether a query given up may be asked again: within the retry budget, and, after the first retryBase retries, while at least a quarter of all retries were answered. */
  private mayRetry(): boolean {
    const n = this.stats.retries;
    if (n >= this.p.retryBase + this.p.retryShare * this.stats.satCalls) return false;
    return stillPaying(n, this.retriesAnswered, this.p.retryBase);
  }

  private merge(v: number, r: number, pol: number, list: number[]): void {
    this.repr[v] = 2 * r + pol;
    this.stats.merged++;
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
  }

  /** Input vector of a cut counterexample; inputs outside the cut take random values. */
  private localCounterexample(p: Extract<CutProof, { kind: 'different' }>): boolean[] {
    const out = Array.from({ length: this.aig.numInputs }, () => this.rng.below(2) === 1);
    p.inputs.forEach((v, i) => (out[v - 1] = p.values[i]!));
    return out;
  }

  private detach(v: number): void {
    const id = this.classOf[v]!;
    if (id < 0) return;
    const list = this.members[id]!;
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
    this.classOf[v] = -1;
  }

  // --- simulation part ---

  private simulate(): void {
    const n = this.n;
    const w = (this.w = this.p.simWords || Math.max(2, Math.min(64, Math.floor((16 << 20) / n))));
    const sim = (this.sim = simulateNodes(this.aig, randomPatterns(this.aig.numInputs, w, this.p.seed)).values);
    const phase = this.phase;
    const buckets = new Map<number, number[]>();
    for (let v = 0; v < n; v++) {
      const base = v * w;
      const ph = sim[base]! & 1;
      phase[v] = ph;
      const m = -ph;
      let h = 0x811c9dc5;
      for (let i = 0; i < w; i++) h = Math.imul(h ^ ((sim[base + i]! ^ m) >>> 0), 16777619);
      let list = buckets.get(h);
      if (!list) buckets.set(h, (list = []));
      list.push(v);
    }
    const same = (u: number, v: number): boolean => {
      const mu = -phase[u]!, mv = -phase[v]!;
      for (let i = 0; i < w; i++) if ((sim[u * w + i]! ^ mu) !== (sim[v * w + i]! ^ mv)) return false;
      return true;
    };
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      const groups: number[][] = [];
      for (const v of list) {
        const grp = groups.find((gp) => same(gp[0]!, v));
        if (grp) grp.push(v);
        else groups.push([v]);
      }
      for (const grp of groups) {
        if (grp.length < 2) continue;
        const id = this.members.length;
        this.members.push(grp);
        this.live.push(id);
        for (const v of grp) this.classOf[v] = id;
      }
    }
  }

  /**
   * Records a counterexample in the next free lane of the pattern word and
   * splits the class of the node being swept by it. Other classes are split
   * lazily (when one of their members is swept and differs from its
   * representative in some lane), and all live classes at once when the 32
   * lanes are full: one scan of the classes per 32 counterexamples instead of
   * one per counterexample (mem_ctrl: 750 counterexamples, 30k live classes).
   */
  private refine(cex: boolean[]): void {
    this.stats.refinements++;
    const lane = this.lanes;
    const bit = 1 << lane;
    const pats = this.word;
    for (let i = 0; i < cex.length; i++) {
      if (cex[i]) pats[i + 1]! |= bit;
      else pats[i + 1]! &= ~bit;
    }
    this.lanes++;
    this.laneMask = this.lanes === 32 ? 0xffffffff : (1 << this.lanes) - 1;
    this.simulateWord(this.liveMax);
    const id = this.classOf[this.cursor]!;
    if (id >= 0) this.splitClass(id, this.laneMask);
    if (this.lanes === 32) {
      this.splitLiveClasses();
      // then the 32 counterexamples with one input flipped each: their distance-1
      // neighbours separate nodes that are rarely different, as the counterexamples were
      const k = cex.length;
      if (k > 0) {
        for (let j = 0; j < 32; j++) pats[1 + this.rng.below(k)]! ^= 1 << j;
        this.simulateWord(this.liveMax);
        this.splitLiveClasses();
      }
      this.lanes = 0;
      this.laneMask = 0;
    }
  }

  /**
   * Splits every live class by the distance-1 neighbours of a SAT
   * counterexample: the vector with one primary input flipped, for every
   * input, 32 to a simulation word. A counterexample sits where two nodes
   * that random simulation could not tell apart differ; its neighbours sit
   * there too and separate the rarely different nodes around them (ABC's
   * fraig resimulates counterexamples with distance-1 patterns as well).
   * EPFL priority vs its best LUT network: 267 SAT calls without, 176 with
   * (211 when only the inputs in the solver's cones are flipped: the others
   * are random in the counterexample and separate later classes).
   * A round is skipped when it would simulate more than neighbourRoundWork
   * node-words: on the large EPFL pairs (multiplier, sqrt, mem_ctrl) the
   * rounds cost 10-30% more time and saved no SAT call. Within the
   * neighbourShare budget, and after NEIGHBOUR_TRIAL rounds only while at
   * least a quarter of the rounds split some class.
   */
  private refineByNeighbours(cex: boolean[]): void {
    const st = this.stats;
    const share = this.p.neighbourShare;
    if (share <= 0 || this.neighbourWork >= share * this.n) return;
    if (!stillPaying(st.neighbourRounds, st.neighbourSplits, NEIGHBOUR_TRIAL)) return;
    const words = Math.ceil((this.first - 1) / 32);
    const perWord = this.liveMax - this.first + 1 + this.live.length;
    if (words * perWord > this.p.neighbourRoundWork) return;
    const nv = (this.neighbourWord ??= new Uint32Array(this.n));
    for (let v = 1; v < this.first; v++) nv[v] = cex[v - 1] ? 0xffffffff : 0;
    let split = false;
    for (let base = 1; base < this.first; base += 32) {
      const end = Math.min(this.first, base + 32);
      for (let v = base; v < end; v++) nv[v]! ^= 1 << (v - base);
      this.simulateWord(this.liveMax, nv);
      const live = this.live;
      this.neighbourWork += this.liveMax - this.first + 1 + live.length;
      for (let t = 0, m = live.length; t < m; t++) split = this.splitClass(live[t]!, 0xffffffff, nv) || split;
      // back to the counterexample only after the split: inputs are class members too
      for (let v = base; v < end; v++) nv[v]! ^= 1 << (v - base);
    }
    st.neighbourRounds++;
    if (split) st.neighbourSplits++;
  }

  /** Node-words simulated by `refineByNeighbours` so far, and its pattern word. */
  private neighbourWork = 0;
  private neighbourWord: Uint32Array | undefined;

  /** Splits every class that may still be queried by the full pattern word, dropping finished classes. */
  private splitLiveClasses(): void {
    const live = this.live;
    let kept = 0, max = this.cursor;
    for (const id of live) {
      const list = this.members[id]!;
      if (list.length < 2 || list[list.length - 1]! < this.cursor) continue;
      live[kept++] = id;
      max = Math.max(max, list[list.length - 1]!);
    }
    live.length = kept;
    this.liveMax = max;
    for (let t = 0; t < kept; t++) this.splitClass(live[t]!, 0xffffffff);
  }

  /** Splits class `id` by the lanes `mask` of a pattern word (the counterexamples' by default); new classes join the live list. Whether it split. */
  private splitClass(id: number, mask: number, nv: Uint32Array = this.word): boolean {
    const phase = this.phase;
    const list = this.members[id]!;
    if (list.length < 2) return false;
    const k0 = (nv[list[0]!]! ^ -phase[list[0]!]!) & mask;
    let i = 1;
    while (i < list.length && ((nv[list[i]!]! ^ -phase[list[i]!]!) & mask) === k0) i++;
    if (i === list.length) return false;
    const byKey = new Map<number, number[]>();
    for (const v of list) {
      const key = (nv[v]! ^ -phase[v]!) & mask;
      let l = byKey.get(key);
      if (!l) byKey.set(key, (l = []));
      l.push(v);
    }
    let firstGroup = true;
    for (const grp of byKey.values()) {
      if (firstGroup) {
        this.members[id] = grp;
        firstGroup = false;
        if (grp.length < 2) for (const v of grp) this.classOf[v] = -1;
        continue;
      }
      if (grp.length < 2) {
        this.classOf[grp[0]!] = -1;
        continue;
      }
      const nid = this.members.length;
      this.members.push(grp);
      this.live.push(nid);
      for (const v of grp) this.classOf[v] = nid;
    }
    return true;
  }

  /** One word of every node up to `limit`, from the input words already in `nv` (the counterexamples' by default). */
  private simulateWord(limit: number, nv: Uint32Array = this.word): Uint32Array {
    const f0 = this.f0, f1 = this.f1, first = this.first;
    nv[0] = 0;
    for (let v = first; v <= limit; v++) {
      const a = f0[v - first]!, b = f1[v - first]!;
      nv[v] = (nv[a >>> 1]! ^ -(a & 1)) & (nv[b >>> 1]! ^ -(b & 1));
    }
    return nv;
  }
}
