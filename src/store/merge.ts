/**
 * Merging stores (shards run on other machines, or a colleague's results):
 * every record of the inputs is put into the output, which keeps the better
 * record per key (better-record.ts), so the result does not depend on the
 * order of the inputs and merging twice changes nothing.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { openStore } from './sqlite-store.js';
import { verifyRecord } from './verify-record.js';

/** What one input contributed. */
export interface MergeInputReport {
  readonly path: string;
  /** Records in the input. */
  readonly records: number;
  /** Records stored in the output (new keys or better than what it held). */
  readonly stored: number;
  /** Records refused by {@link verifyRecord} (never stored), with why. */
  readonly refused: readonly RefusedRecord[];
}

/** A record that failed {@link verifyRecord}: which instance, and why. */
export interface RefusedRecord {
  readonly problem: string;
  readonly basis: string;
  readonly encoder: string;
  readonly reason: string;
}

/** Outcome of {@link mergeStores}. */
export interface MergeReport {
  readonly into: string;
  readonly inputs: readonly MergeInputReport[];
  /** Records in the output before and after. */
  readonly before: number;
  readonly after: number;
}

const same = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

/**
 * Merges the stores `from` into `into` (created if absent). Inputs must
 * exist and be waterloo stores; each input is read and written in one
 * transaction, so an interrupted merge can simply be run again. Every input
 * record is re-checked ({@link verifyRecord}); refused ones are reported per
 * input and not stored.
 * @throws UsageError when an input is the output; ValidationError for a file that is not a store.
 */
export async function mergeStores(into: string, from: readonly string[]): Promise<MergeReport> {
  if (from.length === 0) throw new UsageError('merge: no input store given');
  for (const f of from) if (same(f, into)) throw new UsageError(`merge: input ${f} is the output store`);
  const out = await openStore(into);
  try {
    const before = out.count();
    const inputs: MergeInputReport[] = [];
    for (const f of from) {
      const src = await openStore(f, { readonly: true });
      try {
        const records = src.list();
        // a store from elsewhere is a set of claims: each record is re-checked before it can replace one of ours
        const refused: RefusedRecord[] = [];
        const accepted = records.filter((r) => {
          const check = verifyRecord(r);
          if (!check.ok) refused.push({ problem: String(r.problem), basis: String(r.basis), encoder: String(r.encoder), reason: check.reason });
          return check.ok;
        });
        inputs.push({ path: src.path, records: records.length, stored: out.putMany(accepted), refused });
      } finally {
        src.close();
      }
    }
    return { into: out.path, inputs, before, after: out.count() };
  } finally {
    out.close();
  }
}
