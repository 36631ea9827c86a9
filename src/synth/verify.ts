/**
 * Checking a circuit against a function spec by exhaustive simulation, with
 * don't-cares respected. Used by the synthesis driver on every decoded
 * circuit before it is returned, and by CEGAR to find counterexample rows.
 */
import type { Circuit } from '../core/circuit.js';
import { simulateTruthTables } from '../core/simulate.js';
import { UsageError } from '../errors.js';
import { careOf, type FunctionSpec } from '../tt/spec.js';
import type { TruthTable } from '../tt/truth-table.js';

/** Outcome of {@link verifyCircuit}: ok, or the first wrong output and minterm. */
export type VerifyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly output: number; readonly minterm: number; readonly expected: boolean; readonly actual: boolean };

function checkShape(c: Circuit, spec: FunctionSpec): void {
  if (c.numInputs !== spec.numInputs) throw new UsageError(`circuit has ${c.numInputs} inputs, the spec ${spec.numInputs}`, 'spec-mismatch');
  if (c.outputs.length !== spec.outputs.length) throw new UsageError(`circuit has ${c.outputs.length} outputs, the spec ${spec.outputs.length}`, 'spec-mismatch');
}

/** Index of the first minterm where `got` and `want` differ on `care` (all minterms when undefined), or -1. */
function firstDifference(got: TruthTable, want: TruthTable, care: TruthTable | undefined): number {
  for (let w = 0; w < got.words.length; w++) {
    let diff = (got.words[w]! ^ want.words[w]!) >>> 0;
    if (care !== undefined) diff = (diff & care.words[w]!) >>> 0;
    if (diff !== 0) return w * 32 + (31 - Math.clz32(diff & -diff));
  }
  return -1;
}

/**
 * Simulates `c` exhaustively and compares every output with the spec on its
 * care set. Throws UsageError (code `spec-mismatch`) when the input/output
 * counts differ.
 */
export function verifyCircuit(c: Circuit, spec: FunctionSpec): VerifyResult {
  checkShape(c, spec);
  const tables = simulateTruthTables(c);
  for (let h = 0; h < tables.length; h++) {
    const t = firstDifference(tables[h]!, spec.outputs[h]!, careOf(spec, h));
    if (t >= 0) return { ok: false, output: h, minterm: t, expected: spec.outputs[h]!.get(t), actual: tables[h]!.get(t) };
  }
  return { ok: true };
}

/**
 * Counterexample minterms for CEGAR: for each wrong output, its first wrong
 * care minterm (deduplicated, ascending). Empty when the circuit is correct.
 */
export function counterexampleRows(c: Circuit, spec: FunctionSpec): number[] {
  checkShape(c, spec);
  const tables = simulateTruthTables(c);
  const rows = new Set<number>();
  for (let h = 0; h < tables.length; h++) {
    const t = firstDifference(tables[h]!, spec.outputs[h]!, careOf(spec, h));
    if (t >= 0) rows.add(t);
  }
  return [...rows].sort((a, b) => a - b);
}
