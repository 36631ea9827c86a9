import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { exitCodeForError, EXIT } from '../../src/cli/exit-codes.js';
import { BackendError, errorKind, InternalError, ParseError, UsageError, ValidationError } from '../../src/errors.js';
import { InternalCheckError } from '../../src/verify/equivalence.js';

// `waterloo eq` on two valid files, with the equivalence check replaced by one
// that fails its own self-check: the CLI must report a bug (70, with the stack),
// not bad input (3).
vi.mock('../../src/api/verify.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/api/verify.js')>();
  return {
    ...real,
    checkEquivalence: async () => {
      throw new InternalCheckError('internal error: a sat counterexample does not replay by simulation', 'cex-replay');
    },
  };
});

const C17 = join(import.meta.dirname, '..', 'fixtures', 'abc-opt', 'c17.aig');

describe('internal errors', () => {
  it('exit 70 with the stack printed (runCli)', async () => {
    let stderr = '';
    const code = await runCli(['eq', C17, C17], { out: () => undefined, err: (t) => (stderr += t) });
    expect(code).toBe(70);
    expect(stderr).toContain('internal error (please report this)');
    expect(stderr).toContain('InternalCheckError: internal error: a sat counterexample does not replay');
    expect(stderr).toMatch(/\n\s+at .*:\d+:\d+/); // a stack frame
  });

  it('are chosen by class: InternalError (any code) is 70, other WaterlooErrors keep their codes', () => {
    expect(exitCodeForError(new InternalError('x'))).toBe(EXIT.internal);
    expect(exitCodeForError(new InternalError('x', 'cex-replay'))).toBe(EXIT.internal);
    expect(exitCodeForError(new InternalCheckError('x', 'cex-replay'))).toBe(EXIT.internal);
    expect(exitCodeForError(new TypeError('x'))).toBe(EXIT.internal);
    expect(exitCodeForError(new ValidationError('internal error: x', 'malformed'))).toBe(EXIT.badInput);
    expect(exitCodeForError(new ParseError('backend crashed', 'unexpected-token', 'f', 1, 1))).toBe(EXIT.badInput);
    expect(exitCodeForError(new BackendError('x', 'crashed'))).toBe(EXIT.backend);
    expect(exitCodeForError(new UsageError('x'))).toBe(EXIT.usage);
    expect(errorKind(new InternalCheckError('x', 'cex-replay'))).toBe('internal');
  });
});
