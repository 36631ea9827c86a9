/**
 * Exit codes of the waterloo CLI (documented in the README):
 *   0 ok / positive verdict, 1 negative verdict (e.g. not equivalent),
 *   2 usage error, 3 bad input (parse or validation error, unreadable file),
 *   4 unknown (time or resource limit), 5 backend not installed or failed,
 *   70 internal error (a bug: the stack trace is printed).
 * `waterloo sat` follows SAT-solver convention instead: 10 SAT, 20 UNSAT, 0 unknown.
 */
import { errorKind, type ErrorKind } from '../api/errors.js';

export const EXIT = {
  ok: 0,
  negative: 1,
  usage: 2,
  badInput: 3,
  unknown: 4,
  backend: 5,
  internal: 70,
} as const;

const EXIT_FOR_KIND: Readonly<Record<ErrorKind, number>> = { usage: EXIT.usage, input: EXIT.badInput, backend: EXIT.backend, internal: EXIT.internal };

/** The exit code for an error kind. */
export function exitCodeForKind(kind: ErrorKind): number {
  return EXIT_FOR_KIND[kind];
}

/** The exit code for an error thrown by a command, chosen by its class (never its message). */
export function exitCodeForError(e: unknown): number {
  return EXIT_FOR_KIND[errorKind(e)];
}
