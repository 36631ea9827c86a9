/**
 * The training set of a task: every care minterm of the spec (the full truth
 * table when the spec has no don't-cares), with per-output targets and a
 * per-output care flag, since care sets may differ between outputs.
 */
import { UsageError } from '../errors.js';
import type { ProblemInstance } from '../problems/index.js';
import { careOf, type FunctionSpec } from '../tt/spec.js';

/** Largest number of inputs a trained task may have (the data set is the whole truth table). */
export const MAX_TRAIN_INPUTS = 10;

/** Rows of a truth table to train on. */
export interface TruthDataset {
  readonly numInputs: number;
  readonly numOutputs: number;
  /** Minterm index of each row. */
  readonly minterms: Uint32Array;
  /** inputs[i * rows + r] = bit i of row r (0 or 1). */
  readonly inputs: Float64Array;
  /** targets[k * rows + r] = output k on row r (0 or 1). */
  readonly targets: Float64Array;
  /** care[k * rows + r] = 1 when output k matters on row r. */
  readonly care: Float64Array;
  /** Number of (row, output) pairs that matter. */
  readonly carePairs: number;
}

/**
 * Builds the data set of a spec: rows are the minterms where at least one
 * output is cared for. `maxInputs` is the trainer's own limit.
 */
export function datasetOfSpec(spec: FunctionSpec, maxInputs = MAX_TRAIN_INPUTS): TruthDataset {
  const n = spec.numInputs;
  if (n > maxInputs) throw new UsageError(`training uses the full truth table and is limited to ${maxInputs} inputs; this task has ${n}`, 'too-many-inputs');
  const m = spec.outputs.length;
  if (m === 0) throw new UsageError('the task has no outputs', 'no-outputs');
  const cares = spec.outputs.map((_, k) => careOf(spec, k));
  const rowsList: number[] = [];
  for (let x = 0; x < 2 ** n; x++) if (cares.some((c) => c === undefined || c.get(x))) rowsList.push(x);
  const rows = rowsList.length;
  const inputs = new Float64Array(n * rows);
  const targets = new Float64Array(m * rows);
  const care = new Float64Array(m * rows);
  let carePairs = 0;
  rowsList.forEach((x, r) => {
    for (let i = 0; i < n; i++) inputs[i * rows + r] = (x >>> i) & 1;
    for (let k = 0; k < m; k++) {
      targets[k * rows + r] = spec.outputs[k]!.get(x) ? 1 : 0;
      const c = cares[k];
      if (c === undefined || c.get(x)) {
        care[k * rows + r] = 1;
        carePairs++;
      }
    }
  });
  return { numInputs: n, numOutputs: m, minterms: Uint32Array.from(rowsList), inputs, targets, care, carePairs };
}

/** The data set of a problem instance. */
export function datasetOfTask(task: ProblemInstance): TruthDataset {
  return datasetOfSpec(task.spec);
}
