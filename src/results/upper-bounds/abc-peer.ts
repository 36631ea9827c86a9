/**
 * ABC (the `berkeley-abc` binary) as an independent peer of the upper-bound
 * attempt: its combinational equivalence check (`cec`) of a circuit against
 * the spec's truth tables, and its optimisation scripts as one more starting
 * circuit. Every call runs in a fresh temporary folder; a missing or failing
 * ABC is an outcome, never an exception.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Circuit } from '../../core/circuit.js';
import { parseAiger } from '../../io/aiger-read.js';
import { writeAiger } from '../../io/aiger-write.js';
import { writeBench } from '../../io/bench-write.js';
import type { FunctionSpec } from '../../tt/spec.js';
import { toBinary, toHex, type TruthTable } from '../../tt/truth-table.js';

/** The ABC executable (Debian's name). */
export const ABC_BINARY = 'berkeley-abc';

/** `resyn2` spelled out (the Debian ABC has no abc.rc aliases). */
const RESYN2 = 'balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; refactor -z; rewrite -z; balance';
/** The script of {@link abcOptimize}: resyn2 three times, then dc2 twice. */
export const ABC_OPTIMIZE_SCRIPT = `${RESYN2}; ${RESYN2}; ${RESYN2}; dc2; dc2`;

/** Whether ABC can be run here. */
export function abcAvailable(): boolean {
  const r = spawnSync(ABC_BINARY, ['-c', 'quit'], { encoding: 'utf8', timeout: 30_000 });
  return r.error === undefined && r.status === 0;
}

/** Outcome of {@link abcCecAgainstSpec}. */
export type AbcCecOutcome =
  | { readonly status: 'equivalent' }
  | { readonly status: 'not-equivalent'; readonly output: string }
  | { readonly status: 'unavailable' }
  | { readonly status: 'failed'; readonly output: string };

function runAbc(dir: string, script: string, timeoutMs: number): { ok: boolean; text: string } {
  writeFileSync(join(dir, 'script.abc'), script + '\n');
  const r = spawnSync(ABC_BINARY, ['-f', join(dir, 'script.abc')], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 26 });
  return { ok: r.error === undefined && r.status === 0, text: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

/**
 * ABC's `cec` of `circuit` (written as BENCH, the published format) against
 * the spec: ABC builds its own reference from the truth tables
 * (`read_truth -f`, one table per output, MSB first, strashed), and the two
 * are matched by input and output order. Specs with don't-cares are not
 * supported (reported as failed).
 */
export function abcCecAgainstSpec(spec: FunctionSpec, circuit: Circuit, timeoutMs = 300_000): AbcCecOutcome {
  if (!abcAvailable()) return { status: 'unavailable' };
  if (spec.care?.some((c) => c !== undefined)) return { status: 'failed', output: 'spec has don\'t-cares' };
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-abc-cec-'));
  try {
    // ABC refuses a one-digit hex table (2 inputs), so small specs go in binary (-x), MSB first like the hex
    const binary = spec.numInputs <= 4;
    const table = (t: TruthTable): string => (binary ? toBinary(t) : toHex(t));
    writeFileSync(join(dir, 'spec.truth'), spec.outputs.map(table).join('\n') + '\n');
    writeFileSync(join(dir, 'circuit.bench'), writeBench(circuit));
    const r = runAbc(dir, `read_truth ${binary ? '-x ' : ''}-f ${join(dir, 'spec.truth')}\nstrash\nwrite_aiger ${join(dir, 'ref.aig')}\ncec -n -C 1000000 -T 240 ${join(dir, 'ref.aig')} ${join(dir, 'circuit.bench')}`, timeoutMs);
    if (/Networks are equivalent/.test(r.text)) return { status: 'equivalent' };
    if (/NOT EQUIVALENT/i.test(r.text)) return { status: 'not-equivalent', output: lastLines(r.text) };
    return { status: 'failed', output: lastLines(r.text) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `circuit` optimised by ABC ({@link ABC_OPTIMIZE_SCRIPT} on its AIG), read
 * back as an AIG; undefined when ABC is missing or fails. The caller checks
 * the result against the spec.
 */
export function abcOptimize(circuit: Circuit, timeoutMs = 120_000): Circuit | undefined {
  if (!abcAvailable()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-abc-opt-'));
  try {
    writeFileSync(join(dir, 'in.aig'), writeAiger(circuit, { binary: true, symbols: false }));
    const r = runAbc(dir, `read ${join(dir, 'in.aig')}\nstrash\n${ABC_OPTIMIZE_SCRIPT}\nwrite_aiger ${join(dir, 'out.aig')}`, timeoutMs);
    if (!r.ok) return undefined;
    return parseAiger(readFileSync(join(dir, 'out.aig')));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
