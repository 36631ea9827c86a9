/**
 * The immutable circuit: a multi-output combinational DAG on typed arrays.
 *
 * Nodes: 0 is the constant false, 1..numInputs are the primary inputs, and
 * node numInputs + 1 + g is gate g. Gates are stored in topological order
 * (every fanin refers to a smaller node), which {@link validateCircuit} checks
 * and {@link CircuitBuilder} guarantees. References are literals (see
 * literal.ts). Names live in a side table and are never identity.
 */
import { ValidationError } from '../errors.js';
import type { TruthTable } from '../tt/truth-table.js';
import { GateKind, GATE_KIND_NAMES } from './gate.js';
import type { Lit } from './literal.js';

/** An immutable combinational circuit. Build one with CircuitBuilder. */
export interface Circuit {
  readonly numInputs: number;
  readonly numGates: number;
  /** Kind of gate g. */
  readonly kinds: Uint8Array;
  /** Fanins of gate g are `fanins[faninStart[g] .. faninStart[g+1])`. */
  readonly faninStart: Uint32Array;
  /** Fanin literals of all gates, concatenated. */
  readonly fanins: Uint32Array;
  /** Function of each LUT gate, keyed by gate index (fanin j is variable x_j). */
  readonly luts: ReadonlyMap<number, TruthTable>;
  /** Output literals. */
  readonly outputs: Uint32Array;
  /** Names of the inputs (always numInputs entries). */
  readonly inputNames: readonly string[];
  /** Names of the outputs (always outputs.length entries). */
  readonly outputNames: readonly string[];
  /** Optional names of gates (e.g. BENCH signal names), keyed by gate index. */
  readonly gateNames: ReadonlyMap<number, string>;
  /**
   * Gates whose name denotes the complement of the gate's value: a BENCH
   * `10 = NAND(1, 3)` is stored as an AND gate named `10` whose signal is the
   * complemented literal. Absent means no such gates.
   */
  readonly negatedGateNames?: ReadonlySet<number>;
}

/** The gate's name when it denotes the gate's own (uncomplemented) value. */
export function positiveGateName(c: Circuit, g: number): string | undefined {
  return c.negatedGateNames?.has(g) ? undefined : c.gateNames.get(g);
}

/** Number of nodes including the constant and the inputs. */
export function numNodes(c: Circuit): number {
  return 1 + c.numInputs + c.numGates;
}

/** Node index of gate g. */
export function gateNode(c: Circuit, g: number): number {
  return c.numInputs + 1 + g;
}

/** Gate index of node v, or -1 when v is the constant or an input. */
export function nodeGate(c: Circuit, v: number): number {
  return v > c.numInputs ? v - c.numInputs - 1 : -1;
}

/** Fanin literals of gate g (a view, do not modify). */
export function gateFanins(c: Circuit, g: number): Uint32Array {
  return c.fanins.subarray(c.faninStart[g]!, c.faninStart[g + 1]!);
}

/** Number of outputs. */
export function numOutputs(c: Circuit): number {
  return c.outputs.length;
}

/**
 * Checks the structural invariants: topological order, fanins in range,
 * arities per kind, LUT tables present and of the right arity, names sized.
 * Throws ValidationError naming the offending gate.
 */
export function validateCircuit(c: Circuit): void {
  const n = numNodes(c);
  if (c.kinds.length !== c.numGates || c.faninStart.length !== c.numGates + 1) {
    throw new ValidationError('gate arrays have inconsistent lengths', 'malformed');
  }
  for (let g = 0; g < c.numGates; g++) {
    const node = gateNode(c, g);
    const fs = gateFanins(c, g);
    const kind = c.kinds[g] as GateKind;
    const label = c.gateNames.get(g) ?? `gate ${g} (node ${node})`;
    for (const f of fs) {
      if (f >>> 1 >= node) throw new ValidationError(`${label}: fanin literal ${f} does not precede it (cycle or bad order)`, 'not-topological');
    }
    switch (kind) {
      case GateKind.And:
      case GateKind.Xor:
        if (fs.length < 2) throw new ValidationError(`${label}: ${GATE_KIND_NAMES[kind]} needs at least 2 fanins`, 'bad-arity');
        break;
      case GateKind.Maj:
        if (fs.length < 3 || fs.length % 2 === 0) throw new ValidationError(`${label}: MAJ needs an odd number >= 3 of fanins`, 'bad-arity');
        break;
      case GateKind.Lut: {
        const tt = c.luts.get(g);
        if (!tt) throw new ValidationError(`${label}: LUT gate has no table`, 'malformed');
        if (tt.numVars !== fs.length) throw new ValidationError(`${label}: LUT table has ${tt.numVars} variables for ${fs.length} fanins`, 'bad-arity');
        break;
      }
      default:
        throw new ValidationError(`${label}: unknown gate kind ${kind}`, 'malformed');
    }
  }
  for (const o of c.outputs) if (o >>> 1 >= n) throw new ValidationError(`output literal ${o} refers to no node`, 'dangling');
  if (c.inputNames.length !== c.numInputs) throw new ValidationError('input name table has the wrong size', 'malformed');
  if (c.outputNames.length !== c.outputs.length) throw new ValidationError('output name table has the wrong size', 'malformed');
}

/** Default name of input i. */
export function defaultInputName(i: number): string {
  return `x${i}`;
}
/** Default name of output j. */
export function defaultOutputName(j: number): string {
  return `y${j}`;
}

/** The literal for input i (0-based). */
export function inputLit(i: number): Lit {
  return (i + 1) * 2;
}
