/**
 * SAT-based circuit local improvement (Kulikov, Slezkin et al., "SAT-based
 * circuit local improvement", MFCS 2022): bring the circuit into a basis,
 * then repeatedly pick small windows (connected sets of gates with few
 * leaves), compute the window's multi-output function over its leaves (with
 * the leaf patterns that never occur as don't-cares, when the circuit is
 * small enough to simulate exhaustively), and ask exact synthesis for a
 * circuit with fewer gates; a smaller one is spliced in, the whole circuit
 * is checked against the previous one, and the search goes on until a round
 * finds nothing or time runs out. The returned circuit is proved equivalent
 * to the input (exhaustive simulation up to 16 inputs, else SAT).
 *
 * PLATEAU MOVES (our addition, not in the paper): a round that finds no
 * smaller window ends in a local optimum for the window shapes tried; the
 * carry-save SUM_5 circuit (12 gates) is one, while 11 gates exist. A
 * plateau move replaces one random window by a different circuit of the same
 * size and the rounds start again from the new structure, up to
 * `plateauMoves` moves in a row without a size decrease. Sizes never go up,
 * so the current circuit is always the best seen.
 */
import { CircuitBuilder } from '../core/builder.js';
import { gateFanins, type Circuit } from '../core/circuit.js';
import { coneCircuit, coneTables, fanoutInfo, nodesSize, reachableLeafPatterns, type FanoutInfo } from '../core/cone.js';
import { circuitCost } from '../core/cost.js';
import { cleanup } from '../core/cleanup.js';
import type { GateKind } from '../core/gate.js';
import type { BasisName } from '../core/basis.js';
import { exhaustiveNodeValues, simulateRandom, simulateTruthTables, type NodeValues } from '../core/simulate.js';
import { toBasis } from '../core/to-basis.js';
import { UsageError, InternalError } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import { synthesize } from '../synth/synthesize.js';
import { makeSpec, type FunctionSpec } from '../tt/spec.js';
import { toHex, ttEqual } from '../tt/truth-table.js';
import { Rng } from '../util/rng.js';
import { checkEquivalence } from '../verify/equivalence.js';

/** Parameters of {@link improve}. */
export interface ImproveParams {
  /** Basis of the result and of the size measure (MIG is not supported). */
  readonly basis: BasisName;
  /** Maximum number of leaves (inputs) of a window; at most 8. */
  readonly windowInputs: number;
  /** Maximum number of gates in a window. */
  readonly windowSize: number;
  /** Overall time limit (ms); 0 = none. The final equivalence proof is not counted. */
  readonly timeLimitMs: number;
  /** Time limit of each exact-synthesis call (ms). */
  readonly callTimeLimitMs: number;
  /** Seed of the window order. */
  readonly seed: number;
  /** Stop after this many rounds (a round visits every gate once as a window seed; every plateau move is followed by one). */
  readonly maxRounds: number;
  /** Randomised window growths per seed gate. */
  readonly windowsPerSeed: number;
  /** SAT backend of the exact-synthesis calls. */
  readonly backend: BackendName | 'auto';
  /** Use unreachable leaf patterns as don't-cares when the circuit has at most this many inputs (exhaustive simulation); 0 = never. */
  readonly dontCareMaxInputs: number;
  /**
   * Plateau moves allowed in a row without a size decrease (0 = stop at the
   * first local optimum): when a round finds no smaller window, one window is
   * replaced by a different circuit of the same size (exact synthesis with its
   * leaves in a seeded random order) and the rounds go on from there.
   */
  readonly plateauMoves: number;
  /** Stop as soon as the size is at most this (0 = no target), e.g. a best known size. */
  readonly targetSize: number;
  /**
   * Restarts from the input with a derived seed when a descent is over (no
   * plateau move found, or `plateauMoves` of them in a row without a
   * decrease); the smallest circuit of all descents is returned. Only with
   * plateauMoves > 0.
   */
  readonly restarts: number;
}

/** Defaults of {@link ImproveParams}. */
export const DEFAULT_IMPROVE_PARAMS: Readonly<ImproveParams> = Object.freeze({
  basis: 'B2',
  windowInputs: 5,
  windowSize: 7,
  timeLimitMs: 60_000,
  callTimeLimitMs: 2_000,
  seed: 1,
  maxRounds: 1000,
  windowsPerSeed: 2,
  backend: 'auto',
  dontCareMaxInputs: 16,
  plateauMoves: 40,
  targetSize: 0,
  restarts: 4,
});

/** Counters of an {@link improve} run. */
export interface ImproveStats {
  /** Windows whose function was computed. */
  windows: number;
  /** Windows skipped because a leaf depends on the window (splicing would make a cycle). */
  nonConvex: number;
  /** Windows whose function had already been tried at that size (cached). */
  cacheHits: number;
  /** Exact-synthesis calls. */
  synthCalls: number;
  /** Calls that ended on a time limit. */
  synthTimeouts: number;
  synthMs: number;
  verifyMs: number;
  totalMs: number;
  /** Equal-size replacements made to leave a local optimum. */
  plateauMoves: number;
  /** Restarts from the input (see ImproveParams.restarts). */
  restarts: number;
  /** When the final size was first reached (ms from the start). */
  finalSizeAtMs: number;
  /** Whether the run stopped on the time limit (otherwise: converged or maxRounds). */
  timedOut: boolean;
  /** How the final equivalence with the input was proved. */
  /**
   * How the result was proved equivalent to the input: exhaustive simulation,
   * one SAT check of the whole, or (when that check hit a limit) the chain of
   * replacements, each of which was proved on its own.
   */
  finalCheck: 'exhaustive' | 'sat' | 'chain';
}

/** Result of {@link improve}. */
export interface ImproveResult {
  /** The improved circuit (in the basis, equivalent to the input, same inputs and outputs by position). */
  readonly circuit: Circuit;
  /** Size in the basis after conversion into it, before any improvement. */
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly basis: BasisName;
  /** Rounds started. */
  readonly rounds: number;
  /** Windows replaced by smaller circuits. */
  readonly replacements: number;
  readonly stats: ImproveStats;
}

/** Largest accepted `windowInputs`. */
export const MAX_IMPROVE_WINDOW_INPUTS = 8;

function internalError(message: string): InternalError {
  return new InternalError(`internal error: ${message}`);
}

function sizeIn(c: Circuit, basis: BasisName): number {
  const cost = circuitCost(c, basis);
  if (!cost.inBasis) throw internalError(`circuit is not in ${basis}: ${cost.reason}`);
  return cost.size;
}

/** Structure of the current circuit used by the window search. */
interface Structure {
  readonly c: Circuit;
  /** Consumers of each node and which nodes drive outputs. */
  readonly info: FanoutInfo;
  /** Exhaustive node values (for don't-cares), or undefined. */
  readonly sim: NodeValues | undefined;
}

function analyse(c: Circuit, withSim: boolean): Structure {
  return { c, info: fanoutInfo(c), sim: withSim ? exhaustiveNodeValues(c) : undefined };
}

/** A window: gates (sorted), leaves (nodes, sorted), outputs (gates with uses outside). */
interface Window {
  readonly gates: number[];
  readonly leaves: number[];
  readonly outputs: number[];
}

function leavesOf(c: Circuit, gates: ReadonlySet<number>): number[] {
  const first = c.numInputs + 1;
  const leaves = new Set<number>();
  for (const g of gates) {
    for (const f of gateFanins(c, g)) {
      const v = f >>> 1;
      if (v === 0) continue;
      if (v >= first && gates.has(v - first)) continue;
      leaves.add(v);
    }
  }
  return [...leaves].sort((a, b) => a - b);
}

/** Grows a window from `seed` by adding neighbouring gates (fanins and fanouts) in random order while the leaf bound holds. */
function growWindow(st: Structure, seed: number, maxLeaves: number, maxGates: number, rng: Rng): Window | undefined {
  const c = st.c;
  const first = c.numInputs + 1;
  const gates = new Set<number>([seed]);
  if (leavesOf(c, gates).length > maxLeaves) return undefined;
  while (gates.size < maxGates) {
    const cand = new Set<number>();
    for (const g of gates) {
      for (const f of gateFanins(c, g)) {
        const v = f >>> 1;
        if (v >= first && !gates.has(v - first)) cand.add(v - first);
      }
      for (const h of st.info.fanouts[first + g]!) if (!gates.has(h - first)) cand.add(h - first);
    }
    const list = [...cand].sort((a, b) => a - b);
    // random order, then prefer additions that keep the leaf count small
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    let best: number | undefined;
    let bestLeaves = Infinity;
    for (const h of list) {
      gates.add(h);
      const leaves = leavesOf(c, gates);
      const n = leaves.length;
      const ok = n <= maxLeaves && n < bestLeaves && isConvex(c, gates, leaves);
      gates.delete(h);
      if (ok) {
        best = h;
        bestLeaves = n;
      }
    }
    if (best === undefined) break;
    gates.add(best);
  }
  if (gates.size < 2) return undefined;
  const sorted = [...gates].sort((a, b) => a - b);
  const outputs = sorted.filter((g) => st.info.isPo[first + g] || st.info.fanouts[first + g]!.some((h) => !gates.has(h - first)));
  return { gates: sorted, leaves: leavesOf(c, gates), outputs };
}

/** Whether no leaf of the window depends on a window gate (splicing keeps the circuit acyclic). */
function isConvex(c: Circuit, gates: ReadonlySet<number>, leaves: readonly number[]): boolean {
  const first = c.numInputs + 1;
  const sorted = [...gates].sort((a, b) => a - b);
  const t = tainted(c, { gates: sorted, leaves: [], outputs: [] });
  return !leaves.some((v) => v >= first && t.has(v - first));
}

/** Gates in [min(W), max(W)] outside W that depend on W (their new copies must come after the replacement). */
function tainted(c: Circuit, w: Window): Set<number> {
  const inW = new Set(w.gates);
  const t = new Set<number>();
  const first = c.numInputs + 1;
  const lo = w.gates[0]!;
  const hi = w.gates[w.gates.length - 1]!;
  for (let g = lo + 1; g <= hi; g++) {
    if (inW.has(g)) continue;
    for (const f of gateFanins(c, g)) {
      const v = (f >>> 1) - first;
      if (v >= 0 && (inW.has(v) || t.has(v))) {
        t.add(g);
        break;
      }
    }
  }
  return t;
}

/**
 * The window's spec over its leaves (leaf i = variable i), the functions of
 * `sub` (the window as a circuit), with unreachable leaf patterns as don't-cares.
 */
function windowSpec(st: Structure, w: Window, sub: Circuit): FunctionSpec {
  const k = w.leaves.length;
  const outputs = coneTables(sub);
  if (st.sim === undefined) return makeSpec(k, outputs);
  const careTt = reachableLeafPatterns(st.sim, st.c.numInputs, w.leaves);
  return makeSpec(k, outputs, outputs.map(() => careTt));
}

/** The window as a circuit of its own: inputs = its leaves, outputs = its output gates. */
function windowCircuit(c: Circuit, w: Window): Circuit {
  const first = c.numInputs + 1;
  return coneCircuit(c, w.leaves, w.gates.map((g) => first + g), w.outputs.map((g) => 2 * (first + g)));
}

/** The window's size: the cost of its gates. */
function windowSize(c: Circuit, w: Window): number {
  const first = c.numInputs + 1;
  return nodesSize(c, w.gates.map((g) => first + g));
}

/** The circuit with window `w` replaced by `rep` (inputs = leaves, outputs = window outputs), rebuilt and cleaned. */
function splice(c: Circuit, w: Window, rep: Circuit): Circuit {
  const first = c.numInputs + 1;
  const inW = new Set(w.gates);
  const taint = tainted(c, w);
  const b = new CircuitBuilder({ strash: true });
  const map = new Int32Array(1 + c.numInputs + c.numGates).fill(-1);
  map[0] = 0;
  for (let i = 0; i < c.numInputs; i++) map[i + 1] = b.addInput(c.inputNames[i]);
  const copy = (g: number): void => {
    const fs = Array.from(gateFanins(c, g), (f) => {
      const m = map[f >>> 1]!;
      if (m < 0) throw internalError(`splice: fanin node ${f >>> 1} of gate ${g} is not built yet`);
      return m ^ (f & 1);
    });
    map[first + g] = b.addGate(c.kinds[g] as GateKind, fs, c.luts.get(g));
  };
  const lo = w.gates[0]!;
  const hi = w.gates[w.gates.length - 1]!;
  for (let g = 0; g < lo; g++) copy(g);
  for (let g = lo; g <= hi; g++) if (!inW.has(g) && !taint.has(g)) copy(g);
  // the replacement
  const rmap = new Uint32Array(1 + rep.numInputs + rep.numGates);
  w.leaves.forEach((v, i) => {
    const m = map[v]!;
    if (m < 0) throw internalError(`splice: leaf node ${v} is not built yet`);
    rmap[i + 1] = m;
  });
  for (let g = 0; g < rep.numGates; g++) {
    const fs = Array.from(gateFanins(rep, g), (f) => rmap[f >>> 1]! ^ (f & 1));
    rmap[rep.numInputs + 1 + g] = b.addGate(rep.kinds[g] as GateKind, fs, rep.luts.get(g));
  }
  w.outputs.forEach((g, k) => {
    const o = rep.outputs[k]!;
    map[first + g] = rmap[o >>> 1]! ^ (o & 1);
  });
  for (let g = lo; g <= hi; g++) if (taint.has(g)) copy(g);
  for (let g = hi + 1; g < c.numGates; g++) copy(g);
  c.outputs.forEach((o, j) => {
    const m = map[o >>> 1]!;
    if (m < 0) throw internalError(`splice: output ${j} lost its driver`);
    b.addOutput(m ^ (o & 1), c.outputNames[j]);
  });
  return cleanup(b.build());
}

/** Tries before a plateau move gives up (no window had a different equal-size circuit). */
const PLATEAU_TRIES = 64;

/**
 * One plateau move: a random window re-synthesised at its own size with its
 * leaves in a random order (so the solver meets a different instance and
 * usually answers with a different circuit), spliced in when the result is
 * structurally new and no larger. Returns the new circuit (verified equal to
 * `cur`), undefined when no window gave one, or 'time'.
 */
async function plateauMove(cur: Circuit, st: Structure, p: ImproveParams, rng: Rng, deadline: number, stats: ImproveStats): Promise<Circuit | undefined | 'time'> {
  const size = sizeIn(cur, p.basis);
  const exhaustive = cur.numInputs <= 16;
  for (let t = 0; t < PLATEAU_TRIES && cur.numGates > 0; t++) {
    if (performance.now() > deadline) return 'time';
    const w0 = growWindow(st, rng.below(cur.numGates), p.windowInputs, p.windowSize, rng);
    if (w0 === undefined) continue;
    const taint = tainted(cur, w0);
    if (w0.leaves.some((v) => v > cur.numInputs && taint.has(v - cur.numInputs - 1))) continue;
    const leaves = [...w0.leaves];
    for (let i = leaves.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [leaves[i], leaves[j]] = [leaves[j]!, leaves[i]!];
    }
    const w: Window = { ...w0, leaves };
    const wCost = windowSize(cur, w);
    const ts = performance.now();
    stats.synthCalls++;
    const r = await synthesize(windowSpec(st, w, windowCircuit(cur, w)), {
      basis: p.basis,
      backend: p.backend,
      minSize: wCost,
      maxSize: wCost,
      timeLimitMs: Math.max(1, Math.floor(Math.min(p.callTimeLimitMs, deadline - performance.now()))),
    });
    stats.synthMs += performance.now() - ts;
    if (r.status === 'unknown' && r.reason === 'time') stats.synthTimeouts++;
    if (r.status !== 'optimal' && r.status !== 'feasible') continue;
    const next = splice(cur, w, r.circuit);
    if (sizeIn(next, p.basis) > size || sameStructure(cur, next)) continue;
    const { ok, undecided } = await checkReplacement(cur, next, exhaustive, p.seed + t, p, stats);
    if (!ok) throw internalError(`a plateau move on a window of ${w.gates.length} gates changed the circuit's function`);
    if (!undecided) return next;
  }
  return undefined;
}

function sameStructure(a: Circuit, b: Circuit): boolean {
  if (a.numGates !== b.numGates || a.fanins.length !== b.fanins.length) return false;
  for (let i = 0; i < a.fanins.length; i++) if (a.fanins[i] !== b.fanins[i]) return false;
  for (let g = 0; g < a.numGates; g++) {
    if (a.kinds[g] !== b.kinds[g]) return false;
    const la = a.luts.get(g), lb = b.luts.get(g);
    if (la !== undefined && lb !== undefined && la.words.some((x, i) => x !== lb.words[i])) return false;
  }
  return a.outputs.every((o, j) => o === b.outputs[j]);
}

/**
 * Whether `next` computes what `cur` does: exhaustively, or by random
 * simulation then SAT. `undecided` when the SAT check hit a limit (the caller
 * keeps `cur`); `ok` false means a wrong replacement, which is a bug.
 */
async function checkReplacement(cur: Circuit, next: Circuit, exhaustive: boolean, simSeed: number, p: ImproveParams, stats: ImproveStats): Promise<{ ok: boolean; undecided: boolean }> {
  const tv = performance.now();
  let ok = exhaustive ? sameTables(cur, next) : sameOnRandom(cur, next, simSeed);
  let undecided = false;
  if (ok && !exhaustive) {
    const v = await checkEquivalence(cur, next, { match: 'position', backend: p.backend, seed: p.seed });
    ok = v.verdict !== 'different';
    undecided = v.verdict === 'unknown';
  }
  stats.verifyMs += performance.now() - tv;
  return { ok, undecided };
}

function sameTables(a: Circuit, b: Circuit): boolean {
  const ta = simulateTruthTables(a);
  const tb = simulateTruthTables(b);
  return ta.length === tb.length && ta.every((t, j) => ttEqual(t, tb[j]!));
}

function sameOnRandom(a: Circuit, b: Circuit, seed: number): boolean {
  const ra = simulateRandom(a, 2048, seed);
  const rb = simulateRandom(b, 2048, seed);
  return ra.length === rb.length && ra.every((x, j) => x.every((v, i) => v === rb[j]![i]));
}

function checkParams(p: ImproveParams): void {
  const int = (name: string, v: number, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`improve: ${name} must be an integer in [${lo}, ${hi}], got ${v}`, 'bad-param');
  };
  int('windowInputs', p.windowInputs, 1, MAX_IMPROVE_WINDOW_INPUTS);
  int('windowSize', p.windowSize, 2, 64);
  int('maxRounds', p.maxRounds, 0, 1e9);
  int('windowsPerSeed', p.windowsPerSeed, 1, 1000);
  int('plateauMoves', p.plateauMoves, 0, 1e9);
  int('targetSize', p.targetSize, 0, 1e9);
  int('restarts', p.restarts, 0, 1e9);
  if (!(p.timeLimitMs >= 0)) throw new UsageError(`improve: timeLimitMs must be >= 0, got ${p.timeLimitMs}`, 'bad-param');
  if (!(p.callTimeLimitMs > 0)) throw new UsageError(`improve: callTimeLimitMs must be > 0, got ${p.callTimeLimitMs}`, 'bad-param');
  if (p.basis === 'MIG') throw new UsageError('improve does not support the MIG basis', 'unsupported');
}

/**
 * SAT-based local improvement of `circuit` in `params.basis` (see the file
 * header). Deterministic for a given seed as long as no synthesis call hits
 * its time limit. Throws an InternalError if the result cannot be
 * proved equivalent to the input (a bug, never a result).
 */
export async function improve(circuit: Circuit, params: Partial<ImproveParams> = {}): Promise<ImproveResult> {
  const p: ImproveParams = { ...DEFAULT_IMPROVE_PARAMS, ...params };
  checkParams(p);
  const t0 = performance.now();
  const deadline = p.timeLimitMs > 0 ? t0 + p.timeLimitMs : Infinity;
  const stats: ImproveStats = { windows: 0, nonConvex: 0, cacheHits: 0, synthCalls: 0, synthTimeouts: 0, synthMs: 0, verifyMs: 0, totalMs: 0, plateauMoves: 0, restarts: 0, finalSizeAtMs: 0, timedOut: false, finalCheck: 'exhaustive' };
  const exhaustive = circuit.numInputs <= 16;
  const withDc = circuit.numInputs <= Math.min(p.dontCareMaxInputs, 16);

  let cur = toBasis(circuit, p.basis);
  {
    const tv = performance.now();
    const ok = exhaustive ? sameTables(circuit, cur) : sameOnRandom(circuit, cur, p.seed);
    stats.verifyMs += performance.now() - tv;
    if (!ok) throw internalError('conversion into the basis changed the function');
  }
  const sizeBefore = sizeIn(cur, p.basis);
  let size = sizeBefore;
  let rng = new Rng(p.seed);
  const start = cur;
  let best = cur;
  let bestSize = size;
  let restartsLeft = p.plateauMoves > 0 ? p.restarts : 0;
  /** Keeps the current circuit when it is the smallest so far. */
  const record = (): void => {
    if (size >= bestSize) return;
    best = cur;
    bestSize = size;
    stats.finalSizeAtMs = performance.now() - t0;
  };
  // spec key -> smallest window cost at which no smaller circuit was found
  const tried = new Map<string, number>();
  let rounds = 0;
  let replacements = 0;
  // plateau moves since the size last went down
  let stall = 0;

  outer: while (rounds < p.maxRounds && size > p.targetSize) {
    rounds++;
    let improved = false;
    let st = analyse(cur, withDc);
    const order = Array.from({ length: cur.numGates }, (_, g) => g);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const seed of order) {
      if (seed >= cur.numGates) continue;
      for (let rep = 0; rep < p.windowsPerSeed; rep++) {
        if (performance.now() > deadline) {
          stats.timedOut = true;
          break outer;
        }
        const w = growWindow(st, seed, p.windowInputs, p.windowSize, rng);
        if (w === undefined) break;
        const taint = tainted(cur, w);
        if (w.leaves.some((v) => v > cur.numInputs && taint.has(v - cur.numInputs - 1))) {
          stats.nonConvex++;
          continue;
        }
        stats.windows++;
        const wCost = windowSize(cur, w);
        const sub = windowCircuit(cur, w);
        const spec = windowSpec(st, w, sub);
        const key = `${spec.numInputs}:${spec.outputs.map(toHex).join(',')}|${(spec.care ?? []).map((c) => (c ? toHex(c) : '-')).join(',')}`;
        const known = tried.get(key);
        if (known !== undefined && known <= wCost) {
          stats.cacheHits++;
          continue;
        }
        const left = deadline - performance.now();
        const ts = performance.now();
        stats.synthCalls++;
        // downward from the window itself: size wCost - 1 first, lower while SAT
        const r = await synthesize(spec, {
          basis: p.basis,
          backend: p.backend,
          upperBoundCircuit: sub,
          // one size only (wCost - 1): smaller sizes are left to later windows
          minSize: wCost - 1,
          maxSize: wCost - 1,
          timeLimitMs: Math.max(1, Math.floor(Math.min(p.callTimeLimitMs, left))),
        });
        stats.synthMs += performance.now() - ts;
        if (r.status !== 'optimal' && r.status !== 'feasible') {
          if (r.status === 'unknown' && r.reason === 'time') stats.synthTimeouts++;
          tried.set(key, wCost);
          continue;
        }
        if (r.size >= wCost) {
          tried.set(key, wCost);
          continue;
        }
        const next = splice(cur, w, r.circuit);
        const nextSize = sizeIn(next, p.basis);
        if (nextSize >= size) {
          tried.set(key, wCost);
          continue;
        }
        const { ok, undecided } = await checkReplacement(cur, next, exhaustive, p.seed + replacements, p, stats);
        if (!ok) throw internalError(`replacing a window of ${w.gates.length} gates changed the circuit's function`);
        if (undecided) {
          // not proved equivalent within the limits: keep the old circuit
          tried.set(key, wCost);
          continue;
        }
        cur = next;
        size = nextSize;
        replacements++;
        improved = true;
        stall = 0;
        record();
        if (size <= p.targetSize) break outer;
        st = analyse(cur, withDc);
        break;
      }
    }
    if (improved) continue;
    const moved = stall < p.plateauMoves ? await plateauMove(cur, st, p, rng, deadline, stats) : undefined;
    if (moved === 'time') {
      stats.timedOut = true;
      break;
    }
    if (moved === undefined) {
      // this descent is over: start again from the input with another seed
      if (restartsLeft <= 0) break;
      restartsLeft--;
      stats.restarts++;
      rng = new Rng((p.seed + Math.imul(0x9e3779b9, stats.restarts)) >>> 0);
      cur = start;
      size = sizeBefore;
      stall = 0;
      continue;
    }
    stall++;
    cur = moved;
    stats.plateauMoves++;
    // structural hashing after the splice can merge the new gates with old ones
    const movedSize = sizeIn(cur, p.basis);
    if (movedSize < size) {
      size = movedSize;
      stall = 0;
      record();
      if (size <= p.targetSize) break;
    }
  }
  cur = best;
  size = bestSize;

  // final proof against the input
  const tv = performance.now();
  if (exhaustive) {
    if (!sameTables(circuit, cur)) throw internalError('the improved circuit differs from the input');
  } else {
    const v = await checkEquivalence(circuit, cur, { match: 'position', backend: p.backend, seed: p.seed });
    if (v.verdict === 'different') throw internalError('the improved circuit differs from the input');
    // unknown: every replacement was proved on its own, so the chain is the proof
    stats.finalCheck = v.verdict === 'equivalent' ? 'sat' : 'chain';
  }
  stats.verifyMs += performance.now() - tv;
  stats.totalMs = performance.now() - t0;
  return { circuit: cur, sizeBefore, sizeAfter: size, basis: p.basis, rounds, replacements, stats };
}
