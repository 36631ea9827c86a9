/**
 * z3-solver (Z3 compiled to WebAssembly) used as a CNF solver, plus a small
 * SMT-LIB2 helper for later bit-vector encodings.
 *
 * - The package is loaded lazily (`await import('z3-solver')`) on the first
 *   solve, and shared by all z3 solvers of the process.
 * - Clauses are fed through the low-level API (one Boolean constant per
 *   variable); assumptions use `check-assumptions`, so `failedAssumptions` is
 *   Z3's unsat core.
 * - `timeLimitMs` bounds the whole call (loading Z3 and feeding it the clauses
 *   included; what is left becomes Z3's `timeout` parameter), `conflictLimit` sets its
 *   `max_conflicts`; `signal` interrupts the context. All answer `unknown`.
 * - `close()` frees the solver's Z3 context. Z3's emscripten worker threads
 *   do not keep Node's event loop alive, so a process that used z3 exits by
 *   itself; a pending check holds the loop open with a timer. Terminating
 *   those threads makes the module unusable (measured: the next check hangs),
 *   so that is left to {@link shutdownZ3}, which also drops the module.
 */

import { BackendError, UsageError } from '../../errors.js';
import { assertModel } from '../check-model.js';
import { validateSolveOptions } from '../clause-log.js';
import { ClauseLogSolver } from '../solver-base.js';
import type { Cnf, SatSolver, SolveOptions, SolveResult } from '../types.js';

type Z3Module = typeof import('z3-solver');
type Z3Api = Awaited<ReturnType<Z3Module['init']>>;
type Z3Core = Z3Api['Z3'];
type Z3Context = ReturnType<Z3Core['mk_context']>;
type Z3Ast = ReturnType<Z3Core['mk_true']>;
type Z3Solver = ReturnType<Z3Core['mk_simple_solver']>;

const UINT_MAX = 4294967295;
const L_TRUE = 1;
const L_FALSE = -1;

let api: Promise<Z3Api> | undefined;
let loaded: Z3Api | undefined;
/** z3 solvers created and not closed, plus running {@link solveSmt2} calls. */
let openSolvers = 0;

/** Loads and initialises z3-solver once per process. */
function loadZ3(): Promise<Z3Api> {
  api ??= import('z3-solver')
    .then((m) => m.init())
    .then((z) => {
      loaded = z;
      return z;
    });
  return api;
}

/**
 * Shuts Z3 down completely: terminates its emscripten worker threads and drops
 * the loaded module, so the next z3 use loads a fresh one. Not needed for a
 * process to exit (Z3's threads do not keep Node alive, and closing a solver
 * frees its context); useful to reclaim the WebAssembly memory. A terminated
 * module cannot be reused, hence the reload.
 * @throws UsageError (code `z3-busy`) while a z3 solver is open or a
 *   {@link solveSmt2} call runs.
 */
export function shutdownZ3(): void {
  if (openSolvers !== 0) throw new UsageError(`shutdownZ3(): ${openSolvers} z3 solver(s) still open`, 'z3-busy');
  const z = loaded;
  api = undefined;
  loaded = undefined;
  const pthread = (z?.em as { PThread?: { terminateAllThreads?: () => void } } | undefined)?.PThread;
  pthread?.terminateAllThreads?.();
}

/**
 * Z3 runs a check on an emscripten thread that does not keep Node's event
 * loop alive, so a pending check could let the process exit with an
 * unsettled promise. A ref'd timer holds the loop open until the check ends.
 */
function keepProcessAlive(): NodeJS.Timeout {
  return setInterval(() => {}, 1 << 30);
}

/** Options of {@link createZ3Solver}. */
export interface Z3SolverOptions {
  /** Z3's `random_seed`. */
  readonly seed?: number;
}

/** Creates an incremental CNF solver backed by Z3 (see module notes). */
export function createZ3Solver(options: Z3SolverOptions = {}): SatSolver {
  return new Z3CnfSolver(options);
}

interface Session {
  readonly z3: Z3Core;
  readonly ctx: Z3Context;
  readonly solver: Z3Solver;
  readonly vars: Z3Ast[];
}

class Z3CnfSolver extends ClauseLogSolver {
  readonly backend = 'z3';
  private session: Promise<Session> | undefined;
  private live: Session | undefined;
  private busy = false;
  private fed = 0;
  private closed = false;

  constructor(private readonly options: Z3SolverOptions) {
    super();
    openSolvers += 1;
  }

  override close(): void {
    if (this.closed) return;
    this.closed = true;
    openSolvers -= 1;
    if (!this.busy) this.dispose();
  }

  /** Frees the Z3 context (never while a check runs on it). */
  private dispose(): void {
    const s = this.live;
    this.live = undefined;
    this.session = undefined;
    if (s !== undefined) {
      s.z3.solver_dec_ref(s.ctx, s.solver);
      s.z3.del_context(s.ctx);
    }
  }

  private open(): Promise<Session> {
    this.session ??= loadZ3().then(({ Z3 }) => {
      const cfg = Z3.mk_config();
      const ctx = Z3.mk_context(cfg);
      Z3.del_config(cfg);
      const solver = Z3.mk_simple_solver(ctx);
      Z3.solver_inc_ref(ctx, solver);
      this.live = { z3: Z3, ctx, solver, vars: [] };
      return this.live;
    });
    return this.session;
  }

  override async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    if (this.closed) throw new BackendError('z3: solve() after close()', 'closed');
    validateSolveOptions(opts);
    const assumptions = [...(opts.assumptions ?? [])];
    for (const lit of assumptions) this.log.touch(lit);
    if (opts.signal?.aborted) return { status: 'unknown', reason: 'aborted' };
    const start = performance.now();
    this.counters.solveCalls += 1;
    this.busy = true;
    try {
      // the limit covers loading Z3 and feeding it the clauses (seconds for a
      // large CNF), not only Z3's own check
      const deadline = opts.timeLimitMs === undefined ? Infinity : start + opts.timeLimitMs;
      const s = await this.open();
      return await this.solveIn(s, assumptions, opts, deadline);
    } finally {
      this.busy = false;
      if (this.closed) this.dispose();
      this.counters.solveMs += performance.now() - start;
    }
  }

  private variable(s: Session, v: number): Z3Ast {
    let x = s.vars[v];
    if (x === undefined) {
      x = s.z3.mk_const(s.ctx, s.z3.mk_int_symbol(s.ctx, v), s.z3.mk_bool_sort(s.ctx));
      s.vars[v] = x;
    }
    return x;
  }

  private literal(s: Session, lit: number): Z3Ast {
    const x = this.variable(s, Math.abs(lit));
    return lit > 0 ? x : s.z3.mk_not(s.ctx, x);
  }

  private async solveIn(s: Session, assumptions: number[], opts: SolveOptions, deadline: number): Promise<SolveResult> {
    const { z3, ctx, solver } = s;
    const clauses = this.log.clauses;
    const outOfTime = (): SolveResult => ({ status: 'unknown', reason: 'time', detail: 'the limit ran out while the clauses were fed to Z3' });
    for (; this.fed < clauses.length; this.fed++) {
      // the clauses fed so far stay fed: a later call continues from here
      if ((this.fed & 4095) === 0 && performance.now() >= deadline) return outOfTime();
      const clause = clauses[this.fed]!;
      const lits = Array.from(clause, (lit) => this.literal(s, lit));
      const ast = lits.length === 0 ? z3.mk_false(ctx) : lits.length === 1 ? lits[0]! : z3.mk_or(ctx, lits);
      z3.solver_assert(ctx, solver, ast);
    }
    const params = z3.mk_params(ctx);
    z3.params_inc_ref(ctx, params);
    const sym = (name: string) => z3.mk_string_symbol(ctx, name);
    const left = deadline - performance.now();
    if (left <= 0) {
      z3.params_dec_ref(ctx, params);
      return outOfTime();
    }
    z3.params_set_uint(ctx, params, sym('timeout'), left === Infinity ? UINT_MAX : Math.max(1, Math.round(left)));
    z3.params_set_uint(ctx, params, sym('max_conflicts'), opts.conflictLimit ?? UINT_MAX);
    if (this.options.seed !== undefined) z3.params_set_uint(ctx, params, sym('random_seed'), this.options.seed >>> 0);
    z3.solver_set_params(ctx, solver, params);
    z3.params_dec_ref(ctx, params);

    const onAbort = (): void => z3.interrupt(ctx);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const keepAlive = keepProcessAlive();
    let status: number;
    const byAst = new Map<Z3Ast, number>();
    try {
      if (assumptions.length === 0) {
        status = await z3.solver_check(ctx, solver);
      } else {
        const asts = assumptions.map((lit) => {
          const ast = this.literal(s, lit);
          byAst.set(ast, lit);
          return ast;
        });
        status = await z3.solver_check_assumptions(ctx, solver, asts);
      }
    } finally {
      clearInterval(keepAlive);
      opts.signal?.removeEventListener('abort', onAbort);
    }

    if (status === L_TRUE) {
      const model = z3.solver_get_model(ctx, solver);
      z3.model_inc_ref(ctx, model);
      const out = new Int8Array(this.log.numVars + 1);
      for (let v = 1; v <= this.log.numVars; v++) {
        const x = s.vars[v];
        const value = x === undefined ? null : z3.model_eval(ctx, model, x, true);
        out[v] = value !== null && z3.get_bool_value(ctx, value) === L_TRUE ? 1 : -1;
      }
      z3.model_dec_ref(ctx, model);
      assertModel(this.backend, clauses, out, assumptions);
      return { status: 'sat', model: out };
    }
    if (status === L_FALSE) {
      if (assumptions.length === 0) return { status: 'unsat', failedAssumptions: [] };
      const core = z3.solver_get_unsat_core(ctx, solver);
      const failed: number[] = [];
      for (let i = 0; i < z3.ast_vector_size(ctx, core); i++) {
        const lit = byAst.get(z3.ast_vector_get(ctx, core, i));
        if (lit === undefined) return { status: 'unsat', failedAssumptions: assumptions };
        failed.push(lit);
      }
      return { status: 'unsat', failedAssumptions: failed };
    }
    const why = z3.solver_get_reason_unknown(ctx, solver);
    if (opts.signal?.aborted) return { status: 'unknown', reason: 'aborted', detail: why };
    if (/conflict/i.test(why)) return { status: 'unknown', reason: 'conflicts', detail: why };
    if (opts.timeLimitMs !== undefined && /timeout|canceled/i.test(why)) return { status: 'unknown', reason: 'time', detail: why };
    if (/memory/i.test(why)) return { status: 'unknown', reason: 'memory', detail: why };
    return { status: 'unknown', reason: 'error', detail: why };
  }
}

/** Answer of {@link solveSmt2}. */
export interface Smt2Result {
  readonly status: 'sat' | 'unsat' | 'unknown';
  /** Everything Z3 printed (the responses to every command). */
  readonly output: string;
}

/** Options of {@link solveSmt2}. */
export interface SolveSmt2Options {
  readonly timeLimitMs?: number;
}

/**
 * Runs an SMT-LIB2 script in a fresh Z3 context and returns the answer of its
 * last `(check-sat)` (`unknown` when there is none or the time limit hit).
 * @throws BackendError (code `failed`) when Z3 reports an `(error ...)`.
 */
export async function solveSmt2(text: string, options: SolveSmt2Options = {}): Promise<Smt2Result> {
  validateSolveOptions(options);
  // Z3's WASM build has, once under heavy load, reported a parse error at a
  // place where the script is well formed (a corrupted copy of the text), so
  // an error is confirmed by a second run in a fresh context before it is
  // reported; a real error repeats, and a good answer is never retried.
  try {
    return await solveSmt2Once(text, options);
  } catch (e) {
    if (!(e instanceof BackendError)) throw e;
    return await solveSmt2Once(text, options);
  }
}

async function solveSmt2Once(text: string, options: SolveSmt2Options): Promise<Smt2Result> {
  const { Z3 } = await loadZ3();
  openSolvers += 1;
  const cfg = Z3.mk_config();
  if (options.timeLimitMs !== undefined) Z3.set_param_value(cfg, 'timeout', String(Math.max(1, Math.round(options.timeLimitMs))));
  const ctx = Z3.mk_context(cfg);
  Z3.del_config(cfg);
  const keepAlive = keepProcessAlive();
  try {
    const output = await Z3.eval_smtlib2_string(ctx, text);
    const error = output.split('\n').find((l) => l.startsWith('(error'));
    if (error !== undefined) throw new BackendError(`z3 rejected the SMT-LIB2 script: ${error}`, 'failed');
    const answers = output.split('\n').map((l) => l.trim()).filter((l) => l === 'sat' || l === 'unsat' || l === 'unknown');
    const status = (answers[answers.length - 1] ?? 'unknown') as Smt2Result['status'];
    return { status, output };
  } catch (e) {
    if (e instanceof BackendError) throw e;
    throw new BackendError(`z3 rejected the SMT-LIB2 script: ${e instanceof Error ? e.message : String(e)}`, 'failed');
  } finally {
    clearInterval(keepAlive);
    Z3.del_context(ctx);
    openSolvers -= 1;
  }
}

/** Writes `cnf` as an SMT-LIB2 script over Booleans `x1..xN` ending in `(check-sat)`. */
export function writeSmtlib(cnf: Cnf): string {
  const parts: string[] = ['(set-logic QF_UF)'];
  for (let v = 1; v <= cnf.numVars; v++) parts.push(`(declare-const x${v} Bool)`);
  const lit = (l: number): string => (l > 0 ? `x${l}` : `(not x${-l})`);
  for (const clause of cnf.clauses) {
    if (clause.length === 0) parts.push('(assert false)');
    else if (clause.length === 1) parts.push(`(assert ${lit(clause[0]!)})`);
    else parts.push(`(assert (or ${Array.from(clause, lit).join(' ')}))`);
  }
  parts.push('(check-sat)');
  return parts.join('\n') + '\n';
}
