/**
 * A quick upper bound for a spec whose exact search ran out of time (or
 * before it starts, `min --improve-first`): a Shannon-expansion circuit
 * (multiplexers on the inputs, shared subfunctions) and Davio-expansion
 * starts (davio-start.ts), shrunk by local improvement for a short while. The result
 * is a verified circuit, not a minimum: it turns a timed-out search into a
 * "best found (>= proven bound)" answer instead of no circuit at all.
 */
import type { BasisName } from '../core/basis.js';
import { CircuitBuilder } from '../core/builder.js';
import type { Circuit } from '../core/circuit.js';
import { circuitCost } from '../core/cost.js';
import { LIT_FALSE, LIT_TRUE, litNot, type Lit } from '../core/literal.js';
import { simulateTruthTables } from '../core/simulate.js';
import { assembleDavio, davioCandidates, type DavioCandidate } from './davio-start.js';
import { improve } from './driver.js';
import type { BackendName } from '../sat/registry.js';
import { careOf, specSatisfiedBy, type FunctionSpec } from '../tt/spec.js';
import { toHex, ttAnd, ttCofactor, ttHasVar, ttIsConst, ttNot, type TruthTable } from '../tt/truth-table.js';
import { InternalError } from '../errors.js';

/**
 * One multiplexer tree per output over the inputs from x_{n-1} down,
 * skipping inputs a subfunction does not depend on; equal (or complementary)
 * subfunctions share one node. Don't-care rows are taken as 0.
 */
export function shannonCircuit(spec: FunctionSpec, inputNames?: readonly string[], outputNames?: readonly string[]): Circuit {
  const b = new CircuitBuilder();
  const xs = b.addInputs(spec.numInputs, inputNames);
  const memo = new Map<string, Lit>();
  const build = (f: TruthTable, top: number): Lit => {
    if (ttIsConst(f, false)) return LIT_FALSE;
    if (ttIsConst(f, true)) return LIT_TRUE;
    const key = toHex(f);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const complement = memo.get(toHex(ttNot(f)));
    if (complement !== undefined) return litNot(complement);
    let j = top;
    while (!ttHasVar(f, j)) j--;
    const lit = b.mux(xs[j]!, build(ttCofactor(f, j, true), j - 1), build(ttCofactor(f, j, false), j - 1));
    memo.set(key, lit);
    return lit;
  };
  spec.outputs.forEach((out, k) => {
    const care = careOf(spec, k);
    b.addOutput(build(care === undefined ? out : ttAnd(out, care), spec.numInputs - 1), outputNames?.[k]);
  });
  return b.build();
}

/** Bases {@link quickUpperBound} works in (the bases local improvement has gates for). */
export const IMPROVE_FIRST_BASES: ReadonlySet<BasisName> = new Set<BasisName>(['B2', 'U2', 'AIG', 'XAIG']);

/** Parameters of {@link quickUpperBound}. */
export interface QuickUpperBoundParams {
  readonly basis: BasisName;
  /** Time for the local improvement (ms). */
  readonly timeLimitMs: number;
  readonly backend?: BackendName | 'auto';
  /** Stop as soon as the circuit has at most this many gates (e.g. a proven lower bound). */
  readonly target?: number;
}

/**
 * Share of the time for the Shannon circuit, at most SHANNON_MAX_MS when
 * Davio starts follow. Measured (5-input family instances): improving it
 * reaches the optimum of sum:5, thr:5:2, exact:5:1 and mod3:5:0 within 3 s,
 * where the Davio starts do worse.
 */
const SHANNON_SHARE = 0.25;
const SHANNON_MAX_MS = 8000;
/** Davio starts are tried up to this many inputs (beyond, one block alone is a large circuit to improve). */
const DAVIO_MAX_INPUTS = 10;
/** Bases in which XOR is one gate, so a Davio expansion costs two gates per output. */
const DAVIO_BASES: ReadonlySet<BasisName> = new Set<BasisName>(['B2', 'XAIG']);

interface Found {
  readonly circuit: Circuit;
  readonly size: number;
  /** Which starting circuit it was shrunk from, e.g. "Shannon", "positive Davio on x0". */
  readonly start: string;
}

/** The name of a Davio start, as {@link quickUpperBound} reports it. */
export function davioStartName(cand: DavioCandidate): string {
  return `${cand.base ? 'negative' : 'positive'} Davio on x${cand.input}`;
}

/**
 * A verified circuit for `spec` in `basis`, its size and the name of its
 * start, from a portfolio of starting circuits shrunk by local improvement
 * within `timeLimitMs`: first the Shannon circuit, then (in B2 and XAIG, up
 * to {@link DAVIO_MAX_INPUTS} inputs) the Davio starts of davio-start.ts by
 * successive halving: every candidate's block is improved for a slice, the
 * better half goes on with a doubled slice, and the survivor's assembled
 * circuit gets the last slice; brackets repeat with new seeds while time is
 * left. The smallest circuit wins; the search stops as soon as one has at
 * most `target` gates. Throws an internal error if the circuit does not meet
 * the spec (a bug, never an answer).
 */
export async function quickUpperBound(spec: FunctionSpec, p: QuickUpperBoundParams): Promise<Found> {
  const t0 = performance.now();
  const deadline = t0 + Math.max(1, p.timeLimitMs);
  const target = p.target ?? 0;
  const sizeOf = (c: Circuit): number => {
    const cost = circuitCost(c, p.basis);
    return cost.inBasis ? cost.size : Infinity;
  };
  const shrink = async (c: Circuit, ms: number, seed: number, targetSize: number): Promise<Circuit> =>
    (await improve(c, { basis: p.basis, timeLimitMs: Math.max(1, Math.round(ms)), seed, backend: p.backend, targetSize })).circuit;

  const davio = DAVIO_BASES.has(p.basis) && spec.numInputs <= DAVIO_MAX_INPUTS ? davioCandidates(spec) : [];
  const shannonMs = davio.length === 0 ? deadline - t0 : Math.min(SHANNON_MAX_MS, (deadline - t0) * SHANNON_SHARE);
  const shannon = await shrink(shannonCircuit(spec), shannonMs, 1, target);
  let best: Found = { circuit: shannon, size: sizeOf(shannon), start: 'Shannon' };
  if (best.size > target && davio.length > 0) {
    const d = await davioHalving(spec, davio, deadline, target, sizeOf, shrink);
    if (d.size < best.size) best = d;
  }
  const circuit = best.circuit;
  if (!specSatisfiedBy(spec, simulateTruthTables(circuit))) throw new InternalError('internal error: the upper-bound circuit does not meet its spec');
  const cost = circuitCost(circuit, p.basis);
  if (!cost.inBasis) throw new InternalError(`internal error: the upper-bound circuit is not in ${p.basis}: ${cost.reason}`);
  return { circuit, size: cost.size, start: best.start };
}

/**
 * First slice of a halving bracket per candidate (ms); it doubles every
 * round. Measured on 169ae443: slices of 0.3-3 s reach the 12-gate circuit
 * in the bracket's last rounds, so a short bracket repeated with new seeds
 * finds it sooner than one bracket stretched over the whole time.
 */
const BRACKET_FIRST_SLICE_MS = 300;
/**
 * Shortest bracket (ms): with few candidates (maj:5 has two, its inputs
 * being symmetric) 300 ms slices are too short for a block to shrink; the
 * 9-gate maj:5 needs several seconds per block.
 */
const BRACKET_MIN_MS = 15_000;

type Shrink = (c: Circuit, ms: number, seed: number, targetSize: number) => Promise<Circuit>;

/**
 * Successive halving over the Davio candidates until `deadline` (see
 * {@link quickUpperBound}): brackets of rounds, each bracket from the
 * Shannon circuits of the blocks with its own seeds, squeezed to fit when
 * less time is left than a full bracket takes. Returns the smallest
 * assembled circuit seen.
 */
async function davioHalving(spec: FunctionSpec, cands: readonly DavioCandidate[], deadline: number, target: number, sizeOf: (c: Circuit) => number, shrink: Shrink): Promise<Found> {
  let best: Found | undefined;
  for (let bracket = 0; performance.now() < deadline && (best === undefined || best.size > target); bracket++) {
    const found = await davioBracket(spec, cands, bracket, deadline, target, sizeOf, shrink);
    if (best === undefined || found.size < best.size) best = found;
  }
  return best ?? firstAssembled(spec, cands[0]!, sizeOf);
}

function firstAssembled(spec: FunctionSpec, cand: DavioCandidate, sizeOf: (c: Circuit) => number): Found {
  const circuit = assembleDavio(spec, cand, shannonCircuit(cand.block));
  return { circuit, size: sizeOf(circuit), start: davioStartName(cand) };
}

/** Rounds of a bracket over k candidates: halving down to one, plus the survivor's whole-circuit round. */
function bracketPlan(k: number): { rounds: number; totalSlices: number } {
  let alive = k;
  let totalSlices = 0;
  let rounds = 0;
  for (let slice = 1; ; slice *= 2) {
    rounds++;
    totalSlices += alive * slice;
    if (alive === 1) return { rounds, totalSlices };
    alive = Math.ceil(alive / 2);
  }
}

/** One bracket of {@link davioHalving}. */
async function davioBracket(spec: FunctionSpec, cands: readonly DavioCandidate[], bracket: number, deadline: number, target: number, sizeOf: (c: Circuit) => number, shrink: Shrink): Promise<Found> {
  let alive = cands.map((cand) => {
    const block = shannonCircuit(cand.block);
    const whole = assembleDavio(spec, cand, block);
    return { cand, block, whole, size: sizeOf(whole) };
  });
  let best: Found = { circuit: alive[0]!.whole, size: alive[0]!.size, start: davioStartName(alive[0]!.cand) };
  const keep = (circuit: Circuit, size: number, cand: DavioCandidate): void => {
    if (size < best.size) best = { circuit, size, start: davioStartName(cand) };
  };
  for (const a of alive) keep(a.whole, a.size, a.cand);
  const plan = bracketPlan(alive.length);
  const first = Math.max(BRACKET_FIRST_SLICE_MS, BRACKET_MIN_MS / plan.totalSlices);
  const squeeze = Math.min(1, (deadline - performance.now()) / (plan.totalSlices * first));
  let slice = first * squeeze;
  for (let round = 1; best.size > target && performance.now() < deadline; round++, slice *= 2) {
    const seed = bracket * 64 + round;
    if (alive.length === 1) {
      // the survivor: the assembled circuit as a whole, so the two expansion gates take part
      const whole = await shrink(alive[0]!.whole, Math.min(slice, deadline - performance.now()), seed, target);
      keep(whole, sizeOf(whole), alive[0]!.cand);
      break;
    }
    for (const a of alive) {
      a.block = await shrink(a.block, Math.min(slice, deadline - performance.now()), seed, 0);
      a.whole = assembleDavio(spec, a.cand, a.block);
      a.size = sizeOf(a.whole);
      keep(a.whole, a.size, a.cand);
      if (best.size <= target || performance.now() >= deadline) return best;
    }
    alive = [...alive].sort((x, y) => x.size - y.size).slice(0, Math.ceil(alive.length / 2));
  }
  return best;
}
