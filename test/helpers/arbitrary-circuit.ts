/**
 * fast-check arbitraries for random circuits, shared by property tests of
 * every format and algorithm. Circuits are built with
 * `CircuitBuilder({ strash: false })`, so they may contain repeated fanins
 * (x & x), constant fanins, dangling gates and outputs that are constants or
 * inputs directly: the corner cases a writer or algorithm must survive.
 */
import fc from 'fast-check';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { GateKind } from '../../src/core/gate.js';
import { fromWords, wordCount } from '../../src/tt/truth-table.js';

/** Knobs of {@link arbitraryCircuit}; every field has a default. */
export interface ArbitraryCircuitOptions {
  /** Input count range (default 0..8). */
  readonly minInputs?: number;
  readonly maxInputs?: number;
  /** Gate count range (default 0..24). */
  readonly minGates?: number;
  readonly maxGates?: number;
  /** Output count range (default 0..6). */
  readonly minOutputs?: number;
  readonly maxOutputs?: number;
  /** Gate kinds to draw from (default all four). */
  readonly kinds?: readonly GateKind[];
  /** Largest fanin count of AND/XOR (default 3, at least 2) and LUT (default 4); MAJ uses 3 or 5 (5 only if maxArity >= 5). */
  readonly maxArity?: number;
  readonly maxLutArity?: number;
  /** Allow complemented fanin and output literals (default true). */
  readonly complemented?: boolean;
  /** Allow constant fanins (default true). */
  readonly constantFanins?: boolean;
  /**
   * Names: 'default' keeps x<i>/y<j>; 'random' gives some inputs/outputs
   * unique identifier names `[A-Za-z_][A-Za-z0-9_]*` (never a default name),
   * safe for every text format. Default 'random'.
   */
  readonly names?: 'default' | 'random';
}

interface GateSpec {
  readonly kind: GateKind;
  readonly arity: number;
  readonly picks: readonly number[];
  readonly negs: readonly boolean[];
  readonly table: readonly number[];
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);

/** An arbitrary valid circuit (see {@link ArbitraryCircuitOptions}). */
export function arbitraryCircuit(opts: ArbitraryCircuitOptions = {}): fc.Arbitrary<Circuit> {
  const kinds = opts.kinds ?? [GateKind.And, GateKind.Xor, GateKind.Maj, GateKind.Lut];
  const maxArity = Math.max(2, opts.maxArity ?? 3);
  const maxLut = Math.max(1, opts.maxLutArity ?? 4);
  const complemented = opts.complemented ?? true;
  const gate: fc.Arbitrary<GateSpec> = fc
    .record({ kind: fc.constantFrom(...kinds), small: fc.nat() })
    .chain(({ kind, small }) => {
      const arity =
        kind === GateKind.Maj
          ? maxArity >= 5 && small % 3 === 2
            ? 5
            : 3
          : kind === GateKind.Lut
            ? 1 + (small % maxLut)
            : 2 + (small % (maxArity - 1));
      return fc.record({
        kind: fc.constant(kind),
        arity: fc.constant(arity),
        picks: fc.array(fc.nat(), { minLength: arity, maxLength: arity }),
        negs: fc.array(complemented ? fc.boolean() : fc.constant(false), { minLength: arity, maxLength: arity }),
        table: fc.array(fc.integer({ min: 0, max: 0xffffffff }), {
          minLength: kind === GateKind.Lut ? wordCount(arity) : 0,
          maxLength: kind === GateKind.Lut ? wordCount(arity) : 0,
        }),
      });
    });
  return fc
    .record({
      numInputs: fc.integer({ min: opts.minInputs ?? 0, max: opts.maxInputs ?? 8 }),
      gates: fc.array(gate, { minLength: opts.minGates ?? 0, maxLength: opts.maxGates ?? 24, size: 'medium' }),
      outputs: fc.array(fc.record({ pick: fc.nat(), gate: fc.boolean(), neg: complemented ? fc.boolean() : fc.constant(false) }), {
        minLength: opts.minOutputs ?? 0,
        maxLength: opts.maxOutputs ?? 6,
      }),
      inputNames: fc.array(fc.option(identifier, { freq: 2 }), { maxLength: 8 }),
      outputNames: fc.array(fc.option(identifier, { freq: 2 }), { maxLength: 6 }),
    })
    .map((r) => {
      const b = new CircuitBuilder({ strash: false });
      const used = new Set<string>();
      const unique = (name: string | null | undefined): string | undefined => {
        if (opts.names === 'default' || name == null) return undefined;
        // prefix keeps random names apart from the defaults x<i>/y<j> and from each other
        let n = `n_${name}`;
        while (used.has(n)) n += '_';
        used.add(n);
        return n;
      };
      for (let i = 0; i < r.numInputs; i++) b.addInput(unique(r.inputNames[i]));
      const noConst = opts.constantFanins === false;
      for (const s of r.gates) {
        const avail = b.numNodes - (noConst ? 1 : 0);
        if (avail <= 0) continue; // no fanin possible (no inputs, no constants allowed)
        const fanins = s.picks.map((p, j) => 2 * ((p % avail) + (noConst ? 1 : 0)) + (s.negs[j] ? 1 : 0));
        const lut = s.kind === GateKind.Lut ? fromWords(s.arity, Uint32Array.from(s.table)) : undefined;
        b.addGate(s.kind, fanins, lut);
      }
      // half of the outputs point at gates (when there are any), the rest at any node incl. constants and inputs
      const firstGate = 1 + b.numInputs;
      r.outputs.forEach((o, j) => {
        const node = o.gate && b.numGates > 0 ? firstGate + (o.pick % b.numGates) : o.pick % b.numNodes;
        b.addOutput(2 * node + (o.neg ? 1 : 0), unique(r.outputNames[j]));
      });
      return b.build();
    });
}
