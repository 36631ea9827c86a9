/** Removing what no output needs, and rebuilding with structural hashing. */
import { CircuitBuilder } from './builder.js';
import { gateFanins, type Circuit } from './circuit.js';
import { GateKind } from './gate.js';
import { reachableFromOutputs } from './analysis.js';

/** Result of a rebuild: the new circuit and where each old node went. */
export interface RebuildResult {
  readonly circuit: Circuit;
  /** Literal in the new circuit of each old node (undefined for removed nodes), index = old node. */
  readonly nodeMap: Int32Array;
}

/**
 * Copies the circuit gate by gate into a fresh builder: gates no output
 * reaches are dropped; with `strash` duplicates merge and trivial gates fold.
 * Names of inputs, outputs and kept gates carry over, unless new input or
 * output names are given.
 */
export function rebuild(
  c: Circuit,
  opts: { strash?: boolean; keepDangling?: boolean; inputNames?: readonly string[]; outputNames?: readonly string[] } = {},
): RebuildResult {
  const live = opts.keepDangling ? undefined : reachableFromOutputs(c);
  const b = new CircuitBuilder({ strash: opts.strash ?? false });
  const map = new Int32Array(1 + c.numInputs + c.numGates).fill(-1);
  map[0] = 0;
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = b.addInput(opts.inputNames?.[i] ?? c.inputNames[i]);
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    if (live && !live[first + g]) continue;
    const fs = Array.from(gateFanins(c, g), (f) => map[f >>> 1]! ^ (f & 1));
    const lit = b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g));
    map[first + g] = lit;
    const name = c.gateNames.get(g);
    // the name stays on a gate that survives as itself (possibly complemented by strash)
    if (name !== undefined && lit >>> 1 > c.numInputs && !b.hasName(lit)) b.nameGate(lit ^ (c.negatedGateNames?.has(g) ? 1 : 0), name);
  }
  c.outputs.forEach((o, j) => b.addOutput(map[o >>> 1]! ^ (o & 1), opts.outputNames?.[j] ?? c.outputNames[j]));
  return { circuit: b.build(), nodeMap: map };
}

/** Drops gates that no output depends on (structure otherwise unchanged). */
export function cleanup(c: Circuit): Circuit {
  return rebuild(c).circuit;
}

/** Structural hashing: merges duplicate gates, folds constants and trivial gates, drops dangling ones. */
export function strash(c: Circuit): Circuit {
  return rebuild(c, { strash: true }).circuit;
}
