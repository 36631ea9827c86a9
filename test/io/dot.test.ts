import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { OPS } from '../../src/core/gate.js';
import { LIT_TRUE } from '../../src/core/literal.js';
import { parseBench } from '../../src/io/bench.js';
import { gateDrawings, opDisplayName, OP_DISPLAY_NAMES, ttIsSymmetric, writeDot } from '../../src/io/dot.js';
import { createFromFunction, fromHex } from '../../src/tt/truth-table.js';

import { mixedCircuit } from '../helpers/mixed-circuit.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/dot');

function bench(name: string): Circuit {
  const file = join(FIXTURES, name, 'input.bench');
  return parseBench(readFileSync(file), { fileName: file });
}

describe('writeDot golden files', () => {
  it('c17', async () => {
    await expect(writeDot(bench('c17'), { title: 'c17' })).toMatchFileSnapshot(join(FIXTURES, 'c17/expected.dot'));
  });
  it('full adder', async () => {
    await expect(writeDot(bench('full-adder'), { title: 'full adder' })).toMatchFileSnapshot(join(FIXTURES, 'full-adder/expected.dot'));
  });
  it('mixed gate kinds', async () => {
    await expect(writeDot(mixedCircuit())).toMatchFileSnapshot(join(FIXTURES, 'mixed/expected.dot'));
  });
});

describe('writeDot', () => {
  it('is deterministic', () => {
    expect(writeDot(mixedCircuit())).toBe(writeDot(mixedCircuit()));
  });

  it('draws c17 as six NANDs without inversion bubbles', () => {
    const dot = writeDot(bench('c17'));
    expect(dot.match(/label=<NAND</g)).toHaveLength(6);
    expect(dot).not.toContain('odot');
    expect(dot).toContain('rank=source');
    expect(dot).toContain('rank=sink');
  });

  it('draws the stored structure with deMorgan off: ANDs and dashed complemented edges', () => {
    const dot = writeDot(bench('c17'), { deMorgan: false });
    expect(dot.match(/label=<AND</g)).toHaveLength(6);
    // every NAND output reference is complemented: 6 fanin edges + 2 output edges
    expect(dot.match(/style=dashed, arrowhead=odot/g)).toHaveLength(8);
  });

  it('draws the constant node only when it is used', () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2);
    b.addOutput(b.and(x!, y!));
    expect(writeDot(b.build())).not.toMatch(/\bn0 /);
    expect(writeDot(mixedCircuit())).toMatch(/\bn0 \[label="0"/);
  });

  it('labels gate kinds and ops', () => {
    const dot = writeDot(mixedCircuit());
    for (const label of ['"XOR3"', '"NOR"', '"NOR3"', '"AND"']) expect(dot).toContain(`label=${label}`);
    expect(dot).toContain('<MAJ<BR/>'); // named gates: HTML labels
    expect(dot).toContain('<MAJ5<BR/>');
    expect(dot).toContain('big &quot;maj&quot;');
    // 2-input op a & !b, absorbed into NAND-style "!a|b" because its only reference is complemented
    expect(dot).toContain(' !a|b ');
    expect(dot).toContain(' LUT 0xd8 ');
  });

  it('labels the pins of asymmetric LUTs only', () => {
    const dot = writeDot(mixedCircuit());
    expect(dot).toContain('<TD PORT="p0"><FONT POINT-SIZE="7" COLOR="#6b7280">x0</FONT></TD>');
    expect(dot).toContain('n1 -> n6:p0:n;');
    expect(dot).toContain('n3 -> n6:p2:n;');
    expect(dot).toContain('n4 -> n7:p1:n;'); // the b operand of the a&!b op
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3);
    b.addOutput(b.lut(fromHex('e8', 3), [x!, y!, z!]));
    b.addOutput(b.op2(OPS.XOR, x!, y!));
    expect(writeDot(b.build())).not.toMatch(/PORT=|:p\d/);
  });

  it('quotes titles and names', () => {
    const b = new CircuitBuilder();
    const x = b.addInput('we"ird\\name');
    b.addOutput(x, 'line\nbreak');
    const dot = writeDot(b.build(), { title: 'my "title"' });
    expect(dot).toContain('digraph "my \\"title\\"" {');
    expect(dot).toContain('label="we\\"ird\\\\name"');
    expect(dot).toContain('label="line\\nbreak"');
  });

  it('handles empty circuits and gateNames: false', () => {
    const empty = new CircuitBuilder().build();
    const dot = writeDot(empty);
    expect(dot.startsWith('digraph "circuit" {')).toBe(true);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    expect(writeDot(bench('c17'), { gateNames: false })).not.toContain('<BR/>');
  });

  it('draws an inverted constant output as a bubble on the edge from 0', () => {
    const b = new CircuitBuilder();
    b.addOutput(LIT_TRUE, 'one');
    expect(writeDot(b.build())).toContain('n0 -> o0 [style=dashed, arrowhead=odot];');
  });
});

describe('gate drawing helpers', () => {
  it('names all 16 ops', () => {
    expect(OP_DISPLAY_NAMES).toHaveLength(16);
    expect(new Set(OP_DISPLAY_NAMES).size).toBe(16);
    expect(opDisplayName(OPS.AND)).toBe('AND');
    expect(opDisplayName(OPS.OR)).toBe('OR');
    expect(opDisplayName(OPS.NAND)).toBe('NAND');
    expect(opDisplayName(OPS.XNOR)).toBe('XNOR');
    expect(opDisplayName(OPS.A_AND_NOT_B)).toBe('a&!b');
  });

  it('detects symmetric tables', () => {
    expect(ttIsSymmetric(fromHex('e8', 3))).toBe(true);
    expect(ttIsSymmetric(fromHex('96', 3))).toBe(true);
    expect(ttIsSymmetric(fromHex('d8', 3))).toBe(false);
    expect(ttIsSymmetric(createFromFunction(5, (m) => m % 3 === 0))).toBe(false);
  });

  it('absorbs complements De Morgan style', () => {
    const c = bench('full-adder');
    const labels = gateDrawings(c).map((d) => d.label);
    expect(labels).toEqual(['XOR', 'XOR', 'NAND', 'NAND', 'NAND']);
    expect(gateDrawings(c, false).map((d) => d.label)).toEqual(['XOR', 'XOR', 'AND', 'AND', 'AND']);
  });
});
