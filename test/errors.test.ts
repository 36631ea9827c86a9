/**
 * The error contract (issue 16): each error class has a closed code union
 * (near-duplicates unified), internal errors are InternalError, and "cannot
 * read FILE" is one error (InputFileError `unreadable`) with one wording.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../src/core/builder.js';
import { validateCircuit } from '../src/core/circuit.js';
import { GateKind, OPS } from '../src/core/gate.js';
import { InternalError, UsageError, ValidationError } from '../src/errors.js';
import { loadRecords } from '../src/report/record-export.js';
import { simulateNodes } from '../src/core/simulate.js';
import { InputFileError } from '../src/util/read-input.js';
import { ROOT, tempDir } from './helpers/cli.js';

describe('error codes', () => {
  it('a gate with the wrong number of fanins is ValidationError bad-arity (was `arity`, beside UsageError `bad-arity`)', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2);
    b.addOutput(b.op2(OPS.AND, x!, y!));
    const c = b.build();
    // the same two fanins as a MAJ gate: MAJ needs an odd number >= 3
    const maj = { ...c, kinds: Uint8Array.from([GateKind.Maj]) };
    expect(() => validateCircuit(maj)).toThrow(ValidationError);
    expect(() => validateCircuit(maj)).toThrow(expect.objectContaining({ code: 'bad-arity' }));
  });

  it('simulating on the wrong number of input patterns is UsageError io-mismatch (was `sim-inputs`)', () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2);
    b.addOutput(b.op2(OPS.AND, x!, y!));
    const c = b.build();
    expect(() => simulateNodes(c, [])).toThrow(UsageError);
    expect(() => simulateNodes(c, [])).toThrow(expect.objectContaining({ code: 'io-mismatch' }));
  });

  it('no `throw new Error(\'internal error: ...\')` is left in src/: internal errors are InternalError', () => {
    const src = join(ROOT, 'src');
    const offenders: string[] = [];
    for (const f of readdirSync(src, { recursive: true }).map(String).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(src, f), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/new Error\(\s*['`"]internal error/.test(line)) offenders.push(`src/${f}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
    expect(new InternalError('x').code).toBe('internal');
  });
});

describe('cannot read FILE', () => {
  it('a missing record export is InputFileError unreadable with the one wording', async () => {
    const path = join(tempDir(), 'missing.jsonl');
    const err = await loadRecords(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputFileError);
    expect(err).toMatchObject({ code: 'unreadable' });
    expect((err as Error).message).toBe(`${path}: cannot read (no such file)`);
  });
});
