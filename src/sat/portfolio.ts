/**
 * A portfolio solver: the same clauses go to several backends, each in its
 * own worker thread; `solve` runs them concurrently, the first definite
 * answer (sat/unsat) wins and the other workers are terminated (they restart
 * and replay the clauses on the next solve). Diversity comes from different
 * backends, or from the same backend with different seeds where the backend
 * takes one (z3; minisat has no seed).
 */

import { BackendError, UsageError } from '../errors.js';
import { cadicalBinaryPath } from './backends/cadical-cli.js';
import { cadicalNativeAvailable } from './backends/cadical-native.js';
import { assertModel } from './check-model.js';
import { validateSolveOptions } from './clause-log.js';
import { ClauseLogSolver } from './solver-base.js';
import type { SatSolver, SolveOptions, SolveResult } from './types.js';
import { createWorkerSolver, type WorkerBackendName } from './worker-solver.js';

/** One member of a portfolio. */
export interface PortfolioMember {
  readonly backend: WorkerBackendName;
  /** Random seed, for backends that take one (z3). */
  readonly seed?: number;
}

/** Options of {@link createPortfolioSolver}. */
export interface PortfolioOptions {
  /** At least one member; default: {@link defaultPortfolioMembers}. */
  readonly members?: readonly PortfolioMember[];
}

/** A {@link SatSolver} that also tells which member gave the last answer. */
export interface PortfolioSolver extends SatSolver {
  /** `backend#index` of the member whose answer the last `solve` returned, if any. */
  lastWinner(): string | undefined;
}

/**
 * The default two members: the best available CaDiCaL (native, else the
 * binary) plus MiniSat; without CaDiCaL, MiniSat plus z3.
 */
export function defaultPortfolioMembers(): PortfolioMember[] {
  if (cadicalNativeAvailable()) return [{ backend: 'cadical' }, { backend: 'minisat' }];
  if (cadicalBinaryPath() !== null) return [{ backend: 'cadical-cli' }, { backend: 'minisat' }];
  return [{ backend: 'minisat' }, { backend: 'z3' }];
}

/** Creates a portfolio solver (see module notes). */
export function createPortfolioSolver(options: PortfolioOptions = {}): PortfolioSolver {
  const members = options.members ?? defaultPortfolioMembers();
  if (members.length === 0) throw new UsageError('a portfolio needs at least one member', 'bad-portfolio');
  return new Portfolio(members);
}

type Run = { readonly index: number; readonly result: SolveResult } | { readonly index: number; readonly error: unknown };

class Portfolio extends ClauseLogSolver implements PortfolioSolver {
  readonly backend = 'portfolio';
  private readonly solvers: SatSolver[];
  private readonly sent: number[];
  private winner: string | undefined;

  constructor(private readonly members: readonly PortfolioMember[]) {
    super();
    this.solvers = members.map((m) => createWorkerSolver(m.backend, m.seed === undefined ? {} : { seed: m.seed }));
    this.sent = members.map(() => 0);
  }

  lastWinner(): string | undefined {
    return this.winner;
  }

  override close(): void {
    for (const s of this.solvers) s.close();
  }

  override async solve(opts: SolveOptions = {}): Promise<SolveResult> {
    validateSolveOptions(opts);
    const assumptions = [...(opts.assumptions ?? [])];
    for (const lit of assumptions) this.log.touch(lit);
    this.winner = undefined;
    if (opts.signal?.aborted) return { status: 'unknown', reason: 'aborted' };
    const start = performance.now();
    this.counters.solveCalls += 1;
    const stopOthers = new AbortController();
    const onAbort = (): void => stopOthers.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const runs = this.solvers.map((solver, index): Promise<Run> => {
        solver.addCnf({ numVars: this.log.numVars, clauses: this.log.clauses.slice(this.sent[index]) });
        this.sent[index] = this.log.clauses.length;
        return solver.solve({ ...opts, assumptions, signal: stopOthers.signal }).then(
          (result) => ({ index, result }),
          (error: unknown) => ({ index, error }),
        );
      });
      const waiting = new Map(runs.map((p, i) => [i, p]));
      const finished: Run[] = [];
      while (waiting.size > 0) {
        const run = await Promise.race(waiting.values());
        waiting.delete(run.index);
        finished.push(run);
        if ('result' in run && run.result.status !== 'unknown') {
          stopOthers.abort();
          this.winner = `${this.members[run.index]!.backend}#${run.index}`;
          if (run.result.status === 'sat') assertModel(this.backend, this.log.clauses, run.result.model, assumptions);
          return run.result;
        }
      }
      const unknown = finished.find((r): r is Extract<Run, { result: SolveResult }> => 'result' in r);
      if (unknown !== undefined) {
        this.winner = `${this.members[unknown.index]!.backend}#${unknown.index}`;
        return unknown.result;
      }
      const first = finished[0] as { error: unknown };
      throw first.error instanceof Error ? first.error : new BackendError(String(first.error), 'crashed');
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.counters.solveMs += performance.now() - start;
    }
  }
}
