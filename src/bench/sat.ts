/**
 * `npm run bench -- sat`: every waterloo SAT backend against the native
 * `cadical` binary on the same CNF files (pigeonhole, random 3-SAT at the
 * threshold, an exact-synthesis CNF), written to a temporary directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pigeonhole, random3Sat } from '../sat/families.js';
import { writeDimacs } from '../sat/dimacs.js';
import type { Cnf } from '../sat/types.js';
import { SSV_ENCODER } from '../synth/encoders/ssv.js';
import { specFromHex } from '../tt/spec.js';
import type { BenchCase } from './harness.js';

/** The CNF files of the suite, by name. */
function instances(): [string, Cnf][] {
  // 0x8665 needs 7 gates in B2; size 6 is a hard UNSAT exact-synthesis instance
  const [exact] = [...SSV_ENCODER.encode({ spec: specFromHex(['8665'], 4), basis: 'B2', size: 6 })];
  return [
    ['php-9-8', pigeonhole(8)],
    ['php-10-9', pigeonhole(9)],
    ['rand3-200-852-s3', random3Sat(200, 852, 3)],
    ['rand3-250-1065-s5', random3Sat(250, 1065, 5)],
    ['exact-8665-b2-size6', exact!.cnf],
  ];
}

/** Cases: each backend vs the cadical binary, for each instance. */
export function satCases(cli: string, backends: readonly string[]): BenchCase[] {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-bench-sat-'));
  const solved = (out: string): boolean => /^s (UN)?SATISFIABLE/m.test(out);
  return instances().flatMap(([name, cnf]) => {
    const file = join(dir, `${name}.cnf`);
    writeFileSync(file, writeDimacs(cnf));
    return backends.map((b) => ({
      name: `${name} ${b}`,
      waterloo: { label: 'waterloo', argv: ['node', cli, 'sat', '-q', '--backend', b, file], expect: solved },
      peer: { label: 'cadical', argv: ['cadical', '-q', file], expect: solved },
    }));
  });
}
