import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { censusWindows, DEFAULT_CENSUS_WINDOWS_PARAMS } from '../../src/cuts/census-windows.js';
import { coneFunctions } from '../../src/cuts/cut-function.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { circuitCost } from '../../src/core/cost.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { writeBench } from '../../src/io/bench.js';
import { ttEqual } from '../../src/tt/truth-table.js';
import { cadicalNativeAvailable } from '../../src/sat/backends/cadical-native.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

/** f = (a & b) | (a & c): 3 gates where a & (b | c) needs 2. */
function redundant(): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const [x, y, z] = b.addInputs(3) as [number, number, number];
  b.addOutput(b.or(b.and(x, y), b.and(x, z)), 'f');
  return b.build();
}

/** MAJ3 in 4 B2 gates, its minimum: ((a ^ b) & (b ^ c)) ^ b. */
function maj3(): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const [x, y, z] = b.addInputs(3) as [number, number, number];
  b.addOutput(b.xor(b.and(b.xor(x, y), b.xor(y, z)), y), 'maj');
  return b.build();
}

/**
 * u = a & b and v = a | b never take u = 1, v = 0; out = (u & c) | (v & c)
 * over the leaves (u, v, c) needs 2 gates as a complete function (c & (u | v))
 * but only 1 with that don't-care (c & v).
 */
function withSatisfiabilityDontCare(): { c: Circuit; u: number; v: number; root: number } {
  const b = new CircuitBuilder({ strash: false });
  const [x, y, z] = b.addInputs(3) as [number, number, number];
  const u = b.and(x, y);
  const v = b.or(x, y);
  const root = b.or(b.and(u, z), b.and(v, z));
  b.addOutput(root, 'f');
  return { c: b.build(), u: u >>> 1, v: v >>> 1, root: root >>> 1 };
}

const BACKEND = cadicalNativeAvailable() ? ('cadical' as const) : ('minisat' as const);
const FAST = { backend: BACKEND, callTimeLimitMs: 10_000 };

describe('censusWindows', () => {
  it('finds the redundant window with a verified smaller circuit', async () => {
    const c = redundant();
    const r = await censusWindows(c, { ...FAST, basis: 'B2', k: 4 });
    const root = c.numInputs + c.numGates; // the OR, last node
    const top = r.windows.find((w) => w.roots[0] === root && w.leaves.join() === '1,2,3')!;
    expect(top).toBeDefined();
    expect(top.size).toBe(3);
    expect(top.mffc).toBe(3);
    expect(top.status).toBe('non-minimal');
    expect(top.minimum).toBe(2);
    expect(top.lowerBound).toBe(2);
    // the smaller circuit computes the window's function, independently checked
    const small = top.smaller!;
    const cost = circuitCost(small, 'B2');
    expect(cost.inBasis && cost.size).toBe(2);
    expect(ttEqual(simulateTruthTables(small)[0]!, coneFunctions(c, [root], top.leaves)[0]!)).toBe(true);
    expect(r.distribution['1']).toBe(1);
    expect(r.windows.filter((w) => w.status === 'non-minimal')).toHaveLength(1);
    // no gate of the cone is used elsewhere: replacing it saves one gate
    expect(top.saving).toBe(1);
    expect(r.stats.shrinking).toBe(1);
    expect(r.windows.every((w) => w.status !== 'unknown')).toBe(true);
    expect(r.dontCares).toBe(true);
  }, 20_000);

  it('every window of the minimum MAJ3 circuit in B2 is minimal', async () => {
    const r = await censusWindows(maj3(), { ...FAST, basis: 'B2', k: 4 });
    expect(r.windows.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(r.distribution)).toEqual(['0']);
    for (const w of r.windows) {
      expect(w.status).toBe('minimal');
      expect(w.minimum).toBe(w.size);
      expect(w.smaller).toBeUndefined();
    }
    // the whole circuit is one of the windows: MAJ3 needs 4 gates in B2
    expect(r.windows.some((w) => w.size === 4 && w.functions[0] === 'e8')).toBe(true);
  }, 20_000);

  it('the MAJ3 circuit is also minimal in XAIG (it uses only AND and XOR)', async () => {
    const r = await censusWindows(maj3(), { ...FAST, basis: 'XAIG', k: 3 });
    expect(Object.keys(r.distribution)).toEqual(['0']);
  }, 20_000);

  it('uses satisfiability don\'t-cares only when asked, and they can only lower minima', async () => {
    const { c, u, v, root } = withSatisfiabilityDontCare();
    const pick = (ws: Awaited<ReturnType<typeof censusWindows>>) => ws.windows.find((w) => w.roots[0] === root && w.leaves.join() === [u, v, 3].sort((a, b) => a - b).join())!;
    const withDc = pick(await censusWindows(c, { ...FAST, basis: 'B2', k: 3 }));
    const without = pick(await censusWindows(c, { ...FAST, basis: 'B2', k: 3, dontCares: false }));
    expect(withDc.size).toBe(3);
    expect(withDc.care).not.toBeNull();
    expect(withDc.minimum).toBe(1);
    expect(without.care).toBeNull();
    expect(without.minimum).toBe(2);
  }, 20_000);

  it('multi-output windows: the 5-gate full adder is minimal as a two-output window', async () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y, z] = b.addInputs(3) as [number, number, number];
    const t = b.xor(x, y);
    const sum = b.xor(t, z);
    const carry = b.or(b.and(x, y), b.and(t, z));
    b.addOutput(sum, 's');
    b.addOutput(carry, 'c');
    const r = await censusWindows(b.build(), { ...FAST, basis: 'B2', k: 3, maxRoots: 2 });
    const fa = r.windows.find((w) => w.roots.length === 2 && w.roots.join() === [sum >>> 1, carry >>> 1].sort((p, q) => p - q).join() && w.leaves.join() === '1,2,3')!;
    expect(fa).toBeDefined();
    expect(fa.size).toBe(5);
    expect(fa.status).toBe('minimal');
    expect(fa.functions).toHaveLength(2);
    expect(r.maxRoots).toBe(2);
  }, 20_000);

  it('refuses bad parameters and circuits outside the basis', async () => {
    await expect(censusWindows(maj3(), { k: 7 })).rejects.toThrow(/k must be/);
    await expect(censusWindows(maj3(), { basis: 'AIG' })).rejects.toThrow(/not in AIG/);
    expect(DEFAULT_CENSUS_WINDOWS_PARAMS.k).toBe(4);
  });

  it('an overall time limit of 1 ms leaves windows unknown, never wrongly minimal', async () => {
    const r = await censusWindows(redundant(), { ...FAST, basis: 'B2', timeLimitMs: 1 });
    for (const w of r.windows) {
      if (w.status === 'minimal') expect(w.minimum).toBe(w.size);
      if (w.status === 'non-minimal') expect(w.upperBound).toBeLessThan(w.size);
    }
  });
});

describe('waterloo census-windows', () => {
  it('prints JSON with the distribution and the non-minimal windows', () => {
    const dir = tempDir();
    const file = join(dir, 'red.bench');
    writeFileSync(file, writeBench(redundant()) as string);
    const r = runWaterloo(['census-windows', file, '--k', '3', '--basis', 'b2', '--backend', BACKEND, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { basis: string; k: number; distribution: Record<string, number>; nonMinimal: { size: number; minimum: number; smaller: string }[]; unknown: number };
    expect(j.basis).toBe('B2');
    expect(j.k).toBe(3);
    expect(j.unknown).toBe(0);
    expect(j.distribution['1']).toBe(1);
    expect(j.nonMinimal).toHaveLength(1);
    expect(j.nonMinimal[0]!.size - j.nonMinimal[0]!.minimum).toBe(1);
    expect(j.nonMinimal[0]!.smaller).toMatch(/OUTPUT/);
  }, 20_000);

  it('text output; basis auto picks AIG for a NAND circuit', () => {
    const r = runWaterloo(['census-windows', 'circuits/iscas85/c17.bench', '--k', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/windows \(k <= 3\) in AIG/);
    expect(r.stdout).toMatch(/size - minimum/);
  }, 20_000);
});
