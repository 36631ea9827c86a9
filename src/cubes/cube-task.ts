/**
 * One cube of one size query, as a self-contained task that a worker process
 * can solve: the (reduced) spec, the query, the split and the cube index. A
 * worker re-encodes the instance (deterministic) and adds the cube's clauses;
 * the last encoding is kept, so a worker solving many cubes of one query
 * encodes it once.
 */
import { InternalError, UsageError } from '../errors.js';
import { formatListing } from '../io/listing.js';
import { createSolver, resolveBackendName, type BackendName } from '../sat/registry.js';
import type { Cnf } from '../sat/types.js';
import { ENCODERS } from '../synth/registry.js';
import { cnfSha256 } from '../synth/synthesize.js';
import type { EncodedInstance, UnsatCertificate } from '../synth/types.js';
import { verifyCircuit } from '../synth/verify.js';
import { specFromJson } from '../tt/spec.js';
import { liveSplitGroups } from './cube-probe.js';
import { splitIntoCubes, type Cube } from './cube-split.js';
import { CUBE_SPLIT_VERSION, type CubeQuery } from './cube-checkpoint.js';

/**
 * One cube to solve (plain data: it crosses process boundaries): the query
 * (its spec is the driver's reduced core spec; the split is deterministic in
 * the requested number of cubes, see cube-split.ts) and which cube of it.
 */
export interface CubeTask extends CubeQuery {
  readonly index: number;
  readonly backend: BackendName | 'auto';
  /** Time limit of the solve call, ms. */
  readonly timeLimitMs?: number;
}

/** How one cube ended. */
export type CubeOutcome =
  /** A circuit of the core spec (listing), verified by simulation in the worker; the parent verifies it again. */
  | { readonly answer: 'sat'; readonly index: number; readonly circuit: string }
  | { readonly answer: 'unsat'; readonly index: number; readonly entry: UnsatCertificate['instances'][number] }
  | { readonly answer: 'unknown'; readonly index: number; readonly reason: string };

interface Encoded {
  readonly key: string;
  readonly inst: EncodedInstance;
  readonly cubes: Cube[];
  /** The instance's label with the split version (before the cube number in certificate entries). */
  readonly label: string;
}

let last: Encoded | undefined;

/** The instance of the task's query and its cubes (the last one is reused). */
export function encodeForCubes(task: Omit<CubeTask, 'index' | 'backend' | 'timeLimitMs'>): Encoded {
  const split = task.split ?? CUBE_SPLIT_VERSION;
  if (split !== 1 && split !== 2) throw new UsageError(`unknown cube split version ${String(split)} (known: 1, 2)`, 'bad-param');
  const key = JSON.stringify([task.spec, task.basis, task.encoder, task.size, task.symmetryBreaking ?? null, task.cubes, split]);
  if (last?.key === key) return last;
  const encoder = ENCODERS[task.encoder];
  if (encoder === undefined) throw new UsageError(`unknown encoder '${String(task.encoder)}'`, 'unknown-encoder');
  const spec = specFromJson(task.spec);
  const all = [...encoder.encode({ spec, basis: task.basis, size: task.size, ...(task.symmetryBreaking ? { symmetryBreaking: task.symmetryBreaking } : {}) })];
  const inst = all[0];
  if (all.length !== 1 || inst?.splitGroups === undefined) throw new UsageError(`the ${task.encoder} encoder cannot split an instance into cubes (one instance with split groups is needed)`, 'unsupported');
  const groups = split === 1 ? inst.splitGroups() : liveSplitGroups(inst.cnf, inst.splitGroups(), task.cubes);
  last = { key, inst, cubes: splitIntoCubes(groups, task.cubes), label: split === 1 ? inst.label : `${inst.label} split-v${split}` };
  return last;
}

/** The CNF of one cube: the instance's clauses and the cube's. */
export function cubeCnf(inst: EncodedInstance, cube: Cube): Cnf {
  return { numVars: inst.cnf.numVars, clauses: [...inst.cnf.clauses, ...cube.clauses.map((c) => Int32Array.from(c))] };
}

/**
 * Solves one cube. SAT answers are decoded and simulated against the spec
 * (a wrong circuit is an InternalError); UNSAT answers carry the cube's CNF
 * hash for the certificate.
 */
export async function solveCube(task: CubeTask, signal?: AbortSignal): Promise<CubeOutcome> {
  // the task's limit covers encoding and loading the backend too
  const deadline = task.timeLimitMs === undefined ? undefined : performance.now() + task.timeLimitMs;
  const { inst, cubes, label: instLabel } = encodeForCubes(task);
  const cube = cubes[task.index];
  if (cube === undefined) throw new UsageError(`cube ${task.index} of ${cubes.length} does not exist`, 'bad-param');
  const cnf = cubeCnf(inst, cube);
  const solver = await createSolver(await resolveBackendName(task.backend));
  try {
    solver.addCnf(cnf);
    const left = deadline === undefined ? undefined : deadline - performance.now();
    if (left !== undefined && left <= 0) return { answer: 'unknown', index: task.index, reason: 'time' };
    const res = await solver.solve({ ...(left === undefined ? {} : { timeLimitMs: left }), ...(signal ? { signal } : {}) });
    if (res.status === 'unknown') return { answer: 'unknown', index: task.index, reason: res.reason };
    const label = `${instLabel} cube ${task.index + 1}/${cubes.length}`;
    if (res.status === 'unsat') return { answer: 'unsat', index: task.index, entry: { label, cnfSha256: cnfSha256(cnf), vars: cnf.numVars, clauses: cnf.clauses.length } };
    const core = inst.decode(res.model);
    const v = verifyCircuit(core, specFromJson(task.spec));
    if (!v.ok) throw new InternalError(`internal error: ${label}: decoded circuit is wrong on output ${v.output}, minterm ${v.minterm}`);
    return { answer: 'sat', index: task.index, circuit: formatListing(core) };
  } finally {
    solver.close();
  }
}
