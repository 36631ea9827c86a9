/**
 * Extraction: network -> circuit, proven equivalent to the network.
 *
 * Every neuron becomes gates over the literals of the layer below (see
 * threshold-circuit.ts). With `extractBnn` (async), neurons of small fan-in
 * (after folding) are built from optimal circuits found by exact synthesis,
 * one synthesis per NPN class; `extractBnnCircuit` (sync) uses the standard
 * construction only. The circuit is then cleaned (constants, pass-throughs
 * and duplicates by structural hashing, dangling gates dropped) and checked:
 *   - up to 20 inputs, against the network's own truth tables computed by
 *     integer arithmetic on every input (network.ts, no circuit code);
 *   - above that (async only), against a second circuit built independently
 *     from the raw weights (reference-circuit.ts), with a SAT miter via
 *     checkEquivalence, since the network is not itself a circuit.
 * A mismatch is a bug and throws an internal error. With a time limit the
 * result says what was done: `proven`, `unproven` (the circuit was built but
 * its proof did not finish; it is returned marked as such) or `not-built`.
 * The limit is checked between neurons, between simulation chunks and inside
 * the SAT check, and bounds each exact synthesis. Models over
 * MAX_BNN_WEIGHTS weights, or whose circuit would pass MAX_EXTRACT_GATES
 * gates, are refused (ValidationError `too-large`).
 */
import type { BasisName } from '../../core/basis.js';
import { appendCircuit } from '../../core/append-circuit.js';
import { CircuitBuilder } from '../../core/builder.js';
import type { Circuit } from '../../core/circuit.js';
import { strash } from '../../core/cleanup.js';
import type { Lit } from '../../core/literal.js';
import { simulateOutputs, simulateTruthTables } from '../../core/simulate.js';
import { toAig } from '../../core/to-aig.js';
import { UnsupportedError, UsageError, ValidationError, InternalError } from '../../errors.js';
import { synthesize } from '../../synth/synthesize.js';
import { invertNpn, npnCanonize, type NpnTransform } from '../../tt/npn.js';
import { makeSpec } from '../../tt/spec.js';
import { fillProjection, fromWords, toHex, ttEqual, wordCount, type TruthTable } from '../../tt/truth-table.js';
import { checkEquivalence } from '../../verify/equivalence.js';
import { bnnNeurons, bnnTruthTables, bnnTruthTablesUntil, MAX_BNN_EXHAUSTIVE_INPUTS, neuronThreshold, validateBnn, type BnnNetwork } from './network.js';
import { referenceCircuit } from './reference-circuit.js';
import { buildThresholdAdder, normalizedTable, normalizeThreshold, type NormalizedThreshold } from './threshold-circuit.js';

/** Bases an extracted circuit can be written in. */
export type ExtractBasis = Extract<BasisName, 'AIG' | 'B2'>;

/** Options of {@link extractBnn}. */
export interface ExtractBnnOptions {
  /** Basis of the result (default AIG). */
  readonly basis?: ExtractBasis;
  /** Neurons with at most this many inputs after folding use exact synthesis (default 4, at most 5; 0 = never). */
  readonly exactFanin?: number;
  /** Time limit per exact synthesis (ms, default 20000); on timeout the standard construction is used. */
  readonly synthTimeLimitMs?: number;
  /** Overall time limit in ms (0 or absent = none); see {@link ExtractBnnOutcome} for what it can leave undone. */
  readonly timeLimitMs?: number;
}

/**
 * Largest number of gates extraction builds for one circuit: a model is
 * refused (ValidationError `too-large`) when {@link extractGateBound} passes
 * it, and compiling stops if the circuit being built does. It keeps time and
 * memory bounded, and even in AIG form (up to 3 ANDs per XOR) every circuit
 * stays under 2^20 nodes, below the sizes where packing two literals into
 * one number in structural hashing has been unsafe (2^21 literals).
 */
export const MAX_EXTRACT_GATES = 300_000;

/**
 * An upper bound on the gates of either circuit extraction builds: the
 * reference circuit (reference-circuit.ts) spends at most one full adder (5
 * gates) per accumulator bit per non-zero weight, and the compiled circuit
 * compresses no more weight bits than that.
 */
export function extractGateBound(net: BnnNetwork): number {
  let gates = 0;
  net.layers.forEach((layer) => {
    layer.weights.forEach((row, i) => {
      const bound = Math.abs(layer.bias[i]!) + row.reduce((s, w) => s + Math.abs(w), 0);
      const width = bound.toString(2).length + 1;
      gates += 5 * width * row.reduce((n, w) => n + (w === 0 ? 0 : 1), 0);
    });
  });
  return gates;
}

/** What extraction did. */
export interface ExtractBnnStats {
  readonly neurons: number;
  /** Neurons that folded to a constant. */
  readonly constantNeurons: number;
  /** Neurons built from exact-synthesis circuits, and the NPN classes synthesized for them. */
  readonly exactNeurons: number;
  readonly exactClasses: number;
  /** Gates before and after cleanup (structural hashing and dangling-gate removal, in the target basis). */
  readonly gatesBeforeCleanup: number;
  readonly gatesAfterCleanup: number;
  /** How equality with the network was proven; `unproven` when the time limit stopped the proof. */
  readonly verification: 'exhaustive' | 'sat' | 'unproven';
  readonly ms: number;
}

/**
 * An extracted circuit with its stats: `proven` equal to the network, or
 * `unproven` when the time limit ran out before the proof finished (`reason`
 * says where); an unproven circuit is correct by construction but carries no
 * proof, and callers must say so.
 */
export interface ExtractBnnResult {
  readonly status: 'proven' | 'unproven';
  readonly circuit: Circuit;
  readonly basis: ExtractBasis;
  readonly stats: ExtractBnnStats;
  /** Why the proof did not finish (unproven only). */
  readonly reason?: string;
}

/** The time limit ran out before the circuit was built (`stage` says where). */
export interface ExtractBnnNotBuilt {
  readonly status: 'not-built';
  readonly stage: 'synthesis' | 'compile';
  readonly ms: number;
}

/** What {@link extractBnn} returns. */
export type ExtractBnnOutcome = ExtractBnnResult | ExtractBnnNotBuilt;

/** Thrown inside the compile loops when the deadline has passed; caught in extractBnn. */
class TimeUp extends Error {}

/** Circuit for a normalized threshold's table, over inputs x_j = lits[j]; undefined = use the standard construction. */
type SmallNeuronCircuit = (t: NormalizedThreshold) => { circuit: Circuit; inputOf: (j: number) => { input: number; negated: boolean }; outputNegated: boolean } | undefined;

interface Compiled {
  readonly circuit: Circuit;
  readonly constantNeurons: number;
  readonly exactNeurons: number;
}

function internalError(message: string): InternalError {
  return new InternalError(`internal error: ${message}`);
}

function compileNetwork(net: BnnNetwork, small?: SmallNeuronCircuit, deadline = Infinity): Compiled {
  const b = new CircuitBuilder({ strash: true });
  let signals: Lit[] = Array.from({ length: net.inputs }, (_, j) => b.addInput(net.inputNames?.[j]));
  let constantNeurons = 0;
  let exactNeurons = 0;
  net.layers.forEach((layer, l) => {
    signals = layer.weights.map((_, i) => {
      if (b.numGates > MAX_EXTRACT_GATES) {
        throw new ValidationError(`the circuit of the network passes ${MAX_EXTRACT_GATES} gates at layer ${l} neuron ${i} (the limit of extraction)`, 'too-large');
      }
      if (Date.now() > deadline) throw new TimeUp();
      const raw = neuronThreshold(net, l, i);
      const t = normalizeThreshold(signals, raw.coefs, raw.threshold);
      if (typeof t === 'number') {
        constantNeurons++;
        return t;
      }
      const found = small?.(t);
      if (found === undefined) return buildThresholdAdder(b, t);
      exactNeurons++;
      const fanins = Array.from({ length: found.circuit.numInputs }, (_, k) => {
        const { input, negated } = found.inputOf(k);
        return t.lits[input]! ^ (negated ? 1 : 0);
      });
      return appendCircuit(b, found.circuit, fanins)[0]! ^ (found.outputNegated ? 1 : 0);
    });
  });
  if (b.numGates > MAX_EXTRACT_GATES) throw new ValidationError(`the circuit of the network passes ${MAX_EXTRACT_GATES} gates (the limit of extraction)`, 'too-large');
  signals.forEach((lit, k) => b.addOutput(lit, net.outputNames?.[k]));
  return { circuit: b.build(), constantNeurons, exactNeurons };
}

function toTarget(c: Circuit, basis: ExtractBasis): { before: number; after: Circuit } {
  // B2 keeps the two-input AND/XOR/LUT gates as built; AIG decomposes XORs and LUTs
  const inBasis = basis === 'AIG' ? toAig(c) : c;
  return { before: Math.max(c.numGates, inBasis.numGates), after: strash(inBasis) };
}

/** Checks the circuit against the network on every input; false if the deadline passed first. */
function verifyExhaustive(net: BnnNetwork, c: Circuit, deadline = Infinity): boolean {
  const overdue = (): boolean => Date.now() > deadline;
  const want = deadline === Infinity ? bnnTruthTables(net) : bnnTruthTablesUntil(net, overdue);
  if (want === undefined) return false;
  const got = deadline === Infinity ? simulateTruthTables(c) : simulateTruthTablesUntil(c, overdue);
  if (got === undefined) return false;
  want.forEach((t, k) => {
    if (!ttEqual(t, got[k]!)) throw internalError(`extracted circuit differs from the network on output ${k}`);
  });
  return true;
}

/** simulateTruthTables, giving up (undefined) when `overdue()` says so between chunks of words. */
function simulateTruthTablesUntil(c: Circuit, overdue: () => boolean): TruthTable[] | undefined {
  const n = c.numInputs;
  try {
    const words = simulateOutputs(c, wordCount(n), (input, first, dst) => {
      if (input === 0 && overdue()) throw new TimeUp();
      fillProjection(dst, input, first);
    });
    return words.map((w) => fromWords(n, w));
  } catch (e) {
    if (e instanceof TimeUp) return undefined;
    throw e;
  }
}

/**
 * Extracts a verified circuit (AIG) from the network by the standard
 * construction, synchronously. Verified exhaustively, so limited to networks
 * with at most 20 inputs; use {@link extractBnn} (SAT-verified) beyond that.
 */
export function extractBnnCircuit(network: BnnNetwork): Circuit {
  validateBnn(network);
  if (network.inputs > MAX_BNN_EXHAUSTIVE_INPUTS) {
    throw new UnsupportedError(`extractBnnCircuit verifies exhaustively and is limited to ${MAX_BNN_EXHAUSTIVE_INPUTS} inputs; use extractBnn for ${network.inputs}`, 'too-many-inputs');
  }
  const circuit = toTarget(compileNetwork(network).circuit, 'AIG').after;
  verifyExhaustive(network, circuit);
  return circuit;
}

/**
 * Extracts a circuit from the network in the given basis, using exact
 * synthesis for small neurons, and proves it equivalent to the network
 * (exhaustively up to 20 inputs, else by a SAT miter against the independent
 * reference circuit). Without a time limit the result is always `proven`.
 */
export async function extractBnn(network: BnnNetwork, options?: ExtractBnnOptions & { readonly timeLimitMs?: 0 }): Promise<ExtractBnnResult>;
export async function extractBnn(network: BnnNetwork, options: ExtractBnnOptions): Promise<ExtractBnnOutcome>;
export async function extractBnn(network: BnnNetwork, options: ExtractBnnOptions = {}): Promise<ExtractBnnOutcome> {
  const start = Date.now();
  validateBnn(network);
  const basis = options.basis ?? 'AIG';
  const exactFanin = options.exactFanin ?? 4;
  if (!Number.isInteger(exactFanin) || exactFanin < 0 || exactFanin > 5) throw new UsageError('exactFanin must be an integer in 0..5', 'bad-param');
  const timeLimitMs = options.timeLimitMs ?? 0;
  if (!(timeLimitMs >= 0)) throw new UsageError(`timeLimitMs must be >= 0, got ${timeLimitMs}`, 'bad-param');
  const deadline = timeLimitMs > 0 ? start + timeLimitMs : Infinity;
  const bound = extractGateBound(network);
  if (bound > MAX_EXTRACT_GATES) {
    throw new ValidationError(`the network is too large to extract: its circuits could need ${bound} gates (5 per accumulator bit of every non-zero weight), the limit is ${MAX_EXTRACT_GATES}`, 'too-large');
  }
  let classes: Map<string, Circuit>;
  try {
    classes = await synthesizeNeuronClasses(network, exactFanin, basis, options.synthTimeLimitMs ?? 20000, deadline);
  } catch (e) {
    if (e instanceof TimeUp) return { status: 'not-built', stage: 'synthesis', ms: Date.now() - start };
    throw e;
  }
  const small: SmallNeuronCircuit = (t) => {
    if (t.lits.length > exactFanin) return undefined;
    const { representative, transform } = npnCanonize(normalizedTable(t));
    const circuit = classes.get(toHex(representative) + ':' + t.lits.length);
    if (!circuit) return undefined;
    const back: NpnTransform = invertNpn(transform);
    return { circuit, inputOf: (k) => ({ input: back.perm[k]!, negated: ((back.inputNegations >>> k) & 1) === 1 }), outputNegated: back.outputNegation };
  };
  let compiled: Compiled;
  try {
    compiled = compileNetwork(network, small, deadline);
  } catch (e) {
    if (e instanceof TimeUp) return { status: 'not-built', stage: 'compile', ms: Date.now() - start };
    throw e;
  }
  const { before, after } = toTarget(compiled.circuit, basis);
  let verification: ExtractBnnStats['verification'];
  let reason: string | undefined;
  if (Date.now() > deadline) {
    verification = 'unproven';
    reason = 'the time limit was reached before the proof started';
  } else if (network.inputs <= MAX_BNN_EXHAUSTIVE_INPUTS) {
    const done = verifyExhaustive(network, after, deadline);
    verification = done ? 'exhaustive' : 'unproven';
    if (!done) reason = 'the time limit was reached during exhaustive simulation';
  } else {
    const remaining = deadline === Infinity ? 0 : Math.max(1, deadline - Date.now());
    const verdict = await checkEquivalence(after, referenceCircuit(network), { timeLimitMs: remaining });
    if (verdict.verdict === 'different') throw internalError(`extracted circuit differs from the reference circuit of the network on output ${verdict.output}`);
    verification = verdict.verdict === 'unknown' ? 'unproven' : 'sat';
    if (verdict.verdict === 'unknown') reason = `the SAT miter against the reference circuit was left undecided (${verdict.reason})`;
  }
  return {
    status: verification === 'unproven' ? 'unproven' : 'proven',
    ...(reason === undefined ? {} : { reason }),
    circuit: after,
    basis,
    stats: {
      neurons: bnnNeurons(network),
      constantNeurons: compiled.constantNeurons,
      exactNeurons: compiled.exactNeurons,
      exactClasses: classes.size,
      gatesBeforeCleanup: before,
      gatesAfterCleanup: after.numGates,
      verification,
      ms: Date.now() - start,
    },
  };
}

/**
 * Optimal circuits for the NPN classes of the small neurons, keyed by
 * representative hex and arity. The folding that decides fan-in depends
 * only on the weights (not on which literals feed a neuron) except for
 * repeated literals, so a dry run with distinct fresh literals finds them
 * all; a class missed here just falls back to the standard construction.
 */
async function synthesizeNeuronClasses(net: BnnNetwork, exactFanin: number, basis: ExtractBasis, timeLimitMs: number, deadline: number): Promise<Map<string, Circuit>> {
  const wanted = new Map<string, ReturnType<typeof npnCanonize>['representative']>();
  if (exactFanin >= 2) {
    compileNetwork(
      net,
      (t) => {
        if (t.lits.length >= 2 && t.lits.length <= exactFanin) {
          const rep = npnCanonize(normalizedTable(t)).representative;
          wanted.set(toHex(rep) + ':' + t.lits.length, rep);
        }
        return undefined;
      },
      deadline,
    );
  }
  const out = new Map<string, Circuit>();
  for (const [key, rep] of wanted) {
    // with an overall limit, synthesis may use half of what is left: compiling and the proof need the rest
    const left = deadline - Date.now();
    if (left <= 0) break;
    const limit = deadline === Infinity ? timeLimitMs : Math.min(timeLimitMs, Math.floor(left / 2));
    const result = await synthesize(makeSpec(rep.numVars, [rep]), { basis, timeLimitMs: limit });
    if (result.status !== 'optimal' && result.status !== 'feasible') continue;
    // synthesize verifies its circuits; checked again here because a wrong one would be silently reused
    if (!ttEqual(simulateTruthTables(result.circuit)[0]!, rep)) throw internalError(`exact synthesis returned a wrong circuit for ${key}`);
    if (result.circuit.numInputs !== rep.numVars || result.circuit.outputs.length !== 1) continue;
    out.set(key, result.circuit);
  }
  return out;
}
