import { describe, expect, it } from 'vitest';
import { parseBench } from '../../src/io/bench.js';
import { formatListing } from '../../src/io/listing.js';
import { cleanup, strash } from '../../src/core/cleanup.js';
import { positiveGateName } from '../../src/core/circuit.js';

const C17_LIKE = 'INPUT(a)\nINPUT(b)\nINPUT(c)\nOUTPUT(y)\nOUTPUT(z)\nn1 = NAND(a, b)\nn2 = AND(b, c)\ny = NOR(n1, n2)\nz = XNOR(n1, c)\n';

describe('gate names keep the polarity of the signal they name', () => {
  it('lists a BENCH NAND as the complement of an AND, under its own name', () => {
    const c = parseBench(C17_LIKE, { fileName: 't.bench' });
    expect(formatListing(c)).toBe(
      ['inputs: a b c', 'n1 = !AND(a, b)', 'n2 = AND(b, c)', 'y = AND(!n1, !n2)', 'z = !XOR(n1, c)', 'output y = y', 'output z = z', ''].join('\n'),
    );
    expect(positiveGateName(c, 0)).toBeUndefined();
    expect(positiveGateName(c, 1)).toBe('n2');
  });
  it('cleanup and strash carry names and their polarity', () => {
    const c = parseBench(C17_LIKE, { fileName: 't.bench' });
    expect(formatListing(cleanup(c))).toBe(formatListing(c));
    expect(formatListing(strash(c))).toContain('n1 = ');
  });
});
