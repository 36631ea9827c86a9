/**
 * The `cadical` executable as a subprocess backend. Each `solve` writes the
 * accumulated clauses (plus the call's assumptions as unit clauses) to a
 * temporary DIMACS file and runs `cadical` on it from scratch; exit codes
 * 10/20/0 mean SAT/UNSAT/unknown, as in CaDiCaL's `Status`.
 *
 * Because assumptions become unit clauses, an UNSAT answer cannot name a
 * smaller core: `failedAssumptions` is always all assumptions of the call.
 */

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { BackendError } from '../../errors.js';
import { assertModel } from '../check-model.js';
import type { Cnf, SatSolver, SolveOptions, SolveResult, SolverStats } from '../types.js';
import { checkSolveOptions, ClauseStore } from './cadical-common.js';

let cache: { key: string; path: string | null } | undefined;

/**
 * Absolute path of the `cadical` executable: `$WATERLOO_CADICAL` if set,
 * otherwise the first `cadical` on PATH; null when absent. Cached until
 * PATH or `$WATERLOO_CADICAL` change.
 */
export function cadicalBinaryPath(): string | null {
  const env = process.env['WATERLOO_CADICAL'];
  const key = `${env ?? ''}\u0000${process.env['PATH'] ?? ''}`;
  if (cache !== undefined && cache.key === key) return cache.path;
  let found: string | null = null;
  const candidates =
    env !== undefined && env !== ''
      ? [env]
      : (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, 'cadical'));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      found = c;
      break;
    } catch {
      // not here
    }
  }
  cache = { key, path: found };
  return found;
}

/** Options for {@link createCadicalCliSolver}. */
export interface CadicalCliOptions {
  /**
   * Write a DRAT proof of each solve call to this file (overwritten by every
   * call). The proof refers to the formula of that call, i.e. the clauses plus
   * the assumptions as unit clauses.
   */
  readonly proofPath?: string;
  /** DRAT encoding (default `binary`, CaDiCaL's default; `text` passes `--no-binary`). */
  readonly proofFormat?: 'binary' | 'text';
  /** Executable to run instead of {@link cadicalBinaryPath}. */
  readonly executable?: string;
  /** Extra command-line options, e.g. `['--seed=3']`. */
  readonly extraArgs?: readonly string[];
}

/**
 * Creates a SatSolver that runs the `cadical` binary for every solve call.
 * Throws BackendError (code `unavailable`) when the binary is missing.
 * Time limits use `-t` and a kill timer; AbortSignal kills the child.
 * Every SAT model is checked against all clauses and assumptions.
 */
export function createCadicalCliSolver(opts: CadicalCliOptions = {}): SatSolver {
  const exe = opts.executable ?? cadicalBinaryPath();
  if (exe === null) {
    throw new BackendError('cadical is not installed (apt-get install cadical)', 'unavailable');
  }
  return new CadicalCliSolver(exe, opts);
}

interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  killedFor: 'time' | 'aborted' | null;
}

class CadicalCliSolver implements SatSolver {
  readonly backend = 'cadical-cli';
  private readonly store = new ClauseStore();
  private closed = false;
  private readonly counters: SolverStats = { solveCalls: 0, solveMs: 0, conflicts: 0, decisions: 0, propagations: 0 };

  constructor(
    private readonly exe: string,
    private readonly opts: CadicalCliOptions,
  ) {}

  get numVars(): number {
    return this.store.numVars;
  }

  newVar(): number {
    return this.store.newVar();
  }

  addClause(lits: ArrayLike<number>): void {
    this.ensureOpen();
    this.store.add(lits);
  }

  addCnf(cnf: Cnf): void {
    this.ensureOpen();
    this.store.addCnf(cnf);
  }

  async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    this.ensureOpen();
    const assumptions = opts.assumptions ?? [];
    checkSolveOptions(assumptions, opts.timeLimitMs, opts.conflictLimit);
    if (opts.signal?.aborted === true) return { status: 'unknown', reason: 'aborted' };
    for (const a of assumptions) this.store.touch(a);

    const dir = await mkdtemp(join(tmpdir(), 'waterloo-cadical-'));
    const cnfPath = join(dir, 'input.cnf');
    const started = performance.now();
    try {
      await writeFile(cnfPath, this.store.toDimacs(assumptions));
      const args: string[] = [...(this.opts.extraArgs ?? [])];
      if (opts.timeLimitMs !== undefined) args.push('-t', String(Math.max(1, Math.ceil(opts.timeLimitMs / 1000))));
      if (opts.conflictLimit !== undefined) args.push('-c', String(opts.conflictLimit));
      if (this.opts.proofPath !== undefined && this.opts.proofFormat === 'text') args.push('--no-binary');
      // absolute paths: a file name starting with '-' must never read as an option
      args.push(resolve(cnfPath));
      if (this.opts.proofPath !== undefined) args.push(resolve(this.opts.proofPath));
      const run = await this.run(args, opts);
      return this.interpret(run, assumptions, opts);
    } finally {
      this.counters.solveCalls++;
      this.counters.solveMs += performance.now() - started;
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Solve calls, wall time, and the conflicts/decisions/propagations summed over CaDiCaL's reports. */
  stats(): SolverStats {
    return { ...this.counters };
  }

  close(): void {
    this.closed = true;
  }

  private ensureOpen(): void {
    if (this.closed) throw new BackendError('cadical-cli: solver is closed', 'closed');
  }

  private run(args: string[], opts: SolveOptions): Promise<RunOutcome> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.exe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let killedFor: RunOutcome['killedFor'] = null;
      const kill = (why: 'time' | 'aborted'): void => {
        if (killedFor === null) killedFor = why;
        child.kill('SIGKILL');
      };
      const onAbort = (): void => kill('aborted');
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      // -t only has whole seconds; the timer enforces the exact limit (plus grace for the answer to arrive).
      const timer = opts.timeLimitMs !== undefined ? setTimeout(() => kill('time'), opts.timeLimitMs + 50) : undefined;
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => {
        if (timer !== undefined) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        reject(new BackendError(`cadical-cli: cannot run ${this.exe}: ${e.message}`, 'crashed'));
      });
      child.on('close', (code) => {
        if (timer !== undefined) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), killedFor });
      });
    });
  }

  private interpret(run: RunOutcome, assumptions: readonly number[], opts: SolveOptions): SolveResult {
    if (run.killedFor !== null) return { status: 'unknown', reason: run.killedFor };
    this.addStats(run.stdout);
    const statusLine = /^s (SATISFIABLE|UNSATISFIABLE|UNKNOWN)\s*$/m.exec(run.stdout)?.[1];
    if (run.code === 10 && statusLine === 'SATISFIABLE') {
      const model = new Int8Array(this.store.numVars + 1).fill(-1);
      model[0] = 0;
      for (const m of run.stdout.matchAll(/^v (.*)$/gm)) {
        for (const tok of m[1]!.trim().split(/\s+/)) {
          const lit = Number(tok);
          if (!Number.isInteger(lit)) throw new BackendError(`cadical-cli: bad witness token '${tok}'`, 'bad-answer');
          const v = Math.abs(lit);
          if (lit !== 0 && v < model.length) model[v] = lit > 0 ? 1 : -1;
        }
      }
      assertModel(this.backend, this.store.clauses, model, assumptions);
      return { status: 'sat', model };
    }
    if (run.code === 20 && statusLine === 'UNSATISFIABLE') {
      return { status: 'unsat', failedAssumptions: [...assumptions] };
    }
    if (run.code === 0) {
      if (opts.conflictLimit !== undefined && /^c .*conflict limit/im.test(run.stdout)) {
        return { status: 'unknown', reason: 'conflicts' };
      }
      if (opts.timeLimitMs !== undefined) return { status: 'unknown', reason: 'time' };
      if (opts.conflictLimit !== undefined) return { status: 'unknown', reason: 'conflicts' };
      return { status: 'unknown', reason: 'error', detail: 'cadical exited 0 without an answer' };
    }
    const why = run.stderr.trim().split('\n')[0] ?? '';
    throw new BackendError(`cadical-cli: exit code ${String(run.code)}${why !== '' ? `: ${why}` : ''}`, 'crashed');
  }

  private addStats(stdout: string): void {
    for (const m of stdout.matchAll(/^c (conflicts|decisions|propagations):\s+(\d+)/gm)) {
      const key = m[1] as 'conflicts' | 'decisions' | 'propagations';
      this.counters[key] = (this.counters[key] ?? 0) + Number(m[2]);
    }
  }
}
