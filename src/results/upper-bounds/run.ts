/**
 * `waterloo results upper-bounds`: the attempt at new upper bounds of issue
 * 19. For each instance of {@link upperBoundInstances} (SUM_n, MAJ_n, SORT_n
 * with a best known size) it
 *
 * 1. builds the starting circuits: the textbook construction
 *    (src/problems/constructions.ts), the Shannon circuit of the spec, and
 *    ABC's optimisation of the construction when ABC is installed; each is
 *    checked against the spec by exhaustive simulation;
 * 2. runs local improvement (`improve`, B2) from the smallest of them within
 *    the instance's time limit and keeps the smallest circuit seen;
 * 3. writes the circuit (BENCH) atomically, reads the file back and verifies
 *    what was written (exhaustive simulation, size recomputed, ABC `cec`
 *    against the truth tables); a circuit below the best known size is
 *    verified twice more from the file;
 * 4. rewrites DIR/tables/upper-bounds.{json,md} atomically after each
 *    instance, so an interrupted run keeps what it finished. Instances
 *    already in the JSON are skipped unless `retry` (then the smaller of the
 *    old and the new circuit is kept).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Circuit } from '../../core/circuit.js';
import { circuitCost } from '../../core/cost.js';
import { simulateTruthTables } from '../../core/simulate.js';
import { toBasis } from '../../core/to-basis.js';
import { InternalError, ValidationError } from '../../errors.js';
import { improve } from '../../improve/driver.js';
import { DEFAULT_IMPROVE_PARAMS, type ImproveParams } from '../../improve/params.js';
import { shannonCircuit } from '../../improve/upper-bound.js';
import { parseBench } from '../../io/bench-read.js';
import { writeBench } from '../../io/bench-write.js';
import { problemConstructions } from '../../problems/constructions.js';
import { parseProblem } from '../../problems/parse-problem.js';
import { resolveBackendName, type BackendName } from '../../sat/registry.js';
import { specSatisfiedBy, type FunctionSpec } from '../../tt/spec.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { waterlooVersion } from '../../version.js';
import { abcAvailable, abcOptimize, type AbcCecOutcome } from './abc-peer.js';
import { BEST_KNOWN_SOURCE, upperBoundInstances, type UpperBoundFamily, type UpperBoundInstance } from './best-known.js';
import { formatUpperBoundsMarkdown } from './render.js';
import { verifyUpperBoundCircuit } from './verify.js';

/** Paths of the attempt inside the results folder. */
export const UPPER_BOUNDS_LAYOUT = {
  json: 'tables/upper-bounds.json',
  markdown: 'tables/upper-bounds.md',
  circuits: 'circuits/upper-bounds',
} as const;

/** The basis of the attempt (circuit_improvement counts B2 gates). */
const BASIS = 'B2' as const;

/** Default time limit per instance with n <= 8, seconds; larger n get {@link LARGE_N_FACTOR} times as much. */
export const UPPER_BOUNDS_TIMEOUT_SECONDS = 60;
/** Instances with n above this get the longer limit. */
export const SMALL_N_MAX = 8;
/** Factor of the limit for n > {@link SMALL_N_MAX}. */
export const LARGE_N_FACTOR = 3;

/** The time limit (s) of an instance with n inputs when the base limit is `seconds`. */
export function upperBoundTimeout(n: number, seconds: number): number {
  return n <= SMALL_N_MAX ? seconds : seconds * LARGE_N_FACTOR;
}

/** How our size compares with the best known one. */
export type Comparison = 'below' | 'equal' | 'above';

/** Size of one starting circuit (B2), or why there is none. */
export interface StartSize {
  /** `construction:<name>` (see problemConstructions), `shannon`, or `abc` (ABC's optimisation of the smallest construction). */
  readonly from: string;
  readonly size: number;
}

/** One instance's published result. */
export interface UpperBoundEntry {
  readonly id: string;
  readonly family: UpperBoundFamily;
  readonly n: number;
  readonly problem: string;
  readonly bestKnown: number;
  /** Every starting circuit's B2 size. */
  readonly starts: readonly StartSize[];
  /** The start improve ran from (the smallest; the first of equal ones) and its size. */
  readonly startFrom: string;
  readonly startSize: number;
  /** Our best B2 size (of the circuit file). */
  readonly size: number;
  readonly comparison: Comparison;
  /** Wall time of the instance (starts, improve, checks), seconds. */
  readonly seconds: number;
  /** Time limit of improve, seconds. */
  readonly timeoutSeconds: number;
  /** When the final size was first reached within improve, seconds. */
  readonly sizeAtSeconds: number;
  readonly solver: string;
  readonly seed: number;
  /** The circuit, relative to the results folder. */
  readonly circuit: string;
  /** Checks passed by the circuit file: exhaustive simulation always; ABC cec when installed. */
  readonly checks: { readonly simulation: true; readonly abcCec: 'equivalent' | 'unavailable'; readonly repeated: number };
  readonly version: string;
  readonly date: string;
  readonly command: string;
}

/** The JSON file. */
export interface UpperBoundsFile {
  readonly basis: 'B2';
  readonly source: string;
  readonly entries: readonly UpperBoundEntry[];
}

/** Parameters of {@link runUpperBounds}. */
export interface UpperBoundsParams {
  /** The results folder. */
  readonly dir: string;
  /** Time limit of improve per instance with n <= 8, seconds (3x above); default {@link UPPER_BOUNDS_TIMEOUT_SECONDS}. */
  readonly timeoutSeconds?: number;
  /** Only instances whose id (`SUM_5`) or problem (`sum:5`) matches. */
  readonly only?: RegExp;
  /** Re-run instances already in the JSON (the smaller circuit is kept). */
  readonly retry?: boolean;
  readonly seed?: number;
  readonly backend?: BackendName | 'auto';
  /** Use ABC (start and cec) when installed (default true). */
  readonly abc?: boolean;
  /** The instance list (default {@link upperBoundInstances}; tests pass their own). */
  readonly instances?: readonly UpperBoundInstance[];
  /** Further improve parameters (tests). */
  readonly improve?: Partial<ImproveParams>;
  /** Injected ABC cec (tests); used even when ABC is not installed. */
  readonly cec?: (spec: FunctionSpec, circuit: Circuit) => AbcCecOutcome;
  readonly command?: string;
  readonly log?: (line: string) => void;
}

/** What {@link runUpperBounds} did. */
export interface UpperBoundsResult {
  /** Ids solved by this run. */
  readonly ran: readonly string[];
  /** Ids skipped because the JSON has them. */
  readonly skipped: readonly string[];
  /** Ids whose circuit failed a check (nothing published for them). */
  readonly failed: readonly string[];
  /** Ids below the best known size (after this run). */
  readonly below: readonly string[];
  readonly entries: readonly UpperBoundEntry[];
  readonly files: readonly string[];
}

/** Reads DIR/tables/upper-bounds.json (empty when absent). @throws ValidationError `bad-json` (not JSON) or `bad-result` (not the expected shape). */
export function readUpperBounds(dir: string): UpperBoundsFile {
  const path = join(dir, UPPER_BOUNDS_LAYOUT.json);
  if (!existsSync(path)) return { basis: BASIS, source: BEST_KNOWN_SOURCE, entries: [] };
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ValidationError(`${path}: not JSON (${(e as Error).message})`, 'bad-json');
  }
  const entries = (j as { entries?: unknown }).entries;
  if (!Array.isArray(entries) || entries.some((e) => typeof (e as { id?: unknown })?.id !== 'string' || typeof (e as { size?: unknown }).size !== 'number')) {
    throw new ValidationError(`${path}: expected {"entries": [{"id": ..., "size": ...}, ...]}`, 'bad-result');
  }
  return { basis: BASIS, source: BEST_KNOWN_SOURCE, entries: entries as UpperBoundEntry[] };
}

function comparisonOf(size: number, bestKnown: number): Comparison {
  return size < bestKnown ? 'below' : size === bestKnown ? 'equal' : 'above';
}

function b2Size(c: Circuit): { circuit: Circuit; size: number } {
  const b2 = toBasis(c, BASIS);
  const cost = circuitCost(b2, BASIS);
  if (!cost.inBasis) throw new InternalError(`internal error: conversion into ${BASIS} left a gate outside it: ${cost.reason}`);
  return { circuit: b2, size: cost.size };
}

/** Runs the attempt (see the module notes). */
export async function runUpperBounds(p: UpperBoundsParams): Promise<UpperBoundsResult> {
  const log = p.log ?? (() => {});
  const base = p.timeoutSeconds ?? UPPER_BOUNDS_TIMEOUT_SECONDS;
  const seed = p.seed ?? 1;
  const useAbc = p.abc !== false && abcAvailable();
  const backend = await resolveBackendName(p.backend ?? 'auto');
  const improveParams = { ...p.improve };
  const solver = `waterloo improve (${BASIS}, windows of <= ${improveParams.windowInputs ?? DEFAULT_IMPROVE_PARAMS.windowInputs} inputs and <= ${improveParams.windowSize ?? DEFAULT_IMPROVE_PARAMS.windowSize} gates, SAT backend ${backend})`;
  const command = p.command ?? 'waterloo results upper-bounds';
  const version = waterlooVersion();
  const at = (rel: string): string => join(p.dir, rel);

  const file = readUpperBounds(p.dir);
  const byId = new Map(file.entries.map((e) => [e.id, e]));
  const instances = (p.instances ?? upperBoundInstances()).filter((i) => !p.only || p.only.test(i.id) || p.only.test(i.problem));
  const ran: string[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  const files = new Set<string>();
  const order = new Map(upperBoundInstances().map((i, k) => [i.id, k]));
  const publish = (): void => {
    const entries = [...byId.values()].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) || a.id.localeCompare(b.id));
    const out: UpperBoundsFile = { basis: BASIS, source: BEST_KNOWN_SOURCE, entries };
    writeFileAtomic(at(UPPER_BOUNDS_LAYOUT.json), JSON.stringify(out, null, 1) + '\n');
    writeFileAtomic(at(UPPER_BOUNDS_LAYOUT.markdown), formatUpperBoundsMarkdown(out));
    files.add(UPPER_BOUNDS_LAYOUT.json).add(UPPER_BOUNDS_LAYOUT.markdown);
  };
  const verify = (spec: FunctionSpec, c: Circuit) => verifyUpperBoundCircuit(spec, c, BASIS, p.cec ? { cec: p.cec } : { abc: useAbc });

  log(`upper bounds: ${instances.length} instances, improve ${base} s per instance with n <= ${SMALL_N_MAX} and ${base * LARGE_N_FACTOR} s above, seed ${seed}, ${solver}; ABC ${useAbc ? 'used (start and cec)' : 'not used'}`);
  for (const inst of instances) {
    const old = byId.get(inst.id);
    if (old && !p.retry) {
      skipped.push(inst.id);
      continue;
    }
    const t0 = performance.now();
    const timeout = upperBoundTimeout(inst.n, base);
    const spec = parseProblem(inst.problem).spec;
    const candidates: { from: string; circuit: Circuit; size: number }[] = [];
    const offer = (from: string, c: Circuit | undefined): void => {
      if (c === undefined) return;
      if (!specSatisfiedBy(spec, simulateTruthTables(c))) {
        if (from === 'abc') return log(`  ${inst.id}: ABC's circuit does not meet the spec; not used`);
        throw new InternalError(`internal error: the ${from} circuit of ${inst.problem} does not meet its spec`);
      }
      candidates.push({ from, ...b2Size(c) });
    };
    for (const c of problemConstructions(parseProblem(inst.problem))) offer(`construction:${c.name}`, c.circuit);
    const smallest = (): { from: string; circuit: Circuit; size: number } => candidates.reduce((a, b) => (b.size < a.size ? b : a));
    if (useAbc && candidates.length) offer('abc', abcOptimize(smallest().circuit));
    offer('shannon', shannonCircuit(spec));
    const start = smallest();
    const r = await improve(start.circuit, { ...improveParams, basis: BASIS, timeLimitMs: timeout * 1000, seed, backend });
    const best = r.sizeAfter < start.size ? r.circuit : start.circuit;

    const rel = `${UPPER_BOUNDS_LAYOUT.circuits}/${inst.id}.bench`;
    const tmpRel = `${UPPER_BOUNDS_LAYOUT.circuits}/.${inst.id}.candidate.bench`;
    // the file is what gets verified: write it, read it back, check that
    writeFileAtomic(at(tmpRel), writeBench(best));
    // the file is what gets verified: read it back and check that (twice more when it is below the best known size)
    const readBack = (): Circuit => parseBench(readFileSync(at(tmpRel)), { fileName: at(tmpRel) });
    let check: ReturnType<typeof verify>;
    let repeated = 0;
    try {
      check = verify(spec, readBack());
      if (check.ok && check.size < inst.bestKnown) {
        log(`  ${inst.id}: size ${check.size} is BELOW the best known ${inst.bestKnown}; checking the file twice more`);
        for (; repeated < 2; repeated++) {
          const again = verify(spec, readBack());
          if (!again.ok || again.size !== check.size) throw new InternalError(`internal error: ${inst.id}: a re-check of the circuit below the best known size failed: ${again.ok ? `size ${again.size}` : again.reason}`);
        }
      }
      if (check.ok && !(old && old.size <= check.size)) {
        writeFileAtomic(at(rel), readFileSync(at(tmpRel)));
        files.add(rel);
      }
    } finally {
      rmSync(at(tmpRel), { force: true });
    }
    if (!check.ok) {
      failed.push(inst.id);
      log(`  ${inst.id}: REFUSED, the circuit failed a check: ${check.reason}`);
      continue;
    }
    ran.push(inst.id);
    if (old && old.size <= check.size) {
      log(`  ${inst.id}: size ${check.size}, not smaller than the published ${old.size}; kept the published one`);
      continue;
    }
    const seconds = (performance.now() - t0) / 1000;
    const entry: UpperBoundEntry = {
      id: inst.id, family: inst.family, n: inst.n, problem: inst.problem, bestKnown: inst.bestKnown,
      starts: candidates.map((c) => ({ from: c.from, size: c.size })), startFrom: start.from, startSize: start.size,
      size: check.size, comparison: comparisonOf(check.size, inst.bestKnown),
      seconds: Number(seconds.toFixed(1)), timeoutSeconds: timeout, sizeAtSeconds: Number((r.stats.finalSizeAtMs / 1000).toFixed(1)),
      solver, seed, circuit: rel, checks: { simulation: true, abcCec: check.abc, repeated },
      version, date: new Date().toISOString(), command,
    };
    byId.set(inst.id, entry);
    publish();
    log(`  ${inst.id} (${inst.problem}): start ${start.size} (${start.from}) -> ${check.size}, best known ${inst.bestKnown}: ${entry.comparison.toUpperCase()} (${seconds.toFixed(1)} s; ABC cec ${check.abc})`);
  }
  if (!files.size && byId.size) publish();
  const entries = [...byId.values()];
  return { ran, skipped, failed, below: entries.filter((e) => e.comparison === 'below').map((e) => e.id), entries, files: [...files].sort() };
}
