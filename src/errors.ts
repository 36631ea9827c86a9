/**
 * The one error hierarchy of waterloo. Exceptions are for bad input and
 * programmer errors only; UNSAT, "different" and limits are ordinary results.
 * Tests assert on the class and `code`, never on the message.
 */

/** Root of every error waterloo throws on purpose. */
export abstract class WaterlooError extends Error {
  override name = 'WaterlooError';
  constructor(
    message: string,
    public readonly code: string,
  ) {
    super(message);
  }
}

/** Stable codes for {@link ParseError}. */
export type ParseErrorCode =
  | 'unexpected-token'
  | 'unexpected-eof'
  | 'undefined-signal'
  | 'redefinition'
  | 'header-mismatch'
  | 'bad-number'
  | 'cycle'
  | 'bad-encoding'
  | 'too-large';

/** A syntax or semantic error in an input file, located at 1-based line and column. */
export class ParseError extends WaterlooError {
  override name = 'ParseError';
  declare readonly code: ParseErrorCode;
  constructor(
    public readonly reason: string,
    code: ParseErrorCode,
    public readonly file: string,
    public readonly line: number,
    public readonly column: number,
  ) {
    super(`${file}:${line}:${column}: ${reason}`, code);
  }
  override toString(): string {
    return this.message;
  }
}

/** Stable codes for {@link ValidationError}. */
export type ValidationErrorCode =
  // circuits and windows
  | 'bad-arity'
  | 'dangling'
  | 'not-topological'
  | 'not-in-basis'
  | 'not-a-cut'
  | 'bad-window'
  | 'unknown-node'
  | 'io-mismatch'
  | 'too-large'
  | 'too-many-inputs'
  // specs, networks, libraries
  | 'bad-spec'
  | 'bad-network'
  | 'bad-library-entry'
  | 'malformed'
  | 'bad-json'
  // cube checkpoints: a file of another size query, or entries that do not match their cubes
  | 'checkpoint-mismatch'
  | 'bad-checkpoint'
  // stores, records, jobs and results
  | 'bad-store'
  | 'store-busy'
  | 'store-readonly'
  | 'store-error'
  | 'bad-record'
  | 'contradictory-records'
  | 'bad-job'
  | 'bad-result'
  | 'nothing-to-plot';

/** Structural problem in a circuit or spec (cycle, dangling fanin, op not in basis, size limit). */
export class ValidationError extends WaterlooError {
  override name = 'ValidationError';
  declare readonly code: ValidationErrorCode;
  constructor(message: string, code: ValidationErrorCode) {
    super(message, code);
  }
}

/** Stable codes for {@link UnsupportedError}. */
export type UnsupportedErrorCode =
  // sequential or hierarchical constructs in input formats (AIGER, BENCH, BLIF)
  | 'latches'
  | 'bad-properties'
  | 'constraints'
  | 'justice'
  | 'fairness'
  | 'compressed'
  | 'subckt'
  | 'library-gate'
  | 'exdc'
  | 'fsm'
  | 'aiger-symbol'
  | 'onnx-unsupported'
  | 'unsupported-gate'
  // an extraction output (--output scores|argmax|bits) the network cannot give
  | 'output-mode'
  // sizes beyond what a method handles
  | 'too-large'
  | 'too-many-inputs';

/** A feature of an input that waterloo refuses loudly instead of silently dropping. */
export class UnsupportedError extends WaterlooError {
  override name = 'UnsupportedError';
  declare readonly code: UnsupportedErrorCode;
  constructor(message: string, code: UnsupportedErrorCode) {
    super(message, code);
  }
}

/** Stable codes for {@link UsageError}; `usage` is the general one (bad command line). */
export type UsageErrorCode =
  | 'usage'
  | 'dirty-tree'
  | 'bad-param'
  | 'bad-env'
  | 'bad-arity'
  | 'bad-binary'
  | 'bad-hex'
  | 'bad-limit'
  | 'bad-literal'
  | 'bad-lut'
  | 'bad-model'
  | 'bad-permutation'
  | 'bad-portfolio'
  | 'bad-problem'
  | 'bad-spec'
  | 'bad-transform'
  | 'bad-upper-bound'
  | 'bad-window'
  | 'not-topological'
  | 'io-mismatch'
  | 'census-size'
  | 'dont-cares'
  | 'duplicate-entry'
  | 'no-outputs'
  | 'no-proof-backend'
  | 'spec-mismatch'
  | 'too-many-inputs'
  | 'trivial-output'
  | 'unknown-backend'
  | 'unknown-basis'
  | 'unknown-encoder'
  | 'unknown-format'
  | 'unknown-model'
  | 'unknown-problem'
  | 'unsupported'
  | 'write-only'
  | 'z3-busy';

/** Bad command-line arguments or parameter values. */
export class UsageError extends WaterlooError {
  override name = 'UsageError';
  declare readonly code: UsageErrorCode;
  constructor(message: string, code: UsageErrorCode = 'usage') {
    super(message, code);
  }
}

/** Stable codes for {@link BackendError}, as a list for checks at run time. */
export const BACKEND_ERROR_CODES = [
  /** not installed or not built (a solver, Graphviz, Vega, SQLite, the queue library, the worker entry) */
  'unavailable',
  /** the tool ran and reported an error (Z3 rejected a script, Graphviz failed, a forwarded worker error) */
  'failed',
  /** the process or worker died or could not be started */
  'crashed',
  /** an answer that is malformed or fails its check (a model that does not satisfy the formula) */
  'bad-answer',
  /** a proof that the checker refused */
  'bad-proof',
  /** the solver was closed */
  'closed',
  /** the solver is busy with another call */
  'busy',
  /** a proof file is already open */
  'proof-open',
  /** the Redis server did not answer */
  'redis-unreachable',
] as const;

/** Stable codes for {@link BackendError}. */
export type BackendErrorCode = (typeof BACKEND_ERROR_CODES)[number];

/** Whether a string is a {@link BackendErrorCode} (for codes that cross a process or thread boundary). */
export function isBackendErrorCode(code: string): code is BackendErrorCode {
  return (BACKEND_ERROR_CODES as readonly string[]).includes(code);
}

/** A solver or external tool is missing, crashed or answered nonsense. */
export class BackendError extends WaterlooError {
  override name = 'BackendError';
  declare readonly code: BackendErrorCode;
  constructor(message: string, code: BackendErrorCode) {
    super(message, code);
  }
}

/** Stable codes for {@link InternalError}: `internal`, and `cex-replay` for a counterexample that does not replay. */
export type InternalErrorCode = 'internal' | 'cex-replay';

/**
 * A bug in waterloo: a check of its own result failed (a circuit that does not
 * meet its spec, a counterexample that does not replay, a size below a proven
 * bound). The CLI exits 70 and prints the stack.
 */
export class InternalError extends WaterlooError {
  override name = 'InternalError';
  declare readonly code: InternalErrorCode;
  constructor(message: string, code: InternalErrorCode = 'internal') {
    super(message, code);
  }
}

/** What an error means for the caller; the CLI maps each to one exit code. */
export type ErrorKind = 'usage' | 'input' | 'backend' | 'internal';

/**
 * The kind of an error, by its class: {@link UsageError} usage,
 * {@link BackendError} backend, {@link InternalError} and anything that is
 * not a {@link WaterlooError} internal, every other WaterlooError bad input.
 */
export function errorKind(e: unknown): ErrorKind {
  if (e instanceof InternalError) return 'internal';
  if (e instanceof UsageError) return 'usage';
  if (e instanceof BackendError) return 'backend';
  if (e instanceof WaterlooError) return 'input';
  return 'internal';
}
