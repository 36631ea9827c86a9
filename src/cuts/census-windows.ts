/**
 * Local minimality census: for every window of a circuit (a root with one of
 * its k-feasible cuts, or with `maxRoots` > 1 also groups of roots sharing a
 * cut), is the subcircuit between the leaves and the root(s) a smallest
 * circuit for its function over the leaves?
 *
 * WINDOW SIZE. The cone of a window is every gate on a path from a leaf to a
 * root, roots included (the gates `coneNodes` returns); its size is the cost
 * of those gates in the basis (a two-input gate costs 1, an n-ary AND/XOR
 * n - 1), i.e. the size of the cone taken out as a circuit of its own. The
 * MFFC part is the cone gates used only inside the cone (and not outputs):
 * what disappears when the roots are re-implemented, so `mffc - minimum` > 0
 * means the whole circuit shrinks by replacing the window.
 *
 * MINIMUM. Exact synthesis of the window's function in the basis, started
 * below the cone itself. A window is `minimal` only when synthesis proved it
 * (UNSAT at every smaller size, or the trivial lower bound), `non-minimal`
 * only with a smaller circuit in hand (verified here again by simulation),
 * `unknown` when the per-window time limit ran out first. Results are cached
 * per (function, care set): the basis is fixed for a run.
 *
 * DON'T-CARES. Satisfiability don't-cares (leaf patterns the rest of the
 * circuit never produces) are used only when they can be computed soundly,
 * by exhaustive simulation of the whole circuit (at most 16 inputs). Random
 * simulation would only under-approximate the reachable patterns and could
 * claim a "smaller" circuit that is wrong on a rare pattern, so above 16
 * inputs windows are judged on their complete functions.
 */
import type { BasisName } from '../core/basis.js';
import type { Circuit } from '../core/circuit.js';
import { coneCircuit, coneNodes, coneTables, fanoutInfo, mffcNodes, nodesSize, reachableLeafPatterns } from '../core/cone.js';
import { circuitCost } from '../core/cost.js';
import { exhaustiveNodeValues, simulateTruthTables } from '../core/simulate.js';
import { UsageError, ValidationError, InternalError } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import { synthesize, type SynthesisResult } from '../synth/synthesize.js';
import { makeSpec, specSatisfiedBy, type FunctionSpec } from '../tt/spec.js';
import { toHex, ttIsConst, wordCount, type TruthTable } from '../tt/truth-table.js';
import { withDefaults } from '../util/with-defaults.js';
import { enumerateCuts, enumerateWindows } from './enumerate-cuts.js';

/** Parameters of {@link censusWindows}. */
export interface CensusWindowsParams {
  /** Basis of the sizes; the circuit must be in it. MIG is not supported. */
  readonly basis: BasisName;
  /** Largest number of leaves of a window (1..6). */
  readonly k: number;
  /** Non-trivial cuts kept per node (0 = all minimal cuts). */
  readonly cutLimit: number;
  /** Roots per window: 1 = single-output cuts only; 2..4 adds multi-output windows sharing a cut. */
  readonly maxRoots: number;
  /** Time limit of the exact synthesis of one function (ms). */
  readonly callTimeLimitMs: number;
  /** Overall time limit (ms; 0 = none): windows not reached count as unknown. */
  readonly timeLimitMs: number;
  readonly backend: BackendName | 'auto';
  /** Use satisfiability don't-cares (only computed for circuits of at most 16 inputs). */
  readonly dontCares: boolean;
}

/** Defaults of {@link CensusWindowsParams}. */
export const DEFAULT_CENSUS_WINDOWS_PARAMS: Readonly<CensusWindowsParams> = Object.freeze({
  basis: 'B2',
  k: 4,
  cutLimit: 0,
  maxRoots: 1,
  callTimeLimitMs: 5_000,
  timeLimitMs: 0,
  backend: 'auto',
  dontCares: true,
});

/** Largest `k` accepted by {@link censusWindows}. */
export const MAX_CENSUS_WINDOW_LEAVES = 6;
/** Largest number of circuit inputs for which don't-cares are computed (exhaustive simulation). */
export const CENSUS_DONT_CARE_MAX_INPUTS = 16;

/** Largest exhaustive simulation (32-bit words over all nodes) done for don't-cares. */
const DONT_CARE_MAX_WORDS = 1 << 25;

/** The verdict on one window. */
export interface WindowMinimality {
  /** Root node ids (increasing). */
  readonly roots: readonly number[];
  /** Leaf node ids (increasing); leaf j is variable x_j of `functions`. */
  readonly leaves: readonly number[];
  /** Function of each root over the leaves (hex, MSB first). */
  readonly functions: readonly string[];
  /** Care set over the leaves when some leaf patterns never occur (hex), else null. */
  readonly care: string | null;
  /** Cost of the cone gates in the basis. */
  readonly size: number;
  /** Cost of the cone gates used only inside the window. */
  readonly mffc: number;
  readonly status: 'minimal' | 'non-minimal' | 'unknown';
  /** Proven minimum size, or null when only bounds are known. */
  readonly minimum: number | null;
  /** Every circuit for the window's function has at least this many gates. */
  readonly lowerBound: number;
  /** Size of the best circuit known (the window itself or a smaller one found). */
  readonly upperBound: number;
  /** For non-minimal windows: a verified smaller circuit (inputs = leaves, outputs = roots). */
  readonly smaller?: Circuit;
  /** mffc - upperBound: > 0 when replacing this window alone by `smaller` shrinks the whole circuit by that much. */
  readonly saving: number;
}

/** Counters of a {@link censusWindows} run. */
export interface CensusWindowsStats {
  windows: number;
  /** Distinct (function, care) pairs synthesised. */
  functions: number;
  cacheHits: number;
  /** Windows whose function has unreachable leaf patterns. */
  withDontCares: number;
  /** Windows whose replacement alone shrinks the circuit (saving > 0). */
  shrinking: number;
  synthMs: number;
  totalMs: number;
  timedOut: boolean;
}

/** Result of {@link censusWindows}. */
export interface CensusWindowsResult {
  readonly basis: BasisName;
  readonly k: number;
  readonly maxRoots: number;
  /** Whether satisfiability don't-cares were used (asked for, at most 16 inputs, and the exhaustive simulation fits in 128 MB). */
  readonly dontCares: boolean;
  /** size - minimum -> windows; `unknown` for undecided windows, `>=d` for non-minimal windows with only a bound on the gap. */
  readonly distribution: Readonly<Record<string, number>>;
  /** Every window, in enumeration order (single-output windows by root, then multi-output ones). */
  readonly windows: readonly WindowMinimality[];
  readonly stats: CensusWindowsStats;
}

function internalError(message: string): InternalError {
  return new InternalError(`internal error: ${message}`);
}

function checkParams(p: CensusWindowsParams): void {
  const int = (name: string, v: number, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`census-windows: ${name} must be an integer in [${lo}, ${hi}], got ${v}`, 'bad-param');
  };
  int('k', p.k, 1, MAX_CENSUS_WINDOW_LEAVES);
  int('cutLimit', p.cutLimit, 0, 1e6);
  int('maxRoots', p.maxRoots, 1, 4);
  if (!(p.callTimeLimitMs > 0)) throw new UsageError(`census-windows: callTimeLimitMs must be > 0, got ${p.callTimeLimitMs}`, 'bad-param');
  if (!(p.timeLimitMs >= 0)) throw new UsageError(`census-windows: timeLimitMs must be >= 0, got ${p.timeLimitMs}`, 'bad-param');
  if (p.basis === 'MIG') throw new UsageError('census-windows does not support the MIG basis', 'unsupported');
}

/** What synthesis established about one (function, care) pair. */
interface Knowledge {
  /** Every circuit has at least this many gates. */
  lowerBound: number;
  /** Smallest verified circuit found by synthesis, if any. */
  best?: { circuit: Circuit; size: number };
  /** Whether `best` (or, with no best, the lower bound) is the minimum. */
  exact: boolean;
}

function knowledgeFrom(r: SynthesisResult): Knowledge {
  switch (r.status) {
    case 'optimal':
      return { lowerBound: r.size, best: { circuit: r.circuit, size: r.size }, exact: true };
    case 'feasible':
      return { lowerBound: r.provenLowerBound, best: { circuit: r.circuit, size: r.size }, exact: r.provenLowerBound >= r.size };
    case 'unknown':
      return { lowerBound: r.provenLowerBound, exact: false };
    case 'infeasible':
      throw internalError(`synthesis without a depth bound said infeasible: ${r.reason}`);
  }
}

/** The verdict on a window of cost `size` given what is known about its function. */
function judge(size: number, know: Knowledge): Pick<WindowMinimality, 'status' | 'minimum' | 'lowerBound' | 'upperBound'> & { smaller?: Circuit } {
  const best = know.best;
  if (best !== undefined && best.size < size) {
    return { status: 'non-minimal', minimum: know.exact ? best.size : null, lowerBound: know.lowerBound, upperBound: best.size, smaller: best.circuit };
  }
  if (know.lowerBound >= size) return { status: 'minimal', minimum: size, lowerBound: size, upperBound: size };
  // a cached answer found with a larger window as the starting point: its best is not below this window
  if (know.exact && best !== undefined) return { status: 'minimal', minimum: size, lowerBound: size, upperBound: size };
  return { status: 'unknown', minimum: null, lowerBound: know.lowerBound, upperBound: size };
}

function distributionKey(v: WindowMinimality): string {
  if (v.status === 'minimal') return '0';
  if (v.status === 'unknown') return 'unknown';
  return v.minimum !== null ? String(v.size - v.minimum) : `>=${v.size - v.upperBound}`;
}

/**
 * The census (see the module documentation). Throws ValidationError when the
 * circuit is not in the basis, UsageError for bad parameters.
 */
export async function censusWindows(circuit: Circuit, params: Partial<CensusWindowsParams> = {}): Promise<CensusWindowsResult> {
  const p: CensusWindowsParams = withDefaults(DEFAULT_CENSUS_WINDOWS_PARAMS, params);
  checkParams(p);
  const cost = circuitCost(circuit, p.basis);
  if (!cost.inBasis) throw new ValidationError(`census-windows: the circuit is not in ${p.basis} (${cost.reason}); convert it first (waterloo improve CIRCUIT --rounds 0 --basis B --out FILE brings it into a basis)`, 'not-in-basis');
  const t0 = performance.now();
  const deadline = p.timeLimitMs > 0 ? t0 + p.timeLimitMs : Infinity;
  const stats: CensusWindowsStats = { windows: 0, functions: 0, cacheHits: 0, withDontCares: 0, shrinking: 0, synthMs: 0, totalMs: 0, timedOut: false };
  // exhaustive node values cost (nodes x 2^inputs) bits: a 16-input circuit of 16k nodes already takes 128 MB
  const simWords = (1 + circuit.numInputs + circuit.numGates) * wordCount(circuit.numInputs);
  const useDc = p.dontCares && circuit.numInputs <= CENSUS_DONT_CARE_MAX_INPUTS && simWords <= DONT_CARE_MAX_WORDS;
  const sim = useDc ? exhaustiveNodeValues(circuit) : undefined;
  const fanouts = fanoutInfo(circuit);

  // the windows: single-output cuts, then groups of roots sharing a cut
  const groups: { roots: number[]; leaves: readonly number[] }[] = [];
  const cuts = enumerateCuts(circuit, { k: p.k, cutLimit: p.cutLimit });
  cuts.cuts.forEach((list, v) => {
    for (const cut of list) if (cut.coneSize > 0 && cut.leaves.length > 0) groups.push({ roots: [v], leaves: cut.leaves });
  });
  if (p.maxRoots > 1) {
    const ws = enumerateWindows(circuit, { k: p.k, cutLimit: p.cutLimit, maxRoots: p.maxRoots });
    for (const w of ws.windows) if (w.leaves.length > 0) groups.push({ roots: [...w.roots], leaves: w.leaves });
  }

  const cache = new Map<string, Knowledge>();
  const windows: WindowMinimality[] = [];
  for (const { roots, leaves } of groups) {
    const cone = coneNodes(circuit, roots, leaves);
    const sub = coneCircuit(circuit, leaves, cone, roots.map((r) => 2 * r));
    const subCost = circuitCost(sub, p.basis);
    if (!subCost.inBasis) throw internalError(`a cone of a circuit in ${p.basis} is not in it: ${subCost.reason}`);
    const size = subCost.size;
    const functions = coneTables(sub);
    let care: TruthTable | undefined;
    if (sim !== undefined) {
      const reach = reachableLeafPatterns(sim, circuit.numInputs, leaves);
      if (!ttIsConst(reach, true)) care = reach;
    }
    if (care !== undefined) stats.withDontCares++;
    const spec: FunctionSpec = makeSpec(leaves.length, functions, care ? functions.map(() => care) : undefined);
    const key = `${leaves.length}:${functions.map(toHex).join(',')}|${care ? toHex(care) : '-'}`;
    stats.windows++;
    let know = cache.get(key);
    if (know !== undefined && (know.exact || know.lowerBound >= size || (know.best !== undefined && know.best.size < size))) stats.cacheHits++;
    else if (performance.now() > deadline) {
      stats.timedOut = true;
      know = know ?? { lowerBound: 0, exact: false };
    } else {
      const ts = performance.now();
      const r = await synthesize(spec, {
        basis: p.basis,
        backend: p.backend,
        upperBoundCircuit: sub,
        timeLimitMs: Math.max(1, Math.floor(Math.min(p.callTimeLimitMs, deadline - performance.now()))),
      });
      stats.synthMs += performance.now() - ts;
      stats.functions++;
      const fresh = knowledgeFrom(r);
      // keep the stronger of the two answers for later windows with this function
      if (know === undefined || fresh.exact || fresh.lowerBound > know.lowerBound || (fresh.best && (!know.best || fresh.best.size < know.best.size))) {
        know = {
          lowerBound: Math.max(fresh.lowerBound, know?.lowerBound ?? 0),
          exact: fresh.exact || (know?.exact ?? false),
          ...(fresh.best && (!know?.best || fresh.best.size <= know.best.size) ? { best: fresh.best } : know?.best ? { best: know.best } : {}),
        };
      }
      cache.set(key, know);
    }
    const verdict = judge(size, know);
    if (verdict.smaller !== undefined && !specSatisfiedBy(spec, simulateTruthTables(verdict.smaller))) {
      throw internalError(`the smaller circuit for window [${roots.join(', ')}] over [${leaves.join(', ')}] does not compute its function`);
    }
    const mffc = nodesSize(circuit, mffcNodes(roots, cone, fanouts));
    const saving = mffc - verdict.upperBound;
    if (verdict.status === 'non-minimal' && saving > 0) stats.shrinking++;
    windows.push({ roots, leaves, functions: functions.map(toHex), care: care ? toHex(care) : null, size, mffc, ...verdict, saving });
  }
  const distribution: Record<string, number> = {};
  for (const w of windows) {
    const key = distributionKey(w);
    distribution[key] = (distribution[key] ?? 0) + 1;
  }
  stats.totalMs = performance.now() - t0;
  return { basis: p.basis, k: p.k, maxRoots: p.maxRoots, dontCares: useDc, distribution, windows, stats };
}
