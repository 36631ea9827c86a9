import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWaterloo, tempDir } from '../helpers/cli.js';
import { checkEquivalence } from '../../src/verify/equivalence.js';
import { parseAiger } from '../../src/io/aiger.js';
import { ValidationError } from '../../src/errors.js';

const AND2 = 'aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n';
const AND3 = 'aag 5 3 0 1 2\n2\n4\n6\n10\n8 2 4\n10 8 6\n';
const AND2_TWICE = 'aag 3 2 0 2 1\n2\n4\n6\n6\n6 2 4\n';

describe('eq on circuits whose inputs or outputs do not pair up', () => {
  const dir = tempDir();
  const and2 = join(dir, 'and2.aag'), and3 = join(dir, 'and3.aag'), twice = join(dir, 'twice.aag');
  writeFileSync(and2, AND2);
  writeFileSync(and3, AND3);
  writeFileSync(twice, AND2_TWICE);

  it('different input counts: exit 3 naming both files and both counts', () => {
    const r = runWaterloo(['eq', and2, and3]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${and2} has 2 inputs and ${and3} has 3: equivalence needs the same number of inputs`);
  });

  it('different output counts: exit 3 naming both files and both counts', () => {
    const r = runWaterloo(['eq', twice, and2, '--match', 'position']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${twice} has 2 outputs and ${and2} has 1: equivalence needs the same number of outputs`);
  });

  it('the library throws ValidationError io-mismatch, with A and B as default names', async () => {
    const a = parseAiger(AND2), b = parseAiger(AND3);
    const err = await checkEquivalence(a, b).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('io-mismatch');
    expect((err as Error).message).toBe('A has 2 inputs and B has 3: equivalence needs the same number of inputs');
  });
});
