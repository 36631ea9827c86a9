/**
 * The one error hierarchy of waterloo. Exceptions are for bad input and
 * programmer errors only; UNSAT, "different" and limits are ordinary results.
 * Tests assert on the class and `code`, never on the message.
 */

/** Root of every error waterloo throws on purpose. */
export class WaterlooError extends Error {
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

/** Structural problem in a circuit or spec (cycle, dangling fanin, op not in basis, size limit). */
export class ValidationError extends WaterlooError {
  override name = 'ValidationError';
}

/** A feature of an input that waterloo refuses loudly instead of silently dropping. */
export class UnsupportedError extends WaterlooError {
  override name = 'UnsupportedError';
}

/** Bad command-line arguments or parameter values. */
export class UsageError extends WaterlooError {
  override name = 'UsageError';
  constructor(message: string, code = 'usage') {
    super(message, code);
  }
}

/** A solver or external tool is missing, crashed or answered nonsense. */
export class BackendError extends WaterlooError {
  override name = 'BackendError';
}

/**
 * A bug in waterloo: a check of its own result failed (a circuit that does not
 * meet its spec, a counterexample that does not replay, a size below a proven
 * bound). The CLI exits 70 and prints the stack.
 */
export class InternalError extends WaterlooError {
  override name = 'InternalError';
  constructor(message: string, code = 'internal') {
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
