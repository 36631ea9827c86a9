/**
 * Acceptance tests ("planted circuits"): circuits composed of known blocks
 * (a 4-bit ripple-carry adder of full adders, an XOR tree, multiplexers) are
 * obfuscated (decomposed into an AIG, re-expressed with NAND/NOR, rewritten by
 * ABC) and findFunctions must find the planted blocks over the right leaves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CircuitBuilder,
  createFromFunction,
  createNthVar,
  findFunctions,
  parseAiger,
  simulateNodes,
  toAig,
  ttEqual,
  ttNot,
  UsageError,
  writeAiger,
  fromWords,
  type Circuit,
  type FindFunctionsResult,
  type Lit,
  type TruthTable,
} from '../../src/index.js';
import { ABC_AVAILABLE, ABC_MISSING_REASON } from '../helpers/abc.js';

const BITS = 4;
const names = (p: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);

/** Exhaustive table of every node over the primary inputs. */
function nodeTables(c: Circuit): TruthTable[] {
  const n = c.numInputs;
  const nv = simulateNodes(c, Array.from({ length: n }, (_, i) => createNthVar(n, i).words));
  const out: TruthTable[] = [];
  for (let v = 0; v < 1 + c.numInputs + c.numGates; v++) out.push(fromWords(n, nv.values.slice(v * nv.w, (v + 1) * nv.w)));
  return out;
}

const samePolarityFree = (a: TruthTable, b: TruthTable): boolean => ttEqual(a, b) || ttEqual(a, ttNot(b));

/** Gate styles for re-expressing the blocks. */
type Style = 'native' | 'nand';

/** x XOR y and MAJ(x, y, z) as native gates or as NAND/NOR networks. */
function blocks(b: CircuitBuilder, style: Style): { xor: (x: Lit, y: Lit) => Lit; maj: (x: Lit, y: Lit, z: Lit) => Lit; mux: (s: Lit, d1: Lit, d0: Lit) => Lit } {
  if (style === 'native') return { xor: (x, y) => b.xor(x, y), maj: (x, y, z) => b.maj(x, y, z), mux: (s, d1, d0) => b.mux(s, d1, d0) };
  const nand = (x: Lit, y: Lit): Lit => b.and(x, y) ^ 1;
  const nor = (x: Lit, y: Lit): Lit => b.and(x ^ 1, y ^ 1);
  return {
    // four NANDs
    xor: (x, y) => {
      const t = nand(x, y);
      return nand(nand(x, t), nand(y, t));
    },
    // NOR/NAND form of (x & y) | (z & (x | y))
    maj: (x, y, z) => nand(nand(x, y), nand(z, nor(x, y) ^ 1)),
    mux: (s, d1, d0) => nand(nand(s, d1), nand(s ^ 1, d0)),
  };
}

/** 4-bit ripple-carry adder a + b + cin of full adders; inputs a0..a3, b0..b3, cin. */
function rippleAdder(style: Style): Circuit {
  const b = new CircuitBuilder({ strash: style === 'native' });
  const a = b.addInputs(BITS, names('a', BITS)), y = b.addInputs(BITS, names('b', BITS));
  let c = b.addInput('cin');
  const { xor, maj } = blocks(b, style);
  for (let i = 0; i < BITS; i++) {
    b.addOutput(xor(xor(a[i]!, y[i]!), c), `s${i}`);
    c = maj(a[i]!, y[i]!, c);
  }
  b.addOutput(c, 'cout');
  return b.build();
}

/** Expected sum/carry tables of the adder over its 9 inputs. */
function adderTables(): { sum: TruthTable[]; carry: TruthTable[] } {
  const n = 2 * BITS + 1;
  const bit = (m: number, i: number): number => (m >>> i) & 1;
  const carryIn = (m: number, i: number): number => {
    let c = bit(m, 2 * BITS);
    for (let j = 0; j < i; j++) c = bit(m, j) + bit(m, BITS + j) + c >= 2 ? 1 : 0;
    return c;
  };
  return {
    sum: Array.from({ length: BITS }, (_, i) => createFromFunction(n, (m) => ((bit(m, i) + bit(m, BITS + i) + carryIn(m, i)) & 1) === 1)),
    carry: Array.from({ length: BITS + 1 }, (_, i) => createFromFunction(n, (m) => carryIn(m, i) === 1)), // carry[i] = carry into bit i
  };
}

/** Asserts every full adder of the adder is found: sum and carry roots over {a_i, b_i, carry into i}. */
function expectFullAdders(c: Circuit, r: FindFunctionsResult): void {
  const tt = nodeTables(c);
  const want = adderTables();
  for (let i = 0; i < BITS; i++) {
    const found = r.matches.some((m) => {
      if (m.name !== 'FA' || m.leaves.length !== 3) return false;
      if (!samePolarityFree(tt[m.roots[0]!]!, want.sum[i]!) || !samePolarityFree(tt[m.roots[1]!]!, want.carry[i + 1]!)) return false;
      const leaves = new Set(m.leaves);
      if (!leaves.has(1 + i) || !leaves.has(1 + BITS + i)) return false;
      const third = m.leaves.find((l) => l !== 1 + i && l !== 1 + BITS + i)!;
      return samePolarityFree(tt[third]!, want.carry[i]!);
    });
    expect(found, `full adder of bit ${i}`).toBe(true);
  }
  expect(r.gates).toBe(c.numGates);
  expect(r.coverage).toBeGreaterThan(0.9);
  expect(r.coveredGates).toBe(Math.round(r.coverage * r.gates));
}

/** 8-input XOR tree (balanced): ((x0^x1)^(x2^x3)) ^ ((x4^x5)^(x6^x7)). */
function xorTree(style: Style): Circuit {
  const b = new CircuitBuilder({ strash: style === 'native' });
  const x = b.addInputs(8, names('x', 8));
  const { xor } = blocks(b, style);
  const l = xor(xor(x[0]!, x[1]!), xor(x[2]!, x[3]!));
  const r = xor(xor(x[4]!, x[5]!), xor(x[6]!, x[7]!));
  b.addOutput(xor(l, r), 'p');
  return b.build();
}

/** Three independent 2:1 muxes y_j = s_j ? d1_j : d0_j; inputs s_j, d0_j, d1_j for j = 0..2. */
function muxes(style: Style): Circuit {
  const b = new CircuitBuilder({ strash: style === 'native' });
  const { mux } = blocks(b, style);
  const ins = Array.from({ length: 3 }, (_, j) => [b.addInput(`s${j}`), b.addInput(`d0_${j}`), b.addInput(`d1_${j}`)] as const);
  ins.forEach(([s, d0, d1], j) => b.addOutput(mux(s, d1, d0), `y${j}`));
  return b.build();
}

function expectMuxes(r: FindFunctionsResult): void {
  for (let j = 0; j < 3; j++) {
    const s = 1 + 3 * j, d0 = 2 + 3 * j, d1 = 3 + 3 * j;
    const m = r.matches.find((q) => q.name === 'MUX' && q.leaves.join() === [s, d0, d1].join());
    expect(m, `mux ${j}`).toBeDefined();
    // entry input 0 is the select
    expect(m!.leaves[m!.transform.inputPerm[0]!]).toBe(s);
  }
  expect(r.coverage).toBe(1);
}

function expectXorTree(c: Circuit, r: FindFunctionsResult, balanced: boolean): void {
  const xors = r.matches.filter((m) => /^X(N)?OR_\d$/.test(m.name));
  expect(xors.some((m) => m.leaves.length >= 3 && m.leaves.every((l) => l <= c.numInputs))).toBe(true);
  if (balanced) {
    for (const half of [[1, 2, 3, 4], [5, 6, 7, 8]]) expect(xors.some((m) => m.leaves.join() === half.join()), `XOR_4 over ${half}`).toBe(true);
  }
  expect(r.coverage).toBe(1);
}

describe('findFunctions on planted circuits', () => {
  for (const style of ['native', 'nand'] as const) {
    for (const aig of [false, true]) {
      const label = `${style}${aig ? ' -> toAig' : ''}`;
      it(`finds every full adder of a 4-bit ripple-carry adder (${label})`, async () => {
        const c0 = rippleAdder(style);
        const c = aig ? toAig(c0) : c0;
        expectFullAdders(c, await findFunctions(c));
      });
      it(`finds the XOR tree (${label})`, async () => {
        const c0 = xorTree(style);
        const c = aig ? toAig(c0) : c0;
        // a 4-input XOR made of NANDs has 12 gates and 36 cuts at its root; the
        // default 12 priority cuts (fewest leaves, then smallest cone) drop {x0..x3},
        // so the NAND form needs a larger cutLimit to find XOR_4 over the inputs
        expectXorTree(c, await findFunctions(c, style === 'nand' ? { cutLimit: 24 } : {}), true);
      });
      it(`finds the multiplexers (${label})`, async () => {
        const c0 = muxes(style);
        const c = aig ? toAig(c0) : c0;
        expectMuxes(await findFunctions(c));
      });
    }
  }

  it('confirms matches on region copies for large circuits with the same result', async () => {
    for (const c of [toAig(rippleAdder('nand')), toAig(xorTree('native')), muxes('nand')]) {
      const direct = await findFunctions(c);
      const regions = await findFunctions(c, { confirmDirectUpTo: 0 });
      expect(JSON.stringify(regions.matches)).toBe(JSON.stringify(direct.matches));
      expect(regions.coverage).toBe(direct.coverage);
      expect(regions.stats.confirmations).toBe(direct.matches.length);
    }
  });

  it('is deterministic and sorted', async () => {
    const c = toAig(rippleAdder('nand'));
    const r1 = await findFunctions(c);
    const r2 = await findFunctions(c);
    expect(JSON.stringify(r1.matches)).toBe(JSON.stringify(r2.matches));
    for (let i = 1; i < r1.matches.length; i++) expect(r1.matches[i - 1]!.roots[0]!).toBeLessThanOrEqual(r1.matches[i]!.roots[0]!);
  });

  it('reports nothing for a circuit without gates and refuses bad parameters', async () => {
    const b = new CircuitBuilder();
    b.addOutput(b.addInput('x'));
    const r = await findFunctions(b.build());
    expect(r.matches).toEqual([]);
    expect(r.coverage).toBe(0);
    await expect(findFunctions(b.build(), { minConeGates: 0 })).rejects.toThrow(UsageError);
  });
});

const abcSkip = ABC_AVAILABLE ? false : ABC_MISSING_REASON;

/** Runs `strash; rewrite; refactor; balance` in ABC on the circuit's AIG. */
function abcRewrite(c: Circuit): Circuit {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-find-'));
  const x = join(dir, 'x.aig'), y = join(dir, 'y.aig');
  writeFileSync(x, writeAiger(toAig(c), { binary: true }));
  const r = spawnSync('berkeley-abc', ['-c', `read ${x}; strash; rewrite; refactor; balance; write_aiger ${y}`], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`ABC failed: ${r.stdout}${r.stderr}`);
  return parseAiger(readFileSync(y), { fileName: y });
}

describe.skipIf(!ABC_AVAILABLE)(`findFunctions on planted circuits rewritten by ABC${abcSkip ? ` (skipped: ${abcSkip})` : ''}`, () => {
  it('finds every full adder of the ABC-rewritten ripple-carry adder', async () => {
    for (const style of ['native', 'nand'] as const) {
      const c = abcRewrite(rippleAdder(style));
      expect(c.numInputs).toBe(2 * BITS + 1);
      expectFullAdders(c, await findFunctions(c));
    }
  });

  it('finds XOR blocks in the ABC-rewritten XOR tree and the ABC-rewritten muxes', async () => {
    for (const style of ['native', 'nand'] as const) {
      const t = abcRewrite(xorTree(style));
      expectXorTree(t, await findFunctions(t), false);
      const m = abcRewrite(muxes(style));
      expectMuxes(await findFunctions(m));
    }
  });
});
