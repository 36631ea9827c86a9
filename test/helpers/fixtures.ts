/**
 * Runners for the reader fixtures in `test/fixtures/<format>/`: every
 * directory except `_error_` is a golden case (`expected.json`), every
 * directory under `_error_` an error case (`error.txt`). Call the runners
 * inside a `describe`; they register one `it` per fixture plus a count check.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { gateFanins, type Circuit } from '../../src/core/circuit.js';
import { GateKind, GATE_KIND_NAMES } from '../../src/core/gate.js';
import { simulateRandom, simulateTruthTables } from '../../src/core/simulate.js';
import { WaterlooError } from '../../src/errors.js';
import { toHex } from '../../src/tt/truth-table.js';

/** Runs `f` and returns the WaterlooError it throws; any other outcome fails the test. */
export function caught(f: () => unknown): WaterlooError {
  try {
    f();
  } catch (e) {
    if (e instanceof WaterlooError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

/** True when `a` and `b` compute the same outputs on `patterns` random patterns drawn with `seed`. */
export function sameFunctions(a: Circuit, b: Circuit, seed: number, patterns = 4096): boolean {
  const x = simulateRandom(a, patterns, seed);
  const y = simulateRandom(b, patterns, seed);
  return x.length === y.length && x.every((w, j) => w.every((v, i) => v === y[j]![i]));
}

/** Normalised view of a parsed gate-level circuit (BENCH, BLIF) for golden files. */
export function normaliseCircuit(c: Circuit): object {
  const gates: string[] = [];
  for (let g = 0; g < c.numGates; g++) {
    const kind = c.kinds[g] as GateKind;
    const lut = kind === GateKind.Lut ? ` 0x${toHex(c.luts.get(g)!)}` : '';
    gates.push(`${2 * (c.numInputs + 1 + g)} ${c.gateNames.get(g) ?? '?'} = ${GATE_KIND_NAMES[kind]}${lut}(${Array.from(gateFanins(c, g)).join(', ')})`);
  }
  return {
    numInputs: c.numInputs,
    numOutputs: c.outputs.length,
    numGates: c.numGates,
    inputNames: c.inputNames,
    outputNames: c.outputNames,
    outputs: Array.from(c.outputs),
    gates,
    truthTables: simulateTruthTables(c).map(toHex),
  };
}

/**
 * Golden cases: for each fixture directory of `root` (except `_error_`),
 * `render(dir, name)` (which parses and validates the input) must match
 * `expected.json`; there must be at least `minCases` of them.
 */
export function goldenFixtureTests(root: string, minCases: number, render: (dir: string, name: string) => object): void {
  const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== '_error_');
  it('has the fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(minCases));
  for (const { name } of cases) {
    it(name, async () => {
      const dir = join(root, name);
      await expect(`${JSON.stringify(render(dir, name), null, 2)}\n`).toMatchFileSnapshot(join(dir, 'expected.json'));
    });
  }
}

/** The error class and code an error fixture must produce. */
export type ErrorExpectation = [abstract new (...args: never[]) => WaterlooError, string];

/** What {@link errorFixtureTests} checks beyond each case's `error.txt`. */
export type ErrorFixtureCheck =
  /** Exactly these cases, each failing with its class and code. */
  | { readonly expected: Readonly<Record<string, ErrorExpectation>> }
  /** At least `minCases` cases, each passed to `check` (before the `error.txt` comparison). */
  | { readonly minCases: number; readonly check: (e: WaterlooError, dir: string) => Promise<void> };

/**
 * Error cases: for each directory under `root/_error_`, `parse(dir, name)`
 * must throw a WaterlooError whose message matches `error.txt`.
 */
export function errorFixtureTests(root: string, what: ErrorFixtureCheck, parse: (dir: string, name: string) => unknown): void {
  const dir = join(root, '_error_');
  const cases = readdirSync(dir);
  if ('expected' in what) {
    it('has exactly the expected cases', () => expect(cases.sort()).toEqual(Object.keys(what.expected).sort()));
  } else {
    it('has one fixture per failure mode', () => expect(cases.length).toBeGreaterThanOrEqual(what.minCases));
  }
  for (const name of cases) {
    it(name, async () => {
      const err = caught(() => parse(join(dir, name), name));
      if ('expected' in what) {
        const [cls, code] = what.expected[name]!;
        expect(err).toBeInstanceOf(cls);
        expect(err.code).toBe(code);
      } else {
        await what.check(err, join(dir, name));
      }
      await expect(`${err.message}\n`).toMatchFileSnapshot(join(dir, name, 'error.txt'));
    });
  }
}
