/**
 * In-process CaDiCaL through the optional Node-API addon
 * `build/Release/cadical_addon.node` (built by `src/native/build-native.mjs`
 * from `src/native/cadical-addon.cc` against libcadical-dev).
 *
 * `solve` runs on the libuv thread pool, so it never blocks the event loop;
 * time limits, conflict limits and AbortSignal all end it through CaDiCaL's
 * Terminator / limit API with an `unknown` result.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BackendError, UsageError } from '../../errors.js';
import type { Cnf, SatSolver, SolveOptions, SolveResult, SolverStats } from '../types.js';
import { badModelError, checkSolveOptions, ClauseStore } from './cadical-common.js';

type Handle = object;

interface AddonSolveResult {
  status: 0 | 10 | 20;
  timedOut: boolean;
  model?: Int8Array;
  failed?: Int32Array;
}

interface CadicalAddon {
  version(): string;
  create(proofPath: string | undefined, binaryProof: boolean): Handle;
  addClauses(h: Handle, lits: Int32Array): void;
  solve(h: Handle, assumptions: Int32Array, conflictLimit: number, timeLimitMs: number, numVars: number): Promise<AddonSolveResult>;
  solveSync?(h: Handle, assumptions: Int32Array, conflictLimit: number, timeLimitMs: number, numVars: number): AddonSolveResult;
  setOption?(h: Handle, name: string, value: number): boolean;
  terminate(h: Handle): void;
  release(h: Handle): void;
}

let cached: { addon: CadicalAddon | null; error: string } | undefined;

/** Where the addon is looked for: `$WATERLOO_CADICAL_ADDON`, then `<package root>/build/Release/cadical_addon.node`. */
export function cadicalAddonPath(): string {
  const env = process.env['WATERLOO_CADICAL_ADDON'];
  if (env !== undefined && env !== '') return env;
  // src/sat/backends/ and dist/sat/backends/ are both three levels below the root.
  return fileURLToPath(new URL('../../../build/Release/cadical_addon.node', import.meta.url));
}

function loadAddon(): { addon: CadicalAddon | null; error: string } {
  if (cached !== undefined) return cached;
  const path = cadicalAddonPath();
  if (!existsSync(path)) {
    cached = { addon: null, error: `native CaDiCaL addon not built (${path} missing; run 'node src/native/build-native.mjs' after apt-get install libcadical-dev)` };
    return cached;
  }
  try {
    const addon = createRequire(import.meta.url)(path) as CadicalAddon;
    if (typeof addon.version() !== 'string') throw new Error('addon has no version()');
    cached = { addon, error: '' };
  } catch (err) {
    cached = { addon: null, error: `cannot load native CaDiCaL addon ${path}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return cached;
}

/** True when the native addon exists and loads (the result is cached). */
export function cadicalNativeAvailable(): boolean {
  return loadAddon().addon !== null;
}

/** Why the addon is unavailable ('' when it is available). */
export function cadicalNativeUnavailableReason(): string {
  return loadAddon().error;
}

/** The linked CaDiCaL library's version string, or null without the addon. */
export function cadicalNativeVersion(): string | null {
  return loadAddon().addon?.version() ?? null;
}

/** Options for {@link createCadicalNativeSolver}. */
export interface CadicalNativeOptions {
  /**
   * Write a DRAT proof of everything this solver does to this file. The proof
   * refers to all added clauses; UNSAT answers under assumptions are not
   * refutations of the formula.
   */
  readonly proofPath?: string;
  /** DRAT encoding of the proof (default `binary`, CaDiCaL's default). */
  readonly proofFormat?: 'binary' | 'text';
}

/**
 * The native solver's extras beyond {@link SatSolver}: option setting and a
 * synchronous solve for many short incremental queries (SAT sweeping), which
 * saves the thread-pool round trip of `solve`.
 */
export interface CadicalNativeSolver extends SatSolver {
  /**
   * Sets a CaDiCaL option (`cadical --help` lists them, e.g. `lucky`, `elim`).
   * Only legal before the first clause or solve call. Throws UsageError (code
   * `bad-param`) for an unknown option, at the wrong time, or when the addon
   * predates this method.
   */
  setOption(name: string, value: number): void;
  /**
   * Like `solve` but on the calling thread: blocks the event loop until it
   * ends, so give it a conflict or time limit. No AbortSignal.
   */
  solveSync(opts?: Omit<SolveOptions, 'signal'>): SolveResult;
}

/**
 * Creates an incremental in-process CaDiCaL solver. Throws BackendError
 * (code `unavailable`) when the addon is not built; check
 * {@link cadicalNativeAvailable} first.
 *
 * Every SAT model is checked against all added clauses and the assumptions
 * before it is returned; a wrong model is a BackendError (code `bad-answer`).
 * Only one `solve` may run at a time per solver (BackendError `busy`).
 */
export function createCadicalNativeSolver(opts: CadicalNativeOptions = {}): CadicalNativeSolver {
  const { addon, error } = loadAddon();
  if (addon === null) throw new BackendError(error, 'unavailable');
  let handle: Handle;
  try {
    handle = addon.create(opts.proofPath, (opts.proofFormat ?? 'binary') === 'binary');
  } catch (err) {
    throw new BackendError(`cadical: ${err instanceof Error ? err.message : String(err)}`, 'proof-open');
  }
  return new CadicalNativeSolverImpl(addon, handle);
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted ?? false;
}

class CadicalNativeSolverImpl implements CadicalNativeSolver {
  readonly backend = 'cadical';
  private readonly store = new ClauseStore();
  private flushed = 0;
  private busy = false;
  private closed = false;
  private readonly counters: SolverStats = { solveCalls: 0, solveMs: 0 };

  constructor(
    private readonly addon: CadicalAddon,
    private readonly handle: Handle,
  ) {}

  get numVars(): number {
    return this.store.numVars;
  }

  newVar(): number {
    this.store.numVars++;
    return this.store.numVars;
  }

  addClause(lits: ArrayLike<number>): void {
    this.ensureUsable();
    this.store.add(lits);
  }

  addCnf(cnf: Cnf): void {
    this.ensureUsable();
    this.store.addCnf(cnf);
  }

  async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    this.ensureUsable();
    const assumptions = opts.assumptions ?? [];
    checkSolveOptions(assumptions, opts.timeLimitMs, opts.conflictLimit);
    if (opts.signal?.aborted === true) return { status: 'unknown', reason: 'aborted' };
    // Assumption variables count as seen, so the model covers them.
    for (const a of assumptions) this.store.numVars = Math.max(this.store.numVars, Math.abs(a));

    if (this.store.end > this.flushed) {
      this.addon.addClauses(this.handle, this.store.slice(this.flushed));
      this.flushed = this.store.end;
    }
    const onAbort = (): void => this.addon.terminate(this.handle);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    this.busy = true;
    let res: AddonSolveResult;
    try {
      res = await this.addon.solve(
        this.handle,
        Int32Array.from(assumptions),
        opts.conflictLimit ?? -1,
        opts.timeLimitMs ?? -1,
        this.store.numVars,
      );
    } catch (err) {
      throw new BackendError(`cadical: ${err instanceof Error ? err.message : String(err)}`, 'crashed');
    } finally {
      this.busy = false;
      opts.signal?.removeEventListener('abort', onAbort);
      this.counters.solveCalls++;
      this.counters.solveMs += performance.now() - started;
    }

    return this.interpret(res, assumptions, opts);
  }

  setOption(name: string, value: number): void {
    this.ensureUsable();
    if (!Number.isInteger(value)) throw new UsageError(`cadical: option ${name} needs an integer value, not ${String(value)}`, 'bad-param');
    if (this.store.end > 0 || this.counters.solveCalls > 0) throw new UsageError(`cadical: option '${name}' must be set before the first clause and solve call`, 'bad-param');
    if (this.addon.setOption === undefined) throw new UsageError('cadical: the native addon is too old for setOption; rebuild it (node src/native/build-native.mjs)', 'bad-param');
    if (!this.addon.setOption(this.handle, name, value)) {
      throw new UsageError(`cadical: cannot set option '${name}' (unknown option, or clauses were already added)`, 'bad-param');
    }
  }

  solveSync(opts: Omit<SolveOptions, 'signal'> = {}): SolveResult {
    this.ensureUsable();
    const assumptions = opts.assumptions ?? [];
    checkSolveOptions(assumptions, opts.timeLimitMs, opts.conflictLimit);
    for (const a of assumptions) this.store.numVars = Math.max(this.store.numVars, Math.abs(a));
    if (this.store.end > this.flushed) {
      this.addon.addClauses(this.handle, this.store.slice(this.flushed));
      this.flushed = this.store.end;
    }
    const started = performance.now();
    let res: AddonSolveResult;
    try {
      if (this.addon.solveSync === undefined) throw new Error('the native addon is too old for solveSync; rebuild it');
      res = this.addon.solveSync(this.handle, Int32Array.from(assumptions), opts.conflictLimit ?? -1, opts.timeLimitMs ?? -1, this.store.numVars);
    } catch (err) {
      throw new BackendError(`cadical: ${err instanceof Error ? err.message : String(err)}`, 'crashed');
    } finally {
      this.counters.solveCalls++;
      this.counters.solveMs += performance.now() - started;
    }
    return this.interpret(res, assumptions, opts);
  }

  private interpret(res: AddonSolveResult, assumptions: readonly number[], opts: SolveOptions): SolveResult {
    if (res.status === 10 && res.model !== undefined) {
      const violation = this.store.findViolation(res.model, assumptions);
      if (violation !== null) throw badModelError('cadical', violation);
      return { status: 'sat', model: res.model };
    }
    if (res.status === 20) {
      return { status: 'unsat', failedAssumptions: Array.from(res.failed ?? []) };
    }
    if (res.status !== 0) throw new BackendError(`cadical: unexpected solve status ${String(res.status)}`, 'bad-answer');
    if (isAborted(opts.signal) || this.closed) return { status: 'unknown', reason: 'aborted' };
    if (res.timedOut) return { status: 'unknown', reason: 'time' };
    if (opts.conflictLimit !== undefined) return { status: 'unknown', reason: 'conflicts' };
    return { status: 'unknown', reason: 'error', detail: 'cadical stopped without an answer' };
  }

  /**
   * Solve calls and wall time. CaDiCaL's library API (this Debian version)
   * has no statistics getter, so conflicts/decisions/propagations are omitted.
   */
  stats(): SolverStats {
    return { ...this.counters };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.addon.release(this.handle);
  }

  private ensureUsable(): void {
    if (this.closed) throw new BackendError('cadical: solver is closed', 'closed');
    if (this.busy) throw new BackendError('cadical: a solve call is still running', 'busy');
  }
}
