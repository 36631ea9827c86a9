/**
 * Loads a census file (the JSON-lines export of `waterloo census`) as a
 * column of the census table, with the class and function totals that tell
 * whether it is complete.
 */
import { join } from 'node:path';
import type { BasisName } from '../core/basis.js';
import { npnClassSizes, readCensusStore } from '../synth/census.js';
import type { CensusColumnInput } from './census-table.js';

/** Default census store of (basis, inputs) under `dir`, as `waterloo census` names it. */
export function censusStorePath(dir: string, basis: BasisName, inputs: number): string {
  return join(dir, `census-${basis.toLowerCase()}-n${inputs}.jsonl`);
}

/** The solved classes of one census store, with the totals of its input count. */
export function loadCensusColumn(path: string, basis: BasisName, inputs: number): CensusColumnInput {
  const classes = npnClassSizes(inputs);
  return { basis, inputs, entries: [...readCensusStore(path, inputs, basis).values()], totalClasses: classes.size, totalFunctions: 2 ** 2 ** inputs };
}
