/**
 * The embedded default backend: MiniSat 2.2 compiled to asm.js, as shipped in
 * the `logic-solver` package, driven through its raw clause interface.
 *
 * Facts about this build that shape the backend:
 * - Each instance runs inside a fixed 64 MB emscripten heap and aborts when it
 *   is full (measured: about 1.2 M ternary clauses over 1000 variables, or
 *   0.43 M clauses of 10 literals, or 0.5 M variables). The abort is caught:
 *   `solve` answers `unknown` with reason `memory`, and the instance stays
 *   dead (every later `solve` answers the same). The abort message that
 *   emscripten would print is swallowed.
 * - There is no conflict or time hook. A `solve` without `timeLimitMs` and
 *   `signal` runs synchronously in-process. With either, it runs in a worker
 *   thread (see {@link createWorkerSolver}) that is terminated at the limit;
 *   that worker keeps its own MiniSat, replayed from the clause log when needed.
 *   `conflictLimit` is ignored.
 * - `solveAssuming` takes one positive variable, so several assumptions are
 *   tied to a fresh activation variable. MiniSat then only blames that
 *   variable, so `failedAssumptions` is always the full assumption list.
 */

import { createRequire } from 'node:module';
import type MiniSatType from 'logic-solver/minisat_wrapper.js';
import { BackendError } from '../../errors.js';
import { assertModel } from '../check-model.js';
import { ClauseLogSolver, fitModel } from '../solver-base.js';
import type { SatSolver, SolveOptions, SolveResult } from '../types.js';
import { createWorkerSolver } from '../worker-solver.js';

const require = createRequire(import.meta.url);
let MiniSatClass: typeof MiniSatType | undefined;

function loadMiniSat(): typeof MiniSatType {
  MiniSatClass ??= require('logic-solver/minisat_wrapper.js') as typeof MiniSatType;
  return MiniSatClass;
}

/** Options of {@link createMinisatSolver}. */
export interface MinisatSolverOptions {
  /**
   * When false, `timeLimitMs` and `signal` are ignored instead of moving the
   * solve into a worker thread (used inside that worker). Default true.
   */
  readonly workerForLimits?: boolean;
}

/** Creates an incremental MiniSat solver (see the module notes for its limits). */
export function createMinisatSolver(options: MinisatSolverOptions = {}): SatSolver {
  return new MinisatSolver(options.workerForLimits ?? true);
}

function isEmscriptenAbort(e: unknown): boolean {
  return typeof e === 'string' && e.startsWith('abort()');
}

class MinisatSolver extends ClauseLogSolver {
  readonly backend = 'minisat';
  private native: MiniSatType | undefined;
  /** nativeOf[v] = MiniSat variable of user variable v (0 = not yet allocated). */
  private nativeOf = new Int32Array(64);
  private nativeVars = 0;
  private fed = 0;
  private knownUnsat = false;
  private dead: string | undefined;
  private worker: SatSolver | undefined;
  private closed = false;

  constructor(private readonly workerForLimits: boolean) {
    super();
  }

  override close(): void {
    this.closed = true;
    this.native = undefined;
    this.worker?.close();
    this.worker = undefined;
  }

  override async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    if (this.closed) throw new BackendError('minisat: solve() after close()', 'closed');
    const assumptions = opts.assumptions ?? [];
    for (const lit of assumptions) this.log.touch(lit);
    if (this.dead !== undefined) return { status: 'unknown', reason: 'memory', detail: this.dead };
    if (opts.signal?.aborted) return { status: 'unknown', reason: 'aborted' };
    const start = performance.now();
    this.counters.solveCalls += 1;
    try {
      if (this.workerForLimits && (opts.timeLimitMs !== undefined || opts.signal !== undefined)) {
        return await this.solveInWorker(opts);
      }
      return this.solveHere(assumptions);
    } finally {
      this.counters.solveMs += performance.now() - start;
    }
  }

  private async solveInWorker(opts: SolveOptions): Promise<SolveResult> {
    this.worker ??= createWorkerSolver('minisat');
    const w = this.worker;
    const clauses = this.log.clauses;
    w.addCnf({ numVars: this.log.numVars, clauses: clauses.slice(this.workerSent) });
    this.workerSent = clauses.length;
    const result = await w.solve(opts);
    if (result.status === 'sat') {
      const model = fitModel(result.model, this.log.numVars);
      assertModel(this.backend, clauses, model, opts.assumptions);
      return { status: 'sat', model };
    }
    if (result.status === 'unknown' && result.reason === 'memory') this.dead = result.detail ?? 'emscripten heap exhausted';
    return result;
  }

  private workerSent = 0;

  /** Runs `fn` against the native instance, turning an emscripten abort into a dead solver. */
  private guarded<T>(fn: (m: MiniSatType) => T): T | undefined {
    const log = console.log;
    console.log = () => {}; // emscripten prints its abort message through console.log
    try {
      this.native ??= new (loadMiniSat())();
      return fn(this.native);
    } catch (e) {
      if (!isEmscriptenAbort(e)) throw e;
      this.dead = 'emscripten heap (64 MB) exhausted';
      this.native = undefined;
      return undefined;
    } finally {
      console.log = log;
    }
  }

  private nativeVar(v: number): number {
    if (v >= this.nativeOf.length) {
      const grown = new Int32Array(Math.max(v + 1, this.nativeOf.length * 2));
      grown.set(this.nativeOf);
      this.nativeOf = grown;
    }
    let n = this.nativeOf[v]!;
    if (n === 0) {
      n = ++this.nativeVars;
      this.nativeOf[v] = n;
    }
    return n;
  }

  private toNative(lit: number): number {
    return lit > 0 ? this.nativeVar(lit) : -this.nativeVar(-lit);
  }

  private solveHere(assumptions: readonly number[]): SolveResult {
    const clauses = this.log.clauses;
    const outcome = this.guarded((m): SolveResult | 'model' => {
      for (; this.fed < clauses.length; this.fed++) {
        const clause = clauses[this.fed]!;
        const terms: number[] = [];
        for (const lit of clause) terms.push(this.toNative(lit));
        if (!m.addClause(terms)) this.knownUnsat = true;
      }
      if (this.knownUnsat) return { status: 'unsat', failedAssumptions: [] };
      if (assumptions.length === 0) {
        if (this.nativeVars > 0) m.ensureVar(this.nativeVars);
        if (m.solve()) return 'model';
        this.knownUnsat = true;
        return { status: 'unsat', failedAssumptions: [] };
      }
      const act = ++this.nativeVars;
      const nativeAssumptions = assumptions.map((lit) => this.toNative(lit));
      m.ensureVar(this.nativeVars);
      for (const lit of nativeAssumptions) m.addClause([-act, lit]);
      const sat = m.solveAssuming(act);
      const result: SolveResult | 'model' = sat ? 'model' : { status: 'unsat', failedAssumptions: [...assumptions] };
      if (sat) this.lastModel = this.readModel(m);
      m.retireVar(act);
      return result;
    });
    if (outcome === undefined) return { status: 'unknown', reason: 'memory', detail: this.dead };
    if (outcome !== 'model') return outcome;
    const model = assumptions.length === 0 ? this.guarded((m) => this.readModel(m)) : this.lastModel;
    if (model === undefined) return { status: 'unknown', reason: 'memory', detail: this.dead };
    assertModel(this.backend, clauses, model, assumptions);
    return { status: 'sat', model };
  }

  private lastModel: Int8Array | undefined;

  private readModel(m: MiniSatType): Int8Array {
    const solution = m.getSolution();
    const model = new Int8Array(this.log.numVars + 1);
    for (let v = 1; v <= this.log.numVars; v++) {
      const n = v < this.nativeOf.length ? this.nativeOf[v]! : 0;
      model[v] = n !== 0 && solution[n] === true ? 1 : -1;
    }
    return model;
  }
}
