/**
 * The published frontier runs (results/frontier/*.json: the `min --json`
 * answer of one long run, with the command, version, machine and times that
 * made it) as store records, so that `results regenerate` puts their answers
 * into the family table (and, through the NPN class, the answers of the
 * equivalent instances). Each record is checked by verifyRecord (instance,
 * spec key, status against size and bound, circuit re-simulated) before it
 * is offered to the store; the certificate's CNF hashes are re-encoded by
 * test/results/frontier.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BasisName } from '../core/basis.js';
import { parseProblem } from '../problems/parse-problem.js';
import { specKeyOf } from '../store/spec-key.js';
import type { StoreRecord } from '../store/types.js';
import { verifyRecord } from '../store/verify-record.js';
import { WaterlooError } from '../errors.js';

/** The fields of a frontier file this reads. */
interface FrontierRun {
  readonly command: string;
  readonly waterlooVersion: string;
  readonly date: string;
  readonly machine: string;
  readonly wallSeconds: number;
  readonly result: {
    readonly status: StoreRecord['status'];
    readonly size?: number;
    readonly lowerBound: number;
    readonly circuit?: string;
    readonly spec: string;
    readonly basis: BasisName;
    readonly encoder: string;
    readonly solver: string;
    readonly certificate?: { readonly size: number; readonly instances: readonly { readonly cnfSha256: string }[] };
  };
}

/** The record of one frontier run (not yet verified); throws a WaterlooError on a spec it cannot parse. */
export function frontierRecord(file: string, run: FrontierRun): StoreRecord {
  const r = run.result;
  const problem = parseProblem(r.spec);
  const cert = r.certificate;
  return {
    problem: problem.name,
    basis: r.basis,
    encoder: r.encoder,
    family: problem.family,
    params: problem.params,
    inputs: problem.spec.numInputs,
    outputs: problem.spec.outputs.length,
    specKey: specKeyOf(problem.spec),
    status: r.status,
    ...(r.size !== undefined ? { size: r.size } : {}),
    lowerBound: r.lowerBound,
    evidence: cert !== undefined ? { kind: 'unsat', size: cert.size, cnfSha256: cert.instances.map((i) => i.cnfSha256) } : { kind: 'none' },
    ...(r.circuit !== undefined ? { circuit: r.circuit } : {}),
    solver: r.solver,
    seconds: run.wallSeconds,
    attempts: [],
    version: run.waterlooVersion,
    command: run.command,
    host: `frontier run ${file} (${run.machine})`,
    createdAt: new Date(`${run.date}T00:00:00Z`).toISOString(),
  };
}

/**
 * The verified records of the frontier runs in `dir` (files in name order)
 * and one line per file refused (unreadable, not a frontier run, or a record
 * verifyRecord refuses), naming the file and the reason. A missing folder
 * has none.
 */
export function readFrontierRecords(dir: string): { records: StoreRecord[]; refused: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { records: [], refused: [] };
  }
  const records: StoreRecord[] = [];
  const refused: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const run = JSON.parse(readFileSync(path, 'utf8')) as FrontierRun;
      if (typeof run?.result?.spec !== 'string' || typeof run.command !== 'string') {
        refused.push(`${path}: not a frontier run (no result.spec or command)`);
        continue;
      }
      const rec = frontierRecord(name, run);
      const check = verifyRecord(rec);
      if (!check.ok) refused.push(`${path}: ${check.reason}`);
      else records.push(rec);
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof WaterlooError) refused.push(`${path}: ${e.message}`);
      else throw e;
    }
  }
  return { records, refused };
}
