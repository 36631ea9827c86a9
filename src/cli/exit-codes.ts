/**
 * Exit codes of the waterloo CLI (documented in the README):
 *   0 ok / positive verdict, 1 negative verdict (e.g. not equivalent),
 *   2 usage error, 3 bad input (parse or validation error, unreadable file),
 *   4 unknown (time or resource limit), 5 backend not installed or failed,
 *   70 internal error (a bug: the stack trace is printed).
 * `waterloo sat` follows SAT-solver convention instead: 10 SAT, 20 UNSAT, 0 unknown.
 */
import { BackendError, UsageError, WaterlooError } from '../api/errors.js';

export const EXIT = {
  ok: 0,
  negative: 1,
  usage: 2,
  badInput: 3,
  unknown: 4,
  backend: 5,
  internal: 70,
} as const;

/** The exit code for an error thrown by a command. */
export function exitCodeForError(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof BackendError) return EXIT.backend;
  if (e instanceof WaterlooError) return EXIT.badInput;
  return EXIT.internal;
}
