/**
 * The reader fuzz campaign of src/bench/fuzz.ts (issue 15's acceptance): a
 * small seeded run in the normal suite, 10,000 mutants per format (and a CLI
 * sample under a memory limit) with WATERLOO_SLOW=1. Any failure is printed
 * with its format, index and the mutant in base64.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzz, type FuzzOptions } from '../../src/bench/fuzz.js';

const SLOW = process.env['WATERLOO_SLOW'] === '1';
const ROOT = join(import.meta.dirname, '..', '..');
const SEED = 0xf0015;

async function expectClean(o: Omit<FuzzOptions, 'root' | 'log'>): Promise<void> {
  const r = await runFuzz({ ...o, root: ROOT, log: (l) => console.log(l) });
  expect(r.failures.map((f) => `${f.format} #${f.index} (${f.where}): ${f.what.slice(0, 300)} [${f.input.slice(0, 200)}]`)).toEqual([]);
  for (const s of r.stats) {
    // a campaign that never gets past the reader, or never fails it, is not testing much
    expect(s.clean, `${s.format} clean errors`).toBeGreaterThan(s.runs / 10);
    expect(s.ok + s.clean + s.failures).toBe(s.runs);
  }
}

describe(`reader fuzz (seed ${SEED})`, () => {
  it('300 mutants per format, in-process: only ok or clean errors naming the file', async () => {
    await expectClean({ seed: SEED, mutants: 300, cliEvery: 0, budgetMs: 2000 });
  }, 60_000);
  it('a CLI sample (2 per format) under a memory limit: contract exit codes, no stack trace', async () => {
    await expectClean({ seed: SEED + 1, mutants: 2, cliEvery: 1, budgetMs: 2000 });
  }, 60_000);
  it.skipIf(!SLOW)('10,000 mutants per format, every 200th through the CLI (WATERLOO_SLOW=1)', async () => {
    await expectClean({ seed: SEED, mutants: 10_000, cliEvery: 200, budgetMs: 5000 });
  }, 3_600_000);
});
