/**
 * Function specifications: what to synthesise. A spec is a list of output
 * functions over the same inputs, each with an optional care set; the
 * don't-cares of output k are the minterms where `care[k]` is 0. A missing
 * care array or an `undefined` entry means "every minterm matters".
 * Specs are plain immutable data (percy's `spec` without the encoding knobs).
 */
import { ValidationError, UsageError } from '../errors.js';
import { fromHex, toHex, ttEqual, ttEqualOnCare, ttIsConst, type TruthTable } from './truth-table.js';

/**
 * The one limit on the inputs of a spec, wherever it comes from: `.truth`
 * and `.hex` files, `--tt --inputs`, `--problem`, a circuit file. Checked as
 * soon as the number of inputs is known, before any work on the tables
 * (a 24-input table costs minutes in NPN variable swaps before a time limit
 * applies).
 */
export const MAX_SPEC_INPUTS = 20;

/** A multi-output (incompletely specified) Boolean function. */
export interface FunctionSpec {
  /** Number of inputs; every table has this many variables. */
  readonly numInputs: number;
  /** One table per output; on don't-care minterms its bits are ignored. */
  readonly outputs: readonly TruthTable[];
  /** Per-output care sets (1 = the value matters); same length as `outputs` when present. */
  readonly care?: readonly (TruthTable | undefined)[];
}

/**
 * Checks the invariants of a spec and throws ValidationError (code
 * `bad-spec`) on the first violation: integer numInputs, every table of
 * that arity, care of the same length as outputs. Returns the spec.
 */
export function checkSpec(spec: FunctionSpec): FunctionSpec {
  const n = spec.numInputs;
  if (!Number.isInteger(n) || n < 0) throw new ValidationError(`spec has ${n} inputs`, 'bad-spec');
  spec.outputs.forEach((t, k) => {
    if (t.numVars !== n) throw new ValidationError(`output ${k} has ${t.numVars} variables, the spec has ${n} inputs`, 'bad-spec');
  });
  if (spec.care !== undefined) {
    if (spec.care.length !== spec.outputs.length) {
      throw new ValidationError(`spec has ${spec.outputs.length} outputs but ${spec.care.length} care sets`, 'bad-spec');
    }
    spec.care.forEach((c, k) => {
      if (c !== undefined && c.numVars !== n) throw new ValidationError(`care set ${k} has ${c.numVars} variables, the spec has ${n} inputs`, 'bad-spec');
    });
  }
  return spec;
}

/**
 * Builds and checks a spec. Care sets that are all ones are dropped, and the
 * `care` field is omitted when no output has don't-cares, so equal problems
 * get equal specs.
 */
export function makeSpec(numInputs: number, outputs: readonly TruthTable[], care?: readonly (TruthTable | undefined)[]): FunctionSpec {
  checkSpec({ numInputs, outputs, ...(care ? { care } : {}) });
  const cleaned = care?.map((c) => (c === undefined || ttIsConst(c, true) ? undefined : c));
  return cleaned?.some((c) => c !== undefined) ? { numInputs, outputs: [...outputs], care: cleaned } : { numInputs, outputs: [...outputs] };
}

/**
 * Spec from hex tables (waterloo/kitty order, MSB digit first):
 * `specFromHex(['e8'], 3)` is MAJ3. Optional care tables in hex, `undefined`
 * for fully specified outputs. Throws UsageError on bad hex.
 */
export function specFromHex(outputs: readonly string[], numInputs: number, care?: readonly (string | undefined)[]): FunctionSpec {
  return makeSpec(
    numInputs,
    outputs.map((h) => fromHex(h, numInputs)),
    care?.map((h) => (h === undefined ? undefined : fromHex(h, numInputs))),
  );
}

/** The care set of output k, or undefined when the output is fully specified. */
export function careOf(spec: FunctionSpec, k: number): TruthTable | undefined {
  return spec.care?.[k];
}

/** Whether the spec has any don't-care. */
export function hasDontCares(spec: FunctionSpec): boolean {
  return spec.care?.some((c) => c !== undefined && !ttIsConst(c, true)) ?? false;
}

/**
 * Whether `tables` (e.g. the simulated outputs of a circuit) implement the
 * spec: same number of outputs and arity, and equal on every care minterm.
 */
export function specSatisfiedBy(spec: FunctionSpec, tables: readonly TruthTable[]): boolean {
  if (tables.length !== spec.outputs.length) return false;
  for (let k = 0; k < tables.length; k++) {
    const t = tables[k]!, want = spec.outputs[k]!;
    if (t.numVars !== spec.numInputs) return false;
    const c = careOf(spec, k);
    if (c === undefined ? !ttEqual(t, want) : !ttEqualOnCare(t, want, c)) return false;
  }
  return true;
}

/** JSON form of a spec: tables as hex strings (MSB digit first). */
export interface FunctionSpecJson {
  readonly numInputs: number;
  readonly outputs: readonly string[];
  /** Present only when some output has don't-cares; `null` = fully specified output. */
  readonly care?: readonly (string | null)[];
}

/** Converts a spec to its JSON form (see {@link FunctionSpecJson}). */
export function specToJson(spec: FunctionSpec): FunctionSpecJson {
  const outputs = spec.outputs.map(toHex);
  if (!hasDontCares(spec)) return { numInputs: spec.numInputs, outputs };
  return { numInputs: spec.numInputs, outputs, care: spec.outputs.map((_, k) => { const c = careOf(spec, k); return c === undefined ? null : toHex(c); }) };
}

/** Parses the JSON form; throws UsageError (code `bad-spec`) on malformed data. */
export function specFromJson(json: unknown): FunctionSpec {
  const bad = (why: string): never => {
    throw new UsageError(`bad spec JSON: ${why}`, 'bad-spec');
  };
  if (typeof json !== 'object' || json === null) return bad('not an object');
  const o = json as Record<string, unknown>;
  const n = o['numInputs'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return bad('numInputs must be a non-negative integer');
  const outs = o['outputs'];
  if (!Array.isArray(outs) || !outs.every((x) => typeof x === 'string')) return bad('outputs must be an array of hex strings');
  const care = o['care'];
  if (care !== undefined && (!Array.isArray(care) || !care.every((x) => x === null || typeof x === 'string'))) {
    return bad('care must be an array of hex strings or nulls');
  }
  if (Array.isArray(care) && care.length !== outs.length) return bad(`${outs.length} outputs but ${care.length} care sets`);
  return specFromHex(outs as string[], n, (care as (string | null)[] | undefined)?.map((c) => c ?? undefined));
}
