/**
 * The NPN census's classes and its JSON-lines entry format: every NPN class
 * of n-input functions with its number of functions, and the one-line entry
 * per solved class that the published census files (results/census/*.jsonl)
 * hold. The census itself is solved as sweep instances into the results
 * store (sweep/census.ts); these files are its export, and old ones are
 * read back here (and imported, re-checked, by sweep/census-jsonl.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BasisName } from '../core/basis.js';
import { UsageError } from '../errors.js';
import { npnCanonize } from '../tt/npn.js';
import { fromWords, toHex, wordCount } from '../tt/truth-table.js';
import type { EncoderName } from './types.js';

/** Largest n for which the census enumerates all functions (2^(2^n) of them). */
export const MAX_CENSUS_INPUTS = 4;

/** One NPN class as a census file line (the JSON-lines export of the census). */
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

/** Reads the optimal entries of a census file (JSON lines) for (inputs, basis), by representative; unparsable lines (a torn last line) are skipped. Used by the census table; imports into a store go through importCensusJsonl, which re-checks every entry. */
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

