/**
 * PLATEAU MOVES (our addition, not in the paper): a round that finds no
 * smaller window ends in a local optimum for the window shapes tried; the
 * carry-save SUM_5 circuit (12 gates) is one, while 11 gates exist. A
 * plateau move replaces one random window by a different circuit of the same
 * size, and the driver's rounds start again from the new structure.
 */
import type { Circuit } from '../core/circuit.js';
import { synthesize } from '../synth/synthesize.js';
import type { Rng } from '../util/rng.js';
import type { ImproveParams, ImproveStats } from './params.js';
import { checkReplacement, internalError, sameStructure, sizeIn } from './replacement-check.js';
import { growWindow, leafDependsOnWindow, splice, windowCircuit, windowSize, windowSpec, type Structure, type Window } from './window.js';

/** Tries before a plateau move gives up (no window had a different equal-size circuit). */
const PLATEAU_TRIES = 64;

/**
 * One plateau move: a random window re-synthesised at its own size with its
 * leaves in a random order (so the solver meets a different instance and
 * usually answers with a different circuit), spliced in when the result is
 * structurally new and no larger. Returns the new circuit (verified equal to
 * `cur`), undefined when no window gave one, or 'time'.
 */
export async function plateauMove(cur: Circuit, st: Structure, p: ImproveParams, rng: Rng, deadline: number, stats: ImproveStats): Promise<Circuit | undefined | 'time'> {
  const size = sizeIn(cur, p.basis);
  const exhaustive = cur.numInputs <= 16;
  for (let t = 0; t < PLATEAU_TRIES && cur.numGates > 0; t++) {
    if (performance.now() > deadline) return 'time';
    const w0 = growWindow(st, rng.below(cur.numGates), p.windowInputs, p.windowSize, rng);
    if (w0 === undefined) continue;
    if (leafDependsOnWindow(cur, w0)) continue;
    const w: Window = { ...w0, leaves: rng.shuffle([...w0.leaves]) };
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
