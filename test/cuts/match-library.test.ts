import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyNpn,
  CircuitBuilder,
  DEFAULT_LIBRARY,
  findFunctions,
  findMultiMapping,
  fromHex,
  loadLibraryEntry,
  mappingHolds,
  matchSingle,
  parseProblem,
  prepareLibrary,
  toAig,
  toHex,
  UsageError,
  ValidationError,
  writeBench,
} from '../../src/index.js';

describe('DEFAULT_LIBRARY', () => {
  it('has unique names, the required families, and multi-output HA/FA', () => {
    const names = DEFAULT_LIBRARY.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['XOR_2', 'XOR_6', 'XNOR_2', 'XNOR_6', 'AND_2', 'AND_6', 'OR_6', 'MAJ_3', 'MAJ_5', 'MUX', 'LT_2', 'THR_5^3', 'THR_6^2', 'MOD3_4^1', 'HA', 'FA']) expect(names).toContain(n);
    const fa = DEFAULT_LIBRARY.find((e) => e.name === 'FA')!;
    expect(fa.outputs.map(toHex)).toEqual(['96', 'e8']);
    const ha = DEFAULT_LIBRARY.find((e) => e.name === 'HA')!;
    expect(ha.outputs.map(toHex)).toEqual(['6', '8']);
    expect(toHex(DEFAULT_LIBRARY.find((e) => e.name === 'XNOR_3')!.outputs[0]!)).toBe('69');
    expect(toHex(DEFAULT_LIBRARY.find((e) => e.name === 'MUX')!.outputs[0]!)).toBe(toHex(parseProblem('mux:1').spec.outputs[0]!));
  });
});

describe('matchSingle (NPN)', () => {
  const lib = prepareLibrary(DEFAULT_LIBRARY);

  it('matches MAJ with negated inputs and reports a mapping that holds', () => {
    // f(x0, x1, x2) = MAJ(!x0, x1, !x2)
    const maj = fromHex('e8', 3);
    const f = applyNpn(maj, { perm: [0, 1, 2], inputNegations: 0b101, outputNegation: false });
    const m = matchSingle(lib, f)!;
    expect(m.entry.name).toBe('MAJ_3');
    expect(mappingHolds([f], m.entry, m.mapping)).toBe(true);
    // MAJ is self-dual: either two input negations, or the other input and the output negated
    expect(m.mapping.inputNegations.filter(Boolean).length + m.mapping.outputNegations.filter(Boolean).length).toBe(2);
  });

  it('prefers the entry of a class needing no negation (XNOR over XOR, OR over AND)', () => {
    expect(matchSingle(lib, fromHex('9', 2))!.entry.name).toBe('XNOR_2');
    expect(matchSingle(lib, fromHex('6', 2))!.entry.name).toBe('XOR_2');
    expect(matchSingle(lib, fromHex('e', 2))!.entry.name).toBe('OR_2');
    expect(matchSingle(lib, fromHex('8', 2))!.entry.name).toBe('AND_2');
    const or4 = matchSingle(lib, fromHex('fffe', 4))!;
    expect(or4.entry.name).toBe('OR_4');
    expect(or4.mapping.inputNegations.some(Boolean)).toBe(false);
  });

  it('returns null for functions outside the library', () => {
    expect(matchSingle(lib, fromHex('1e', 3))).toBeNull(); // 1e is in no library class
  });

  it('refuses duplicate entry names', () => {
    expect(() => prepareLibrary([...DEFAULT_LIBRARY, DEFAULT_LIBRARY[0]!])).toThrow(UsageError);
  });
});

describe('findMultiMapping', () => {
  it('finds the full adder under a common input permutation/negation with complemented outputs', () => {
    const fa = DEFAULT_LIBRARY.find((e) => e.name === 'FA')!;
    // roots: !XOR3(x2, !x0, x1) and MAJ(x2, !x0, x1) with inputs permuted
    const t = { perm: [1, 2, 0], inputNegations: 0b001, outputNegation: false };
    const fs = [applyNpn(fa.outputs[0]!, { ...t, outputNegation: true }), applyNpn(fa.outputs[1]!, t)];
    const m = findMultiMapping(fs, fa)!;
    expect(m).not.toBeNull();
    expect(mappingHolds(fs, fa, m)).toBe(true);
    // sum XOR carry relation must be consistent: MAJ and XOR3 under different negations is no full adder
    expect(findMultiMapping([fa.outputs[0]!, applyNpn(fa.outputs[1]!, { perm: [0, 1, 2], inputNegations: 0b001, outputNegation: false })], fa)).not.toBeNull();
    expect(findMultiMapping([fa.outputs[0]!, fromHex('80', 3)], fa)).toBeNull();
  });
});

describe('findFunctions with negated inputs', () => {
  it('finds MAJ_3(!a, b, !c) built from ANDs and reports the negations, confirmed', async () => {
    const b = new CircuitBuilder();
    const [a, x, c] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.maj(a ^ 1, x, c ^ 1), 'm');
    const circ = toAig(b.build());
    const r = await findFunctions(circ);
    const m = r.matches.find((q) => q.name === 'MAJ_3');
    expect(m).toBeDefined();
    expect(m!.leaves).toEqual([1, 2, 3]);
    const f = fromHex(m!.functions[0]!, 3);
    expect(mappingHolds([f], DEFAULT_LIBRARY.find((e) => e.name === 'MAJ_3')!, m!.transform)).toBe(true);
    expect(r.coverage).toBe(1);
  });
});

describe('loadLibraryEntry', () => {
  it('loads an entry from hex (single and multi-output)', () => {
    const e = loadLibraryEntry({ name: 'AOI21', hex: '15', inputs: 3 });
    expect(e.outputs.map(toHex)).toEqual(['15']);
    expect(loadLibraryEntry({ name: 'two', hex: ['6', '8'], inputs: 2 }).outputs).toHaveLength(2);
  });

  it('loads an entry from a circuit file (named after the file) and from a .truth file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waterloo-cuts-'));
    const b = new CircuitBuilder();
    const [x, y, z] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.or(b.and(x, y), z), 'f');
    writeFileSync(join(dir, 'ao21.bench'), writeBench(b.build()));
    const e = loadLibraryEntry(join(dir, 'ao21.bench'));
    expect(e.name).toBe('ao21');
    expect(e.outputs.map(toHex)).toEqual(['f8']);
    writeFileSync(join(dir, 'maj.truth'), 'e8\n');
    expect(loadLibraryEntry(join(dir, 'maj.truth')).outputs.map(toHex)).toEqual(['e8']);
  });

  it('refuses entries with too many inputs (ValidationError bad-library-entry)', () => {
    try {
      loadLibraryEntry({ name: 'big', hex: '0'.repeat(32), inputs: 7 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).code).toBe('bad-library-entry');
    }
  });

  it('is used by findFunctions: a user entry AO21 is found over the right leaves', async () => {
    const b = new CircuitBuilder();
    const [x, y, z, w] = b.addInputs(4) as [number, number, number, number];
    b.addOutput(b.xor(b.or(b.and(x, y), z), w), 'f');
    const circ = toAig(b.build());
    const r = await findFunctions(circ, { library: [loadLibraryEntry({ name: 'AO21', hex: 'f8', inputs: 3 })] });
    expect(r.matches.map((m) => `${m.name} ${m.leafNames.join(',')}`)).toContain('AO21 x0,x1,x2');
  });
});

describe('findFunctions with a user multi-output entry', () => {
  it('finds a two-output entry whose second output ignores an input', async () => {
    // entry: (x0 ^ x1 ^ x2, x0 & x1)
    const entry = loadLibraryEntry({ name: 'XA', hex: ['96', '88'], inputs: 3 });
    const b = new CircuitBuilder();
    const [x, y, z] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.xor(b.xor(x, y), z), 'p');
    b.addOutput(b.and(x, y), 'q');
    const circ = toAig(b.build());
    const r = await findFunctions(circ, { library: [entry], minConeGates: 1 });
    const m = r.matches.find((q) => q.name === 'XA');
    expect(m).toBeDefined();
    expect(m!.leaves).toEqual([1, 2, 3]);
    expect(r.coverage).toBe(1);
  });
});
