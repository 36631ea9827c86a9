/**
 * The one table of SAT backends. Add a backend here and the compiler asks for
 * its availability check, description and factory.
 */

import { createRequire } from 'node:module';
import { BackendError, UsageError } from '../errors.js';
import type { PortfolioMember } from './portfolio.js';
import type { SatSolver } from './types.js';

/** Names of the registered backends. */
export type BackendName = 'minisat' | 'z3' | 'cadical' | 'cadical-cli' | 'portfolio';

/** Options understood by {@link createSolver}; each backend uses the ones it supports. */
export interface CreateSolverOptions {
  /** Random seed (z3). */
  readonly seed?: number;
  /** DRAT proof output file (cadical, cadical-cli). */
  readonly proofPath?: string;
  /** Portfolio members (portfolio). */
  readonly members?: readonly PortfolioMember[];
}

/** What the registry knows about one backend. */
export interface BackendInfo {
  readonly description: string;
  /** Whether the backend can be created in this installation. */
  available(): boolean | Promise<boolean>;
  /**
   * Creates a solver; throws {@link BackendError} (code `unavailable`) when not installed.
   * Asynchronous because each backend's module is loaded on first use.
   */
  create(opts: CreateSolverOptions): Promise<SatSolver>;
}

/**
 * Backend modules are imported when a backend is first probed or created, not
 * with the registry: a command uses one backend, and the others would cost
 * start-up time (the CLI backend pulls in child_process, os and fs/promises,
 * MiniSat and the portfolio pull in worker_threads; about 1 ms per module).
 */
const loadCadicalNative = () => import('./backends/cadical-native.js');
const loadCadicalCli = () => import('./backends/cadical-cli.js');

function z3Installed(): boolean {
  try {
    createRequire(import.meta.url).resolve('z3-solver');
    return true;
  } catch {
    return false;
  }
}

/** The backend table. */
export const BACKENDS: Readonly<Record<BackendName, BackendInfo>> = {
  minisat: {
    description: 'MiniSat 2.2 (asm.js, from logic-solver), in-process, 64 MB heap; limits via a worker thread',
    available: () => true,
    create: async () => (await import('./backends/minisat.js')).createMinisatSolver(),
  },
  z3: {
    description: 'Z3 (WebAssembly, z3-solver), in-process, loaded on first use; unsat cores, timeouts',
    available: z3Installed,
    create: async (opts) => {
      if (!z3Installed()) throw new BackendError("backend 'z3' is not installed (npm install z3-solver)", 'unavailable');
      return (await import('./backends/z3.js')).createZ3Solver(opts.seed === undefined ? {} : { seed: opts.seed });
    },
  },
  cadical: {
    description: 'CaDiCaL as a native in-process addon; incremental, DRAT proofs',
    available: async () => (await loadCadicalNative()).cadicalNativeAvailable(),
    create: async (opts) => (await loadCadicalNative()).createCadicalNativeSolver(opts.proofPath === undefined ? {} : { proofPath: opts.proofPath }),
  },
  'cadical-cli': {
    description: 'the cadical binary run as a subprocess per solve; DRAT proofs',
    available: async () => (await loadCadicalCli()).cadicalBinaryPath() !== null,
    create: async (opts) => (await loadCadicalCli()).createCadicalCliSolver(opts.proofPath === undefined ? {} : { proofPath: opts.proofPath }),
  },
  portfolio: {
    description: 'two backends in worker threads, first definite answer wins',
    available: () => true,
    create: async (opts) => (await import('./portfolio.js')).createPortfolioSolver(opts.members === undefined ? {} : { members: opts.members }),
  },
};

/** Every registered backend name, in table order. */
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

/** The order in which `auto` tries backends. */
export const AUTO_BACKEND_ORDER: readonly BackendName[] = ['cadical', 'cadical-cli', 'minisat'];

function isBackendName(name: string): name is BackendName {
  return Object.hasOwn(BACKENDS, name);
}

/** Whether backend `name` can be created here. */
export async function isBackendAvailable(name: BackendName): Promise<boolean> {
  return await BACKENDS[name].available();
}

/** Resolves `auto` to the first available backend of {@link AUTO_BACKEND_ORDER}. */
export async function resolveBackendName(name: BackendName | 'auto'): Promise<BackendName> {
  if (name !== 'auto') return name;
  for (const candidate of AUTO_BACKEND_ORDER) {
    if (await isBackendAvailable(candidate)) return candidate;
  }
  return 'minisat';
}

/**
 * Creates a solver by backend name, or the best available one for `auto`.
 * @throws UsageError (code `unknown-backend`) for an unknown name;
 *   BackendError (code `unavailable`) when the backend is not installed.
 */
export async function createSolver(name: BackendName | 'auto' = 'auto', opts: CreateSolverOptions = {}): Promise<SatSolver> {
  if (name !== 'auto' && !isBackendName(name)) {
    throw new UsageError(`unknown SAT backend '${String(name)}' (known: auto, ${BACKEND_NAMES.join(', ')})`, 'unknown-backend');
  }
  const resolved = await resolveBackendName(name);
  if (!(await isBackendAvailable(resolved))) {
    throw new BackendError(`SAT backend '${resolved}' is not installed: ${BACKENDS[resolved].description}`, 'unavailable');
  }
  return BACKENDS[resolved].create(opts);
}
