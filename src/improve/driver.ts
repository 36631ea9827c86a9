/**
 * SAT-based circuit local improvement (Kulikov, Slezkin et al., "SAT-based
 * circuit local improvement", MFCS 2022): bring the circuit into a basis,
 * then repeatedly pick small windows (connected sets of gates with few
 * leaves, window.ts), compute the window's multi-output function over its
 * leaves (with the leaf patterns that never occur as don't-cares, when the
 * circuit is small enough to simulate exhaustively), and ask exact synthesis
 * for a circuit with fewer gates; a smaller one is spliced in, the whole
 * circuit is checked against the previous one (replacement-check.ts), and
 * the search goes on until a round finds nothing or time runs out. The
 * returned circuit is proved equivalent to the input (exhaustive simulation
 * up to 16 inputs, else SAT).
 *
 * When a round finds no smaller window, a plateau move (plateau.ts) replaces
 * one window by a different circuit of the same size and the rounds start
 * again from the new structure, up to `plateauMoves` moves in a row without a
 * size decrease; then the search restarts from the input with another seed,
 * `restarts` times. Sizes never go up within a descent, and the smallest
 * circuit seen is returned.
 */
import type { Circuit } from '../core/circuit.js';
import { toBasis } from '../core/to-basis.js';
import { synthesize } from '../synth/synthesize.js';
import { toHex } from '../tt/truth-table.js';
import { Rng } from '../util/rng.js';
import { withDefaults } from '../util/with-defaults.js';
import { checkEquivalence } from '../verify/equivalence.js';
import { checkImproveParams, DEFAULT_IMPROVE_PARAMS, type ImproveParams, type ImproveResult, type ImproveStats } from './params.js';
import { plateauMove } from './plateau.js';
import { checkReplacement, internalError, sameOnRandom, sameTables, sizeIn } from './replacement-check.js';
import { analyse, growWindow, leafDependsOnWindow, splice, windowCircuit, windowSize, windowSpec } from './window.js';

/**
 * SAT-based local improvement of `circuit` in `params.basis` (see the file
 * header). Deterministic for a given seed as long as no synthesis call hits
 * its time limit. Throws an InternalError if the result cannot be
 * proved equivalent to the input (a bug, never a result).
 */
export async function improve(circuit: Circuit, params: Partial<ImproveParams> = {}): Promise<ImproveResult> {
  const p: ImproveParams = withDefaults(DEFAULT_IMPROVE_PARAMS, params);
  checkImproveParams(p);
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
    const order = rng.shuffle(Array.from({ length: cur.numGates }, (_, g) => g));
    for (const seed of order) {
      if (seed >= cur.numGates) continue;
      for (let rep = 0; rep < p.windowsPerSeed; rep++) {
        if (performance.now() > deadline) {
          stats.timedOut = true;
          break outer;
        }
        const w = growWindow(st, seed, p.windowInputs, p.windowSize, rng);
        if (w === undefined) break;
        if (leafDependsOnWindow(cur, w)) {
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
