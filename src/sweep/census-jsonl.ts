/**
 * The census's JSON-lines files (results/census/census-<basis>-n<N>.jsonl,
 * one solved class per line, as `waterloo census` wrote them before it
 * stored into the results store): imported into a store, each entry
 * re-checked first, and written back from a store as an export.
 *
 * An entry is a claim, not a fact: on import its circuit is simulated
 * against the class function and its size recomputed ({@link verifyRecord}),
 * and its representative and function count must be those of an NPN class;
 * a refused entry is named (file, line, reason) and not stored.
 */
import type { BasisName } from '../core/basis.js';
import { WaterlooError } from '../errors.js';
import { parseProblem } from '../problems/parse-problem.js';
import { specKeyOf } from '../store/spec-key.js';
import type { ResultsStore, StoreRecord } from '../store/types.js';
import { verifyRecord } from '../store/verify-record.js';
import { MAX_CENSUS_INPUTS, npnClassSizes, type CensusEntry } from '../synth/census.js';
import type { EncoderName } from '../synth/types.js';
import { readInputFile } from '../util/read-input.js';
import { censusEntryOf, censusInstanceName } from './census.js';

// the classes of n inputs, computed once (n = 4 canonises all 65,536 functions)
const classCache = new Map<number, Map<string, number>>();
function classSizes(inputs: number): Map<string, number> {
  let sizes = classCache.get(inputs);
  if (sizes === undefined) classCache.set(inputs, (sizes = npnClassSizes(inputs)));
  return sizes;
}

/** Outcome of {@link importCensusJsonl}. */
export interface CensusImport {
  /** Entries read (whole lines). */
  readonly entries: number;
  /** Entries that passed the checks (stored unless the store held an equal or better record). */
  readonly accepted: number;
  /** Records the store took (new, or better than the one it held). */
  readonly stored: number;
  /** Refused entries, one line each: `file:line: reason`. */
  readonly refused: readonly string[];
  /** Bytes of a torn last line (an append interrupted before its newline), skipped; 0 when the file ends cleanly. */
  readonly tornTailBytes: number;
}

/**
 * The store record an entry claims (its instance is `tt:n:REP`), or why
 * the entry cannot be one. The record still has to pass verifyRecord.
 */
export function recordOfCensusEntry(e: CensusEntry, source: string): StoreRecord | string {
  if (typeof e !== 'object' || e === null) return 'not an entry';
  if (!Number.isInteger(e.inputs) || e.inputs < 0 || e.inputs > MAX_CENSUS_INPUTS) return `inputs ${String(e.inputs)} is not 0..${MAX_CENSUS_INPUTS}`;
  if (typeof e.representative !== 'string') return 'no representative';
  const count = classSizes(e.inputs).get(e.representative.toLowerCase());
  if (count === undefined) return `${e.representative} is not the representative of an NPN class of ${e.inputs}-input functions`;
  if (e.functions !== count) return `class ${e.representative} has ${count} functions, the entry claims ${String(e.functions)}`;
  let problem;
  try {
    problem = parseProblem(censusInstanceName(e.inputs, e.representative));
  } catch (err) {
    if (err instanceof WaterlooError) return err.message;
    throw err;
  }
  if (typeof e.ms !== 'number' || !Number.isFinite(e.ms)) return 'ms is not a number';
  return {
    problem: problem.name,
    basis: e.basis,
    encoder: typeof e.encoder === 'string' ? e.encoder : 'ssv',
    family: problem.family,
    params: [...problem.params],
    inputs: problem.spec.numInputs,
    outputs: 1,
    specKey: specKeyOf(problem.spec),
    status: e.status,
    size: e.size,
    lowerBound: e.lowerBound,
    evidence: e.evidence,
    circuit: e.circuit,
    solver: e.backend,
    seconds: e.ms / 1000,
    attempts: [],
    version: typeof e.version === 'string' ? e.version : 'unknown',
    command: `waterloo census (imported from ${source})`,
    host: 'unknown',
    createdAt: new Date().toISOString(),
  };
}

/**
 * Imports a census JSON-lines file into `store` (see the module notes). A
 * line that is not JSON is refused, except a torn last line (no newline
 * after it), which is skipped and reported in `tornTailBytes`.
 * @throws InputFileError when the file cannot be read.
 */
export function importCensusJsonl(path: string, store: ResultsStore): CensusImport {
  const text = readInputFile(path).toString('utf8');
  const lines = text.split('\n');
  // a file that does not end with a newline ends in a line whose write was interrupted, unless that line is whole
  const last = lines.length - 1;
  let tornTailBytes = 0;
  const refused: string[] = [];
  let entries = 0, accepted = 0, stored = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let e: CensusEntry;
    try {
      e = JSON.parse(line) as CensusEntry;
    } catch (err) {
      if (i === last) tornTailBytes = Buffer.byteLength(line);
      else refused.push(`${path}:${i + 1}: not a JSON entry (${(err as Error).message})`);
      return;
    }
    entries++;
    const r = recordOfCensusEntry(e, path);
    const check = typeof r === 'string' ? { ok: false as const, reason: r } : verifyRecord(r);
    if (!check.ok || typeof r === 'string') {
      refused.push(`${path}:${i + 1}: class ${String((e as Partial<CensusEntry>)?.representative)} refused: ${check.ok ? '' : check.reason}`);
      return;
    }
    accepted++;
    if (store.put(r)) stored++;
  });
  return { entries, accepted, stored, refused, tornTailBytes };
}

/**
 * The census JSON-lines export of a store: one line per class the store
 * holds as optimal (the census files hold proven optima only), in
 * increasing order of representative, in the format of the published files.
 */
export function formatCensusJsonl(store: ResultsStore, inputs: number, basis: BasisName, encoder: EncoderName): string {
  let out = '';
  for (const [rep, count] of classSizes(inputs)) {
    const r = store.get({ problem: censusInstanceName(inputs, rep), basis, encoder });
    if (r?.status === 'optimal') out += JSON.stringify(censusEntryOf(r, rep, count)) + '\n';
  }
  return out;
}
