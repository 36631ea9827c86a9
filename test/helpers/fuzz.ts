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

function lines(t: string): string[] {
  return t.split(/(?<=\n)/);
}

/** One random mutation of `text` (BENCH or BLIF): character edits, line edits, or a dictionary token. */
export function mutateText(text: string, rng: Rng, dictionary: readonly string[]): string {
  const at = (): number => rng.below(text.length + 1);
  switch (rng.below(10)) {
    case 0: {
      // replace a character by a random printable or control character
      const i = at();
      return text.slice(0, i) + String.fromCharCode(rng.below(128)) + text.slice(i + 1);
    }
    case 1: {
      // delete a short run
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + rng.below(4));
    }
    case 2:
      return text.slice(0, at());
    case 3: {
      const ls = lines(text);
      ls.splice(rng.below(ls.length), 1);
      return ls.join('');
    }
    case 4: {
      const ls = lines(text);
      const k = rng.below(ls.length);
      if (ls.length) ls.splice(rng.below(ls.length), 0, ls[k]!);
      return ls.join('');
    }
    case 5: {
      const ls = lines(text);
      if (ls.length > 1) {
        const i = rng.below(ls.length);
        const j = rng.below(ls.length);
        [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      }
      return ls.join('');
    }
    case 6: {
      // change a digit
      const digits: number[] = [];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits.push(i);
      if (!digits.length) return text;
      const i = digits[rng.below(digits.length)]!;
      return text.slice(0, i) + String(rng.below(10)) + text.slice(i + 1);
    }
    case 7: {
      // rename every use of one word to another word of the file (creates undefined signals, cycles, redefinitions)
      const words = text.match(/[A-Za-z0-9_[\]$.]+/g) ?? [];
      if (words.length < 2) return text;
      const a = words[rng.below(words.length)]!;
      const b = words[rng.below(words.length)]!;
      const i = text.indexOf(a, at());
      return i < 0 ? text : text.slice(0, i) + b + text.slice(i + a.length);
    }
    default: {
      const i = at();
      return text.slice(0, i) + dictionary[rng.below(dictionary.length)]! + text.slice(i);
    }
  }
}
