/**
 * `trainModel(task, model, seed)`: trains one model on a task's truth table,
 * extracts its circuit and checks it. Models: `gates` (difflogic, this
 * folder) and `bnn` (binarized MLPs, src/nn). The returned circuit is always
 * equivalent to the trained network (checked on every input); whether it also
 * implements the task is the `implementsSpec` field, decided by exhaustive
 * simulation against the spec's care set.
 */
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { simulateTruthTables } from '../core/simulate.js';
import { UsageError, InternalError } from '../errors.js';
import { bnnNeurons, extractBnnCircuit, trainBnn, type BnnNetwork } from './index.js';
import type { ProblemInstance } from '../problems/index.js';
import { specSatisfiedBy } from '../tt/spec.js';
import { datasetOfTask, MAX_TRAIN_INPUTS } from './dataset.js';
import { trainDiffLogic, type DiffLogicOptions } from './logic-net/difflogic.js';
import { cleanCircuit, extractCircuit } from './logic-net/extract.js';
import { networkGates, type GateNetwork } from './logic-net/gate-network.js';

/** The trainable models. */
export const TRAIN_MODELS = ['gates', 'bnn'] as const;
/** One of {@link TRAIN_MODELS}. */
export type TrainModelName = (typeof TRAIN_MODELS)[number];

/** Per-model options of {@link trainModel}. */
export interface TrainModelOptions {
  readonly gates?: Partial<Omit<DiffLogicOptions, 'seed'>>;
  readonly bnn?: { readonly hidden?: readonly number[]; readonly epochs?: number };
}

/** The trained network, by model. */
export type TrainedNetwork = { readonly model: 'gates'; readonly network: GateNetwork } | { readonly model: 'bnn'; readonly network: BnnNetwork };

/** What {@link trainModel} returns. */
export interface TrainModelResult {
  readonly task: string;
  readonly model: TrainModelName;
  readonly seed: number;
  readonly trained: TrainedNetwork;
  /** Fraction of care rows on which the (discretised) network is right on every cared output. */
  readonly accuracy: number;
  /** Training effort: steps over all attempts (gates) or epochs (bnn). */
  readonly steps: number;
  /** Attempts started (gates; 1 for bnn). */
  readonly attempts: number;
  /** Gates (gates) or neurons (bnn) of the network. */
  readonly networkUnits: number;
  /** The extracted circuit, cleaned (extract.ts), equal to the network on every input. */
  readonly circuit: Circuit;
  /** B2 size of `circuit` (output negations free). */
  readonly size: number;
  /** Whether `circuit` implements the task on its care set (exhaustive simulation). */
  readonly implementsSpec: boolean;
}

/** Trains `model` on `task` with `seed`; deterministic for equal arguments. */
export function trainModel(task: ProblemInstance, model: TrainModelName, seed: number, options: TrainModelOptions = {}): TrainModelResult {
  if (task.spec.numInputs > MAX_TRAIN_INPUTS) {
    throw new UsageError(`training uses the full truth table and is limited to ${MAX_TRAIN_INPUTS} inputs; ${task.name} has ${task.spec.numInputs}`, 'too-many-inputs');
  }
  let trained: TrainedNetwork, accuracy: number, steps: number, attempts: number, networkUnits: number, circuit: Circuit;
  if (model === 'gates') {
    const r = trainDiffLogic(datasetOfTask(task), { ...options.gates, seed }, { inputNames: task.inputNames, outputNames: task.outputNames });
    trained = { model, network: r.network };
    ({ rowAccuracy: accuracy, steps, attempts } = r);
    networkUnits = networkGates(r.network);
    circuit = extractCircuit(r.network);
  } else if (model === 'bnn') {
    const r = trainBnn(task, { seed, ...(options.bnn?.hidden ? { hidden: options.bnn.hidden } : {}), ...(options.bnn?.epochs !== undefined ? { epochs: options.bnn.epochs } : {}) });
    trained = { model, network: r.network };
    ({ accuracy, epochs: steps } = r);
    attempts = 1;
    networkUnits = bnnNeurons(r.network);
    circuit = cleanCircuit(extractBnnCircuit(r.network));
  } else {
    throw new UsageError(`unknown model '${String(model)}' (known: ${TRAIN_MODELS.join(', ')})`, 'unknown-model');
  }
  const cost = circuitCost(circuit, 'B2');
  if (!cost.inBasis) throw new InternalError(`internal error: extracted circuit is not in B2 (${cost.reason})`);
  const implementsSpec = specSatisfiedBy(task.spec, simulateTruthTables(circuit));
  if (implementsSpec !== (accuracy === 1)) {
    throw new InternalError(`internal error: network accuracy ${accuracy} disagrees with the circuit's spec check (${implementsSpec})`);
  }
  return { task: task.name, model, seed, trained, accuracy, steps, attempts, networkUnits, circuit, size: cost.size, implementsSpec };
}
