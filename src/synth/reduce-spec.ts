/**
 * Spec reduction before SAT (the driver's preprocessing), and mapping a
 * circuit for the reduced spec back to the original one.
 *
 * - Outputs that are constants or literals on their care sets cost 0.
 * - An output equal (or complementary) on its care set to an earlier
 *   non-trivial output with the same care set is a copy of it (cost 0).
 * - The remaining ("core") outputs are synthesised over the inputs they can
 *   depend on: input j is dropped when every core output's care set and its
 *   values on the care set are independent of x_j. Any circuit using x_j can
 *   then set x_j = 0 and fold the constant away without growing, so this
 *   keeps the optimum exact (unlike a greedy "minimum support" with
 *   don't-cares, which could).
 *
 * Lower bounds (both sound for two-input gates, used together):
 * - outputs: pairwise incompatible core outputs (no single gate, in either
 *   polarity, can agree with two of them on their common care set) need
 *   distinct gates; the set is chosen greedily;
 * - support: an output with m essential inputs (inputs whose flip changes the
 *   value between two care minterms) needs m - 1 gates, since a circuit of
 *   two-input gates that connects m inputs to one output has >= m - 1 gates.
 */
import { CircuitBuilder } from '../core/builder.js';
import { gateFanins, type Circuit } from '../core/circuit.js';
import type { GateKind } from '../core/gate.js';
import { careOf, makeSpec, type FunctionSpec } from '../tt/spec.js';
import {
  createConstant,
  createNthVar,
  ttAnd,
  ttEqual,
  ttEqualOnCare,
  ttFlipVar,
  ttHasVar,
  ttIsConst,
  ttNot,
  ttShrink,
  ttXor,
  type TruthTable,
} from '../tt/truth-table.js';

/** How one output of the original spec is produced. */
export type OutputRole =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'input'; readonly input: number; readonly negated: boolean }
  | { readonly kind: 'copy'; readonly of: number; readonly negated: boolean }
  | { readonly kind: 'core'; readonly index: number };

/** The result of {@link reduceSpec}. */
export interface ReducedSpec {
  readonly original: FunctionSpec;
  /** The spec handed to the encoder: core outputs over the kept inputs. */
  readonly core: FunctionSpec;
  /** Core input m is original input `support[m]`. */
  readonly support: readonly number[];
  /** One role per original output. */
  readonly roles: readonly OutputRole[];
  /** Proven lower bound on the number of gates (0 when there is no core output). */
  readonly lowerBound: number;
  /** Why {@link ReducedSpec.lowerBound} holds. */
  readonly lowerBoundArgument: string;
  /** Largest number of essential inputs of a core output (for depth feasibility). */
  readonly maxEssentialInputs: number;
}

function fullCare(n: number): TruthTable {
  return createConstant(n, true);
}

/** The inputs an output essentially depends on: flipping x_j changes the value between two care minterms. */
export function essentialInputs(f: TruthTable, care: TruthTable | undefined): number[] {
  const out: number[] = [];
  for (let j = 0; j < f.numVars; j++) {
    let d = ttXor(f, ttFlipVar(f, j));
    if (care !== undefined) d = ttAnd(d, ttAnd(care, ttFlipVar(care, j)));
    if (!ttIsConst(d, false)) out.push(j);
  }
  return out;
}

function sameCare(a: TruthTable | undefined, b: TruthTable | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return ttEqual(a, b);
}

/** Whether one gate (in some polarity) can agree with both outputs on their common care set. */
function compatible(f: TruthTable, cf: TruthTable | undefined, g: TruthTable, cg: TruthTable | undefined): boolean {
  const n = f.numVars;
  const common = ttAnd(cf ?? fullCare(n), cg ?? fullCare(n));
  return ttEqualOnCare(f, g, common) || ttEqualOnCare(f, ttNot(g), common);
}

/** Classifies the outputs of `spec`, reduces the inputs and computes the lower bound (see module notes). */
export function reduceSpec(spec: FunctionSpec): ReducedSpec {
  const n = spec.numInputs;
  const roles: OutputRole[] = [];
  const coreOrig: number[] = [];
  for (let h = 0; h < spec.outputs.length; h++) {
    const f = spec.outputs[h]!;
    const care = careOf(spec, h);
    const c = care ?? fullCare(n);
    const eq = (t: TruthTable): boolean => ttEqualOnCare(f, t, c);
    if (eq(createConstant(n, false))) {
      roles.push({ kind: 'const', value: false });
      continue;
    }
    if (eq(createConstant(n, true))) {
      roles.push({ kind: 'const', value: true });
      continue;
    }
    let role: OutputRole | undefined;
    for (let j = 0; j < n && role === undefined; j++) {
      const v = createNthVar(n, j);
      if (eq(v)) role = { kind: 'input', input: j, negated: false };
      else if (eq(ttNot(v))) role = { kind: 'input', input: j, negated: true };
    }
    for (const h2 of coreOrig) {
      if (role !== undefined) break;
      if (!sameCare(care, careOf(spec, h2))) continue;
      const g = spec.outputs[h2]!;
      if (eq(g)) role = { kind: 'copy', of: h2, negated: false };
      else if (eq(ttNot(g))) role = { kind: 'copy', of: h2, negated: true };
    }
    if (role === undefined) {
      role = { kind: 'core', index: coreOrig.length };
      coreOrig.push(h);
    }
    roles.push(role);
  }

  // inputs the core outputs (values on care, and care sets) depend on
  const support: number[] = [];
  for (let j = 0; j < n; j++) {
    const needed = coreOrig.some((h) => {
      const care = careOf(spec, h);
      const f = care === undefined ? spec.outputs[h]! : ttAnd(spec.outputs[h]!, care);
      return ttHasVar(f, j) || (care !== undefined && ttHasVar(care, j));
    });
    if (needed) support.push(j);
  }
  const coreOutputs = coreOrig.map((h) => {
    const care = careOf(spec, h);
    return ttShrink(care === undefined ? spec.outputs[h]! : ttAnd(spec.outputs[h]!, care), support);
  });
  const coreCares = coreOrig.map((h) => {
    const care = careOf(spec, h);
    return care === undefined ? undefined : ttShrink(care, support);
  });
  const core = makeSpec(support.length, coreOutputs, coreCares);

  // lower bounds
  const chosen: number[] = [];
  for (let a = 0; a < coreOutputs.length; a++) {
    if (chosen.every((b) => !compatible(coreOutputs[a]!, coreCares[a], coreOutputs[b]!, coreCares[b]))) chosen.push(a);
  }
  let maxEss = 0;
  let essOutput = -1;
  coreOrig.forEach((h, a) => {
    const e = essentialInputs(coreOutputs[a]!, coreCares[a]).length;
    if (e > maxEss) {
      maxEss = e;
      essOutput = h;
    }
  });
  const bySupport = Math.max(0, maxEss - 1);
  let lowerBound = 0;
  let lowerBoundArgument = 'no output needs a gate';
  if (chosen.length > 0) {
    lowerBound = chosen.length;
    lowerBoundArgument = `${chosen.length} pairwise incompatible non-trivial output(s) need distinct gates`;
  }
  if (bySupport > lowerBound) {
    lowerBound = bySupport;
    lowerBoundArgument = `output ${essOutput} essentially depends on ${maxEss} inputs, which two-input gates connect with >= ${bySupport} gates`;
  }
  return { original: spec, core, support, roles, lowerBound, lowerBoundArgument, maxEssentialInputs: maxEss };
}

/**
 * The circuit for the original spec: the core circuit's gates with inputs
 * renamed back (core input m = original input support[m]), plus the
 * constant/literal/copy outputs. `core` may be null when there are no core
 * outputs. Gates are copied as they are (no structural hashing).
 */
export function assembleCircuit(red: ReducedSpec, core: Circuit | null): Circuit {
  const n = red.original.numInputs;
  const b = new CircuitBuilder({ strash: false });
  const inputs = b.addInputs(n);
  const coreOut: number[] = [];
  if (core !== null) {
    const nodeLit: number[] = [0];
    for (let m = 0; m < core.numInputs; m++) nodeLit.push(inputs[red.support[m]!]!);
    for (let g = 0; g < core.numGates; g++) {
      const fanins = Array.from(gateFanins(core, g), (l) => nodeLit[l >>> 1]! ^ (l & 1));
      nodeLit.push(b.addGate(core.kinds[g] as GateKind, fanins, core.luts.get(g)));
    }
    for (const o of core.outputs) coreOut.push(nodeLit[o >>> 1]! ^ (o & 1));
  }
  const outLits: number[] = [];
  for (const role of red.roles) {
    switch (role.kind) {
      case 'const':
        outLits.push(role.value ? 1 : 0);
        break;
      case 'input':
        outLits.push(inputs[role.input]! ^ (role.negated ? 1 : 0));
        break;
      case 'copy':
        outLits.push(outLits[role.of]! ^ (role.negated ? 1 : 0));
        break;
      case 'core':
        outLits.push(coreOut[role.index]!);
        break;
    }
  }
  for (const l of outLits) b.addOutput(l);
  return b.build();
}
