/**
 * The SAT layer: CNF I/O, model checking, cardinality encodings, backends and
 * the backend registry. Named re-exports only.
 */

export type { Cnf, SatSolver, SolveOptions, SolveResult, SolverStats, UnknownReason } from './types.js';
export { parseDimacs, writeDimacs, type ParseDimacsOptions, type WriteDimacsOptions } from './dimacs.js';
export { checkModel, assertModel } from './check-model.js';
export { ClauseLog, checkLiteral, validateSolveOptions, MAX_VAR } from './clause-log.js';
export {
  atMostK,
  atLeastK,
  exactlyK,
  CARDINALITY_ENCODINGS,
  type CardinalityEncoding,
  type ClauseSink,
} from './cardinality.js';
export { createMinisatSolver, type MinisatSolverOptions } from './backends/minisat.js';
export {
  createZ3Solver,
  shutdownZ3,
  solveSmt2,
  writeSmtlib,
  type Z3SolverOptions,
  type Smt2Result,
  type SolveSmt2Options,
} from './backends/z3.js';
export { cadicalNativeAvailable, createCadicalNativeSolver } from './backends/cadical-native.js';
export { cadicalBinaryPath, createCadicalCliSolver } from './backends/cadical-cli.js';
export {
  createWorkerSolver,
  workerEntryUrl,
  WORKER_GRACE_MS,
  type WorkerBackendName,
  type WorkerBackendOptions,
} from './worker-solver.js';
export {
  createPortfolioSolver,
  defaultPortfolioMembers,
  type PortfolioMember,
  type PortfolioOptions,
  type PortfolioSolver,
} from './portfolio.js';
export {
  BACKENDS,
  BACKEND_NAMES,
  AUTO_BACKEND_ORDER,
  createSolver,
  isBackendAvailable,
  resolveBackendName,
  type BackendName,
  type BackendInfo,
  type CreateSolverOptions,
} from './registry.js';
