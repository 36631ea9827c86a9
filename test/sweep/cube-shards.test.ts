/**
 * Cube shards (solveCubeShard, `min --shard`) and their combination
 * (combineCubeCheckpoints, `min --combine`): the same answer as one solve and
 * as a local cube search; a missing shard is "incomplete", never UNSAT; a
 * checkpoint of another query, or a changed one, is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { createSolver } from '../../src/sat/registry.js';
import { combineCubeCheckpoints } from '../../src/sweep/cube-combine.js';
import { localCubeRunner, solveCubeShard, solveSizeByCubes, type CubeRunner } from '../../src/sweep/cube-search.js';
import { ENCODERS } from '../../src/synth/registry.js';
import { reduceSpec } from '../../src/synth/reduce-spec.js';
import { verifyCircuit } from '../../src/synth/verify.js';
import type { FunctionSpec } from '../../src/tt/spec.js';
import { runWaterloo, tempDir } from '../helpers/cli.js';

const P = { basis: 'B2', encoder: 'ssv', backend: 'auto', cubes: 6, workers: 1 } as const;
// thr:4:2 needs 7 gates (UNSAT at 6), as the cube-search tests establish
const THR = parseProblem('thr:4:2').spec;

/** The size query answered by one SAT call on the whole instance. */
async function oneSolve(spec: FunctionSpec, size: number): Promise<string> {
  const [inst] = [...ENCODERS.ssv.encode({ spec: reduceSpec(spec).core, basis: 'B2', size })];
  const s = await createSolver('auto');
  try {
    s.addCnf(inst!.cnf);
    return (await s.solve()).status;
  } finally {
    s.close();
  }
}

/** Runs shards `which` of K into files in `dir`; returns the files. */
async function runShards(spec: FunctionSpec, size: number, k: number, dir: string, which: readonly number[] = [...Array(k).keys()].map((i) => i + 1)): Promise<string[]> {
  const files: string[] = [];
  for (const i of which) {
    const checkpoint = join(dir, `shard-${i}-of-${k}.json`);
    await solveCubeShard(spec, size, { index: i, count: k }, { ...P, checkpoint, runner: localCubeRunner() });
    files.push(checkpoint);
  }
  return files;
}

function refused(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('cube shards and combine', () => {
  it('UNSAT at 6 for thr:4:2: three shards combined = one solve = a local cube search, with the same certificate entries', async () => {
    const dir = tempDir();
    const files = await runShards(THR, 6, 3, dir);
    const combined = combineCubeCheckpoints(THR, 6, files, P);
    expect(await oneSolve(THR, 6)).toBe('unsat');
    const local = await solveSizeByCubes(reduceSpec(THR), 6, P, localCubeRunner());
    expect(combined.answer).toBe('unsat');
    expect(local.answer).toBe('unsat');
    if (combined.answer !== 'unsat' || local.answer !== 'unsat') return;
    expect(combined.certificate.instances.map((e) => e.cnfSha256)).toEqual(local.certificate.instances.map((e) => e.cnfSha256));
    expect(combined.cubes).toBe(local.cubes);
    // a directory of shard files reads the same
    expect(combineCubeCheckpoints(THR, 6, [dir], P).answer).toBe('unsat');
  });

  it('SAT at 7 for thr:4:2: the shard that holds a circuit makes the combination SAT, with a verified circuit', async () => {
    const dir = tempDir();
    const files = await runShards(THR, 7, 3, dir);
    expect(await oneSolve(THR, 7)).toBe('sat');
    const combined = combineCubeCheckpoints(THR, 7, files, P);
    expect(combined.answer).toBe('sat');
    if (combined.answer === 'sat') expect(verifyCircuit(combined.circuit, THR).ok).toBe(true);
    expect((await solveSizeByCubes(reduceSpec(THR), 7, P, localCubeRunner())).answer).toBe('sat');
  });

  it('a missing shard makes the combination incomplete (not UNSAT), naming the cubes without an answer', async () => {
    const dir = tempDir();
    const files = await runShards(THR, 6, 3, dir, [1, 3]);
    const r = combineCubeCheckpoints(THR, 6, files, P);
    expect(r.answer).toBe('incomplete');
    if (r.answer === 'incomplete') expect(r.missing).toEqual([...Array(r.cubes).keys()].filter((i) => i % 3 === 1));
  });

  it('a shard rerun skips the cubes its file holds', async () => {
    const dir = tempDir();
    const [file] = await runShards(THR, 6, 2, dir, [1]);
    const never: CubeRunner = { solve: () => Promise.reject(new Error('no cube should be solved again')), cancel: () => undefined, close: () => undefined };
    const again = await solveCubeShard(THR, 6, { index: 1, count: 2 }, { ...P, checkpoint: file!, runner: never });
    expect(again.answer).toBe('shard-unsat');
    if (again.answer === 'shard-unsat') expect(again.resumed).toBe(again.shardCubes);
  });

  it('refuses a file of another size, cube count or spec (checkpoint-mismatch), a changed entry or circuit (bad-checkpoint)', async () => {
    const dir = tempDir();
    const files = await runShards(THR, 6, 2, dir);
    expect(refused(() => combineCubeCheckpoints(THR, 5, files, P)).code).toBe('checkpoint-mismatch');
    expect(refused(() => combineCubeCheckpoints(THR, 6, files, { ...P, cubes: 8 })).code).toBe('checkpoint-mismatch');
    const other = refused(() => combineCubeCheckpoints(parseProblem('mod3:4:0').spec, 6, files, P));
    expect(other.code).toBe('checkpoint-mismatch');
    expect(other.message).toMatch(/other spec/);
    expect(refused(() => combineCubeCheckpoints(THR, 6, [join(dir, 'nope.json')], P)).code).toBe('bad-checkpoint');

    // an entry whose hash is not its cube's: moved to another cube index
    const j = JSON.parse(readFileSync(files[0]!, 'utf8'));
    const key = Object.keys(j.queries)[0]!;
    const [a, b] = Object.keys(j.queries[key]);
    [j.queries[key][a!], j.queries[key][b!]] = [j.queries[key][b!], j.queries[key][a!]];
    writeFileSync(files[0]!, JSON.stringify(j));
    expect(refused(() => combineCubeCheckpoints(THR, 6, files, P)).code).toBe('bad-checkpoint');

    // a "circuit" that does not compute the spec
    const sat = await runShards(THR, 7, 1, tempDir());
    const s = JSON.parse(readFileSync(sat[0]!, 'utf8'));
    const skey = Object.keys(s.sat)[0]!;
    s.sat[skey].circuit = s.sat[skey].circuit.replace(/XOR|AND/, (m: string) => (m === 'XOR' ? 'AND' : 'XOR'));
    writeFileSync(sat[0]!, JSON.stringify(s));
    expect(refused(() => combineCubeCheckpoints(THR, 7, sat, P)).code).toBe('bad-checkpoint');
  });
});

describe('waterloo min --shard / --combine', () => {
  it('shards in separate processes combine to the answer of min --cubes; a missing shard is incomplete (exit 4); another size is refused (exit 3)', () => {
    const dir = tempDir();
    const base = ['min', '--problem', 'thr:4:2', '--cubes', '6', '--size', '6', '--json'];
    for (let i = 1; i <= 3; i++) {
      const r = runWaterloo([...base, '--shard', `${i}/3`, '--checkpoint', join(dir, `s${i}.json`), '--workers', '1']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'shard-unsat', shard: `${i}/3`, size: 6 });
    }
    const all = runWaterloo([...base, '--combine', dir]);
    expect(all.code, all.stderr).toBe(1);
    const j = JSON.parse(all.stdout);
    expect(j).toMatchObject({ status: 'unsat', size: 6, files: 3 });
    expect(j.certificate.instances).toHaveLength(j.cubes);
    // the same query with --cubes locally: optimal 7, UNSAT at 6 with the same cube hashes
    const local = runWaterloo(['min', '--problem', 'thr:4:2', '--cubes', '6', '--json']);
    expect(JSON.parse(local.stdout)).toMatchObject({ status: 'optimal', size: 7, unsatAt: 6 });
    expect(JSON.parse(local.stdout).certificate.instances.map((e: { cnfSha256: string }) => e.cnfSha256)).toEqual(j.certificate.instances.map((e: { cnfSha256: string }) => e.cnfSha256));

    const some = runWaterloo([...base, '--combine', join(dir, 's1.json'), '--combine', join(dir, 's2.json')]);
    expect(some.code).toBe(4);
    expect(JSON.parse(some.stdout)).toMatchObject({ status: 'incomplete' });
    const other = runWaterloo(['min', '--problem', 'thr:4:2', '--cubes', '6', '--size', '7', '--combine', dir]);
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/not a checkpoint of this query .*other size/);
    const noFile = runWaterloo([...base, '--shard', '1/3']);
    expect(noFile.code).toBe(2);
  }, 60_000);
});
