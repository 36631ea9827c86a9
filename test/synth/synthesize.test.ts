/** The synthesis driver: reductions, don't-cares, depth bounds, enumeration, CEGAR, limits, proofs, errors. */
import { describe, expect, test } from 'vitest';
import { depth } from '../../src/core/analysis.js';
import { CircuitBuilder } from '../../src/core/builder.js';
import { gateFanins, type Circuit } from '../../src/core/circuit.js';
import { evalOpWord } from '../../src/core/gate.js';
import { UsageError } from '../../src/errors.js';
import { parseProblem } from '../../src/problems/index.js';
import { isBackendAvailable } from '../../src/sat/registry.js';
import { makeSpec, specFromHex, type FunctionSpec } from '../../src/tt/spec.js';
import { createFromFunction, createNthVar, fromWords, ttAnd, ttNot, ttXor } from '../../src/tt/truth-table.js';
import { Rng } from '../../src/util/rng.js';
import { NO_SYMMETRY_BREAKING, synthesize, verifyCircuit, reduceSpec } from '../../src/synth/index.js';
import { expectOptimal, TEST_BACKEND } from './expect-optimal.js';

const x = (n: number, j: number): ReturnType<typeof createNthVar> => createNthVar(n, j);
const SLOW = process.env['WATERLOO_SLOW'] !== undefined;

describe('spec reduction', () => {
  test('a function of 3 of 5 inputs is synthesised over its support and mapped back', async () => {
    const maj = createFromFunction(5, (m) => ((m >> 1) & 1) + ((m >> 3) & 1) + ((m >> 4) & 1) >= 2);
    const spec = makeSpec(5, [maj]);
    const r = await expectOptimal(spec, 'B2', 4);
    expect(r.stats.coreInputs).toBe(3);
    expect(r.circuit.numInputs).toBe(5);
    const used = new Set<number>();
    for (let g = 0; g < r.circuit.numGates; g++) for (const l of gateFanins(r.circuit, g)) used.add(l >>> 1);
    expect(used.has(1) || used.has(3)).toBe(false); // inputs x0 (node 1) and x2 (node 3) unused
  });

  test('constant, literal, complement and duplicate outputs cost nothing', async () => {
    const n = 3;
    const and01 = ttAnd(x(n, 0), x(n, 1));
    const spec = makeSpec(n, [x(n, 0), ttNot(x(n, 2)), fromWords(n, Uint32Array.of(0)), fromWords(n, Uint32Array.of(0xff)), and01, ttNot(and01), and01]);
    const r = await expectOptimal(spec, 'B2', 1);
    expect(r.lowerBound).toBeNull();
    expect(reduceSpec(spec).roles.map((role) => role.kind)).toEqual(['input', 'input', 'const', 'const', 'core', 'copy', 'copy']);
  });

  test('only trivial outputs: size 0, and no outputs at all', async () => {
    const r = await expectOptimal(makeSpec(2, [x(2, 1), fromWords(2, Uint32Array.of(0))]), 'U2', 0);
    expect(r.circuit.numGates).toBe(0);
    await expectOptimal(makeSpec(4, []), 'B2', 0);
    await expectOptimal(makeSpec(0, [fromWords(0, Uint32Array.of(1))]), 'AIG', 0);
  });

  test('lower bounds: essential inputs and incompatible outputs', () => {
    expect(reduceSpec(parseProblem('xor:5').spec).lowerBound).toBe(4);
    expect(reduceSpec(parseProblem('mul:2').spec).lowerBound).toBe(4);
  });
});

describe("don't-cares", () => {
  test('optimum = the minimum over all completions of the care set (random 3-input specs)', async () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 10; trial++) {
      const f = rng.nextU32() & 0xff;
      const dc = [rng.below(8), rng.below(8), rng.below(8)];
      const dcMask = dc.reduce((a, t) => a | (1 << t), 0);
      const spec = makeSpec(3, [fromWords(3, Uint32Array.of(f))], [fromWords(3, Uint32Array.of(~dcMask & 0xff))]);
      const r = await synthesize(spec, { backend: TEST_BACKEND });
      expect(r.status).toBe('optimal');
      if (r.status !== 'optimal') continue;
      expect(verifyCircuit(r.circuit, spec).ok).toBe(true);
      let best = Infinity;
      for (let sub = dcMask; ; sub = (sub - 1) & dcMask) {
        const full = await synthesize(makeSpec(3, [fromWords(3, Uint32Array.of((f & ~dcMask) | sub))]), { backend: TEST_BACKEND });
        if (full.status === 'optimal') best = Math.min(best, full.size);
        if (sub === 0) break;
      }
      expect({ trial, size: r.size }).toEqual({ trial, size: best });
    }
  });

  test('a don\'t-care in every row but one makes the output trivial', async () => {
    const care = fromWords(3, Uint32Array.of(0x80));
    await expectOptimal(makeSpec(3, [parseProblem('maj:3').spec.outputs[0]!], [care]), 'B2', 0);
  });
});

describe('depth bounds', () => {
  test('XOR4 with depth 2 has 3 gates', async () => {
    const r = await expectOptimal(parseProblem('xor:4').spec, 'B2', 3, { maxDepth: 2 });
    expect(depth(r.circuit)).toBeLessThanOrEqual(2);
  });

  test('x0 & (x1 | (x2 & (x3 | x4))): 4 gates, 5 under depth 3', async () => {
    const f = createFromFunction(5, (m) => {
      const b = (i: number): boolean => ((m >> i) & 1) === 1;
      return b(0) && (b(1) || (b(2) && (b(3) || b(4))));
    });
    await expectOptimal(makeSpec(5, [f]), 'B2', 4);
    const r = await expectOptimal(makeSpec(5, [f]), 'B2', 5, { maxDepth: 3 });
    expect(depth(r.circuit)).toBeLessThanOrEqual(3);
  });

  test('MAJ3 has no depth-2 circuit (checked against all depth-2 formulas)', async () => {
    const r = await synthesize(parseProblem('maj:3').spec, { maxDepth: 2, backend: TEST_BACKEND });
    expect(r.status).toBe('infeasible');
    // independent: op(op1(a, b), op2(c, d)) over the inputs never gives MAJ3 (0xe8) or its complement
    const proj = [0xaa, 0xcc, 0xf0];
    let found = false;
    for (const a of proj) for (const b of proj) for (const c of proj) for (const d of proj) {
      for (let o1 = 0; o1 < 16; o1++) for (let o2 = 0; o2 < 16; o2++) for (let o = 0; o < 16; o++) {
        const t = evalOpWord(o, evalOpWord(o1, a, b), evalOpWord(o2, c, d)) & 0xff;
        if (t === 0xe8 || t === 0x17) found = true;
      }
    }
    expect(found).toBe(false);
    expect((await synthesize(parseProblem('maj:3').spec, { maxDepth: 1 })).status).toBe('infeasible');
  });
});

describe('enumeration of optimal circuits', () => {
  const key = (c: Circuit): string => JSON.stringify([Array.from(c.fanins), Array.from(c.kinds), [...c.luts.values()].map(String), Array.from(c.outputs)]);
  test('MAJ3: 12 circuits with symmetry breaking, 1920 without, each verified and distinct', async () => {
    const spec = parseProblem('maj:3').spec;
    const on = await synthesize(spec, { allSolutions: 10_000, backend: TEST_BACKEND });
    expect(on.status === 'optimal' && on.solutionsExhausted).toBe(true);
    if (on.status !== 'optimal') return;
    expect(on.solutions!.length).toBe(12);
    const off = await synthesize(spec, { allSolutions: 10_000, symmetryBreaking: NO_SYMMETRY_BREAKING, backend: TEST_BACKEND });
    if (off.status !== 'optimal') throw new Error('expected optimal');
    expect(off.solutionsExhausted).toBe(true);
    expect(off.solutions!.length).toBe(1920);
    const offKeys = new Set(off.solutions!.map(key));
    expect(offKeys.size).toBe(1920);
    expect(new Set(on.solutions!.map(key)).size).toBe(12);
    for (const c of [...on.solutions!, ...off.solutions!]) expect(verifyCircuit(c, spec).ok).toBe(true);
    for (const c of on.solutions!) expect(offKeys.has(key(c))).toBe(true);
  });

  test('a limit stops the enumeration', async () => {
    const r = await synthesize(parseProblem('maj:3').spec, { allSolutions: 3 });
    expect(r.status === 'optimal' && r.solutions!.length === 3 && r.solutionsExhausted === false).toBe(true);
  });
});

describe('search control', () => {
  test('downward from an upper-bound circuit, then refuting the sizes below', async () => {
    const b = new CircuitBuilder({ strash: false });
    const [p, q, r0] = b.addInputs(3) as [number, number, number];
    // MAJ3 as (p&q) | (p&r) | (q&r): 5 gates
    b.addOutput(b.or(b.or(b.and(p, q), b.and(p, r0)), b.and(q, r0)));
    const ub = b.build();
    const r = await expectOptimal(parseProblem('maj:3').spec, 'AIG', 4, { upperBoundCircuit: ub });
    expect(r.stats.sizes.map((a) => `${a.size}:${a.answer}`)).toEqual(['4:sat', '3:unsat', '2:unsat']);
  });

  test('capped by an upper-bound circuit: upward only, no SAT call at a minimum circuit\'s size', async () => {
    const spec = parseProblem('maj:3').spec;
    const plain = await expectOptimal(spec, 'AIG', 4);
    // the known circuit is already minimum: every call is a refutation, the known circuit is the answer
    const capped = await expectOptimal(spec, 'AIG', 4, { upperBoundCircuit: plain.circuit, upperBoundUse: 'cap' });
    expect(capped.stats.sizes.map((a) => `${a.size}:${a.answer}`)).toEqual(['2:unsat', '3:unsat']);
    expect(capped.lowerBound?.size).toBe(3);
    // a 5-gate known circuit: the upward search still finds the 4-gate one, as without a known circuit
    const b = new CircuitBuilder({ strash: false });
    const [p, q, r0] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.or(b.or(b.and(p, q), b.and(p, r0)), b.and(q, r0)));
    const loose = await expectOptimal(spec, 'AIG', 4, { upperBoundCircuit: b.build(), upperBoundUse: 'cap' });
    expect(loose.stats.sizes.map((a) => `${a.size}:${a.answer}`)).toEqual(plain.stats.sizes.map((a) => `${a.size}:${a.answer}`));
  });

  test('maxSize below the optimum: unknown with the proven bound', async () => {
    const r = await synthesize(parseProblem('maj:3').spec, { maxSize: 3 });
    expect(r.status === 'unknown' && r.reason === 'max-size' && r.provenLowerBound === 4).toBe(true);
  });

  test('minSize above the bound: feasible, not optimal', async () => {
    const r = await synthesize(parseProblem('maj:3').spec, { minSize: 4 });
    expect(r.status).toBe('feasible');
  });

  test('time limit: unknown or feasible with reason time', async () => {
    const r = await synthesize(parseProblem('sum:5').spec, { timeLimitMs: 300 });
    expect(r.status === 'unknown' || r.status === 'feasible').toBe(true);
    if (r.status === 'unknown' || r.status === 'feasible') expect(r.reason).toBe('time');
    expect(r.stats.totalMs).toBeLessThan(5000);
  });

  test('CEGAR gives the same optimum (incremental rows), and is on by default from 6 inputs', async () => {
    const r = await expectOptimal(parseProblem('mod3:4:2').spec, 'B2', 6, { cegar: true });
    expect(r.stats.cegar).toBe(true);
    expect(r.stats.cegarIterations).toBeGreaterThan(0);
    const n = 6;
    const f = ttXor(ttAnd(x(n, 0), x(n, 1)), ttXor(ttAnd(x(n, 2), x(n, 3)), ttAnd(x(n, 4), x(n, 5))));
    const r6 = await expectOptimal(makeSpec(n, [f]), 'B2', 5);
    expect(r6.stats.cegar).toBe(true);
  });

  test('parallel: sizes k and k + 1 concurrently give the same optima', async () => {
    for (const [prob, basis, size] of [['mod3:4:2', 'B2', 6], ['xor:3', 'U2', 6], ['maj:3', 'B2', 4], ['fa', 'AIG', 7]] as const) {
      const r = await expectOptimal(parseProblem(prob).spec, basis, size, { parallel: true });
      expect(r.stats.sizes.some((a) => a.size === size && a.answer === 'sat')).toBe(true);
    }
  });

  test('the fence encoder through the same driver agrees on small cases', async () => {
    for (const [prob, basis, size] of [['maj:3', 'B2', 4], ['fa', 'B2', 5], ['xor:3', 'U2', 6]] as const) {
      await expectOptimal(parseProblem(prob).spec, basis, size, { encoder: 'fence' });
    }
  });
});

describe('backends and proofs', () => {
  test('MAJ3 and the full adder on every available backend', async () => {
    for (const backend of ['minisat', 'cadical', 'cadical-cli', 'z3'] as const) {
      if (!(await isBackendAvailable(backend))) continue;
      const r = await expectOptimal(parseProblem('maj:3').spec, 'B2', 4, { backend });
      expect(r.lowerBound?.backend).toBe(backend);
      await expectOptimal(parseProblem('fa').spec, 'B2', 5, { backend });
    }
  });

  test('DRAT proofs of the UNSAT answers are checked', async () => {
    for (const backend of ['cadical', 'cadical-cli'] as const) {
      if (!(await isBackendAvailable(backend))) continue;
      const r = await expectOptimal(parseProblem('maj:3').spec, 'B2', 4, { backend, proof: true });
      for (const inst of r.lowerBound!.instances) expect(inst.proof?.checked).toBe(true);
    }
  });
});

describe('wrong usage', () => {
  const maj: FunctionSpec = specFromHex(['e8'], 3);
  test('unsupported basis for the encoder, unknown names, bad params', async () => {
    await expect(synthesize(maj, { basis: 'MIG', encoder: 'ssv' })).rejects.toBeInstanceOf(UsageError);
    await expect(synthesize(maj, { basis: 'XX' as never })).rejects.toBeInstanceOf(UsageError);
    await expect(synthesize(maj, { encoder: 'nope' as never })).rejects.toBeInstanceOf(UsageError);
    await expect(synthesize(maj, { maxSize: -1 })).rejects.toBeInstanceOf(UsageError);
    await expect(synthesize(maj, { backend: 'minisat', proof: true })).rejects.toBeInstanceOf(UsageError);
  });

  test('an upper-bound circuit that is wrong or not in the basis', async () => {
    const b = new CircuitBuilder();
    const [p, q, r] = b.addInputs(3) as [number, number, number];
    b.addOutput(b.and(p, b.and(q, r)));
    await expect(synthesize(maj, { upperBoundCircuit: b.build() })).rejects.toBeInstanceOf(UsageError);
    const c = new CircuitBuilder();
    const ins = c.addInputs(3);
    c.addOutput(c.maj(ins[0]!, ins[1]!, ins[2]!));
    await expect(synthesize(maj, { upperBoundCircuit: c.build() })).rejects.toBeInstanceOf(UsageError);
  });
});

describe.skipIf(!SLOW)('slow', () => {
  test('CEGAR on MAJ5 (B2 = 9)', async () => {
    await expectOptimal(parseProblem('maj:5').spec, 'B2', 9, { cegar: true, parallel: true });
  }, 1_800_000);
});
