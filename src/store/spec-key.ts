/** The key under which a store groups instances that compute the same function up to NPN. */
import { createHash } from 'node:crypto';
import { MAX_EXACT_NPN_VARS, npnCanonize } from '../tt/npn.js';
import { hasDontCares, specToJson, type FunctionSpec } from '../tt/spec.js';
import { toHex } from '../tt/truth-table.js';

/**
 * Canonical key of a function (see {@link StoreRecord.specKey}):
 * `npn:<n>:<hex>` with the exact NPN representative for one fully specified
 * output of at most {@link MAX_EXACT_NPN_VARS} inputs, else `sha256:<hex>` of
 * the spec's JSON. The input count is part of the NPN key because hex alone
 * does not fix it (`2` is both x0 on one input and x0 & !x1 on two).
 */
export function specKeyOf(spec: FunctionSpec): string {
  if (spec.outputs.length === 1 && !hasDontCares(spec) && spec.numInputs <= MAX_EXACT_NPN_VARS) {
    return `npn:${spec.numInputs}:${toHex(npnCanonize(spec.outputs[0]!).representative)}`;
  }
  return `sha256:${createHash('sha256').update(JSON.stringify(specToJson(spec))).digest('hex')}`;
}

