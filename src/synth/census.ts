/**
 * The NPN census: the minimum circuit size of every NPN class of n-input
 * functions in a basis, and how many classes and functions have each size.
 * Results are cached class by class in a durable append-only store (JSON
 * lines), so an interrupted census resumes where it stopped.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BasisName } from '../core/basis.js';
import { InternalError, UsageError } from '../errors.js';
import type { BackendName } from '../sat/registry.js';
import { npnCanonize } from '../tt/npn.js';
import { makeSpec } from '../tt/spec.js';
import { fromHex, fromWords, toHex, wordCount } from '../tt/truth-table.js';
import { formatListing } from '../io/listing.js';
import { synthesize } from './synthesize.js';
import type { EncoderName } from './types.js';

/** Largest n for which the census enumerates all functions (2^(2^n) of them). */
export const MAX_CENSUS_INPUTS = 4;

/** Parameters of {@link census}. */
export interface CensusParams {
  readonly inputs: number;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  readonly backend: BackendName | 'auto';
  /** Append-only store (JSON lines); entries already there are reused. */
  readonly storePath?: string;
  /** Time limit per class (ms); a class that runs out is recorded as unknown. */
  readonly classTimeLimitMs?: number;
  /** Classes solved concurrently (default 2: both cores with a native backend). */
  readonly jobs?: number;
  /** Version string recorded in every entry. */
  readonly version?: string;
  /** Called after each class. */
  readonly onProgress?: (done: number, total: number, entry: CensusEntry) => void;
  /** Called with a message when the store needed repair (a torn last line was cut off). */
  readonly onWarning?: (message: string) => void;
}

/** One NPN class in the store. */
export interface CensusEntry {
  readonly inputs: number;
  readonly basis: BasisName;
  /** The class representative (smallest table of the class), hex. */
  readonly representative: string;
  /** Number of functions in the class. */
  readonly functions: number;
  readonly status: 'optimal' | 'feasible' | 'unknown';
  readonly size?: number;
  readonly lowerBound: number;
  /** How the lower bound is known: `unsat` at size-1 (with the CNF hashes) or the trivial argument. */
  readonly evidence: { readonly kind: 'unsat'; readonly size: number; readonly cnfSha256: readonly string[] } | { readonly kind: 'argument'; readonly text: string } | { readonly kind: 'none' };
  readonly encoder: EncoderName;
  readonly backend: string;
  readonly ms: number;
  readonly circuit?: string;
  readonly version?: string;
}

/** The census: counts by size, plus every entry. */
export interface CensusResult {
  readonly inputs: number;
  readonly basis: BasisName;
  /** Number of NPN classes with each minimum size ("unknown" for unsolved classes). */
  readonly classes: Record<string, number>;
  /** Number of functions with each minimum size. */
  readonly functions: Record<string, number>;
  readonly entries: readonly CensusEntry[];
  readonly stats: { readonly classes: number; readonly reused: number; readonly solved: number; readonly ms: number; readonly tornTailBytes: number };
}

/** Every NPN class of n-input functions with its number of functions, by representative hex, in increasing order. */
export function npnClassSizes(n: number): Map<string, number> {
  if (n > MAX_CENSUS_INPUTS) throw new UsageError(`the census enumerates all functions and is limited to ${MAX_CENSUS_INPUTS} inputs`, 'census-size');
  const counts = new Map<string, number>();
  const total = 2 ** 2 ** n;
  for (let f = 0; f < total; f++) {
    const w = new Uint32Array(wordCount(n));
    w[0] = f;
    const rep = toHex(npnCanonize(fromWords(n, w)).representative);
    counts.set(rep, (counts.get(rep) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => parseInt(a[0], 16) - parseInt(b[0], 16)));
}

/** Reads the entries of a store for one (inputs, basis, encoder); a torn last line is ignored. */
export function readCensusStore(path: string, inputs: number, basis: BasisName): Map<string, CensusEntry> {
  const out = new Map<string, CensusEntry>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let e: CensusEntry;
    try {
      e = JSON.parse(line) as CensusEntry;
    } catch {
      continue; // a line torn by an interrupted write
    }
    if (e.inputs === inputs && e.basis === basis && e.status === 'optimal') out.set(e.representative, e);
  }
  return out;
}

/**
 * Cuts a torn last line (an append interrupted before its newline) off the
 * store, so that the next append starts a line of its own instead of being
 * glued onto the fragment (which would lose both). Returns the bytes removed.
 */
export function repairTornTail(path: string): number {
  if (!existsSync(path)) return 0;
  const bytes = readFileSync(path);
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return 0;
  const keep = bytes.lastIndexOf(0x0a) + 1;
  truncateSync(path, keep);
  return bytes.length - keep;
}

function appendEntry(path: string, e: CensusEntry): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, JSON.stringify(e) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Solves one class. */
async function solveClass(rep: string, functions: number, p: CensusParams): Promise<CensusEntry> {
  const spec = makeSpec(p.inputs, [fromHex(rep, p.inputs)]);
  const t0 = performance.now();
  const r = await synthesize(spec, {
    basis: p.basis,
    encoder: p.encoder,
    backend: p.backend,
    ...(p.classTimeLimitMs ? { timeLimitMs: p.classTimeLimitMs } : {}),
  });
  const ms = Math.round(performance.now() - t0);
  const base = { inputs: p.inputs, basis: p.basis, representative: rep, functions, encoder: r.stats.encoder, backend: r.stats.backend, ms, ...(p.version ? { version: p.version } : {}) };
  switch (r.status) {
    case 'optimal':
      return {
        ...base,
        status: 'optimal',
        size: r.size,
        lowerBound: r.size,
        evidence: r.lowerBound ? { kind: 'unsat', size: r.lowerBound.size, cnfSha256: r.lowerBound.instances.map((i) => i.cnfSha256) } : { kind: 'argument', text: r.lowerBoundArgument ?? '' },
        circuit: formatListing(r.circuit),
      };
    case 'feasible':
      return { ...base, status: 'feasible', size: r.size, lowerBound: r.provenLowerBound, evidence: { kind: 'none' }, circuit: formatListing(r.circuit) };
    case 'unknown':
      return { ...base, status: 'unknown', lowerBound: r.provenLowerBound, evidence: { kind: 'none' } };
    case 'infeasible':
      throw new InternalError(`internal error: class ${rep} reported infeasible without a depth bound`);
  }
}

/** Runs (or resumes) the census. */
export async function census(p: CensusParams): Promise<CensusResult> {
  const t0 = performance.now();
  const sizes = npnClassSizes(p.inputs);
  const tornTailBytes = p.storePath ? repairTornTail(p.storePath) : 0;
  if (tornTailBytes > 0) p.onWarning?.(`${p.storePath}: cut off a torn last line (${tornTailBytes} bytes of an interrupted write); its class is solved again`);
  const stored = p.storePath ? readCensusStore(p.storePath, p.inputs, p.basis) : new Map<string, CensusEntry>();
  const entries = new Map<string, CensusEntry>();
  const todo: [string, number][] = [];
  for (const [rep, count] of sizes) {
    const e = stored.get(rep);
    if (e && e.functions === count) entries.set(rep, e);
    else todo.push([rep, count]);
  }
  const reused = entries.size;
  let next = 0;
  let done = reused;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const [rep, count] = todo[next++]!;
      const e = await solveClass(rep, count, p);
      if (p.storePath && e.status === 'optimal') appendEntry(p.storePath, e);
      entries.set(rep, e);
      p.onProgress?.(++done, sizes.size, e);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, p.jobs ?? 2) }, worker));
  const classes: Record<string, number> = {};
  const functions: Record<string, number> = {};
  const ordered = [...sizes.keys()].map((rep) => entries.get(rep)!);
  for (const e of ordered) {
    const key = e.status === 'optimal' ? String(e.size) : 'unknown';
    classes[key] = (classes[key] ?? 0) + 1;
    functions[key] = (functions[key] ?? 0) + e.functions;
  }
  return { inputs: p.inputs, basis: p.basis, classes, functions, entries: ordered, stats: { classes: sizes.size, reused, solved: todo.length, ms: Math.round(performance.now() - t0), tornTailBytes } };
}
