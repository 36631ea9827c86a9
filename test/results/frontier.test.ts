/**
 * The published frontier runs (results/frontier/*.json, `min --json` output
 * with the command that made it): every circuit re-simulates to its problem
 * at the claimed size, and every UNSAT certificate names the CNFs of the
 * claimed query, re-encoded here (one SSV instance, or every cube of a split).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { circuitCost } from '../../src/core/cost.js';
import { parseListing } from '../../src/io/listing-read.js';
import { parseProblem } from '../../src/problems/parse-problem.js';
import { ENCODERS } from '../../src/synth/registry.js';
import { reduceSpec } from '../../src/synth/reduce-spec.js';
import { cnfSha256 } from '../../src/synth/synthesize.js';
import { verifyCircuit } from '../../src/synth/verify.js';
import { specToJson } from '../../src/tt/spec.js';
import { cubeCnf, encodeForCubes } from '../../src/cubes/cube-task.js';
import { ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'results', 'frontier');

interface FrontierRun {
  command: string;
  waterlooVersion: string;
  result: {
    status: string;
    size: number;
    spec: string;
    basis: string;
    encoder: string;
    circuit: string;
    unsatAt?: number;
    certificate?: { size: number; encoder: string; instances: { label: string; cnfSha256: string }[] };
  };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('published frontier runs', () => {
  test('there are some', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s: circuit of the claimed size, certificate of the claimed query', (file) => {
    const run = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as FrontierRun;
    expect(run.command).toMatch(/^waterloo min /);
    expect(run.command).toContain(run.result.spec);
    const { spec } = parseProblem(run.result.spec);
    const circuit = parseListing(run.result.circuit);
    expect(verifyCircuit(circuit, spec).ok).toBe(true);
    expect(circuitCost(circuit, 'B2')).toMatchObject({ inBasis: true, size: run.result.size });
    if (run.result.status !== 'optimal') return;
    const cert = run.result.certificate!;
    expect(run.result.unsatAt).toBe(run.result.size - 1);
    expect(cert.size).toBe(run.result.size - 1);
    const core = reduceSpec(spec).core;
    const cube = /cube \d+\/(\d+)$/.exec(cert.instances[0]!.label);
    if (cube === null) {
      const [inst] = [...ENCODERS[cert.encoder as 'ssv'].encode({ spec: core, basis: 'B2', size: cert.size })];
      expect(cert.instances.map((i) => i.cnfSha256)).toEqual([cnfSha256(inst!.cnf)]);
      return;
    }
    // a split query (--cubes N asks for at least N): one entry per cube, each the hash of that cube's CNF
    const asked = /--cubes (\d+)/.exec(run.command);
    expect(asked).not.toBeNull();
    // labels name the split version from version 2 on; the runs before it used version 1
    const split = Number(/split-v(\d+) cube/.exec(cert.instances[0]!.label)?.[1] ?? 1);
    const { inst, cubes } = encodeForCubes({ spec: specToJson(core), basis: 'B2', encoder: 'ssv', size: cert.size, cubes: Number(asked![1]), split });
    expect(cubes.length).toBe(Number(cube[1]));
    expect(cert.instances).toHaveLength(cubes.length);
    cert.instances.forEach((entry, i) => expect({ i, hash: entry.cnfSha256 }).toEqual({ i, hash: cnfSha256(cubeCnf(inst, cubes[i]!)) }));
  }, 120_000);
});
