/**
 * Fuzz drivers for the line-based readers (BENCH, BLIF): seeded text
 * mutations of real files, and fast-check round-trip properties. Seeded, no
 * Math.random.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { validateCircuit, type Circuit } from '../../src/core/circuit.js';
import { simulateRandom, simulateTruthTables } from '../../src/core/simulate.js';
import { WaterlooError } from '../../src/errors.js';
import { toHex } from '../../src/tt/truth-table.js';
import { mutateText } from '../../src/bench/fuzz-mutate.js';
import { Rng } from '../../src/util/rng.js';
import { arbitraryCircuit } from './arbitrary-circuit.js';

/** The `inputName` file of every golden fixture in `dir` (all subdirectories but `_error_`), as latin1 text. */
export function fixtureInputs(dir: string, inputName: string): string[] {
  return readdirSync(dir)
    .filter((d) => d !== '_error_')
    .map((d) => readFileSync(join(dir, d, inputName), 'latin1'));
}

/** A text-mutation fuzz run of one reader. */
export interface TextFuzz {
  /** Prefix of the printed lines, e.g. `bench-fuzz`. */
  readonly tag: string;
  readonly seed: number;
  readonly mutants: number;
  /** The texts that are mutated. */
  readonly corpus: readonly string[];
  /** Tokens the mutator inserts. */
  readonly dictionary: readonly string[];
  /** Parses a mutant (text or latin1 bytes). */
  readonly parse: (input: string | Buffer) => Circuit;
  /** Writes an accepted circuit and parses it back. */
  readonly roundTrip: (c: Circuit) => Circuit;
}

/**
 * Every mutant parses to a valid circuit that survives a write/read round
 * trip with the same functions, or fails with a WaterlooError; more than a
 * tenth must fail, and the whole run must take under 20 s.
 */
export function runTextFuzz(f: TextFuzz): void {
  console.log(`${f.tag}: seed ${f.seed}, ${f.mutants} mutants`);
  const rng = new Rng(f.seed);
  const base = f.corpus;
  const start = performance.now();
  let failures = 0;
  for (let k = 0; k < f.mutants; k++) {
    let text = base[rng.below(base.length)]!;
    const rounds = 1 + rng.below(3);
    for (let r = 0; r < rounds; r++) text = mutateText(text, rng, f.dictionary);
    const asBytes = rng.below(4) === 0;
    let c;
    try {
      c = f.parse(asBytes ? Buffer.from(text, 'latin1') : text);
    } catch (e) {
      if (!(e instanceof WaterlooError)) throw new Error(`mutant ${k} threw a non-WaterlooError: ${String(e)}\n---\n${text}`);
      failures++;
      continue;
    }
    validateCircuit(c);
    // what we accept, we can write and read back to the same functions
    const back = f.roundTrip(c);
    expect(simulateRandom(back, 64, k)).toEqual(simulateRandom(c, 64, k));
    expect(back.outputNames.length).toBe(c.outputNames.length);
  }
  const ms = performance.now() - start;
  console.log(`${f.tag}: ${failures} rejected, ${f.mutants - failures} accepted, ${ms.toFixed(0)} ms`);
  expect(failures).toBeGreaterThan(f.mutants / 10);
  expect(ms).toBeLessThan(20_000);
}

/** Truth tables of every output, in hex. */
export function tables(c: Circuit): string[] {
  return simulateTruthTables(c).map(toHex);
}

/** Property: for any circuit, `roundTrip(c)` is valid and keeps the truth tables and the input/output names. */
export function assertRoundTripKeepsFunctionsAndNames(roundTrip: (c: Circuit) => Circuit, seed: number, numRuns: number): void {
  fc.assert(
    fc.property(arbitraryCircuit(), (c) => {
      const d = roundTrip(c);
      validateCircuit(d);
      expect(tables(d)).toEqual(tables(c));
      expect(d.inputNames).toEqual(c.inputNames);
      expect(d.outputNames).toEqual(c.outputNames);
    }),
    { seed, numRuns },
  );
}

export { mutateText };
