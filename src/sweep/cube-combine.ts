/**
 * Combining the checkpoint files of cube shards (`min --cubes N --shard I/K
 * --checkpoint FILE` run anywhere, see {@link solveCubeShard}) into the
 * answer of their size query, as `waterloo merge` combines sweep shards:
 *
 * - SAT as soon as any file holds a circuit for the query; the circuit is
 *   parsed, simulated against the reduced spec, assembled for the original
 *   spec, simulated again and costed (a file is a claim, not a proof);
 * - UNSAT only when every cube of the split has a certificate entry, each
 *   checked against the cube it names: the cube's CNF is rebuilt here
 *   (the encoding is deterministic) and its SHA-256 must be the entry's;
 * - otherwise incomplete, with the cubes that no file answers.
 *
 * A file without answers for this query (another spec, size, cube count,
 * basis or encoder) is refused by name, with what it holds instead; so is an
 * entry whose hash does not match its cube. Files may overlap (a shard rerun,
 * a local checkpoint): equal entries for one cube are fine.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Circuit } from '../core/circuit.js';
import { ValidationError } from '../errors.js';
import { cubeQueryKey, describeCubeQuery, readCubeCheckpoint, type CubeEntry, type CubeQuery, type CubeQueryAbout } from '../cubes/cube-checkpoint.js';
import { cubeCnf, encodeForCubes } from '../cubes/cube-task.js';
import { reduceSpec } from '../synth/reduce-spec.js';
import { cnfSha256 } from '../synth/synthesize.js';
import type { UnsatCertificate } from '../synth/types.js';
import { checkSpec, specToJson, type FunctionSpec } from '../tt/spec.js';
import { withDefaults } from '../util/with-defaults.js';
import { checkpointCircuit, DEFAULT_CUBE_SEARCH_PARAMS, type CubeSearchParams } from './cube-search.js';

/** Parameters of {@link combineCubeCheckpoints}: those of the shards' runs. */
export type CubeCombineParams = Pick<CubeSearchParams, 'basis' | 'encoder' | 'cubes' | 'symmetryBreaking'>;

/** The combined answer of a size query. */
export type CubeCombineOutcome =
  | { readonly answer: 'sat'; readonly circuit: Circuit; readonly cube: number; readonly cubes: number; readonly file: string }
  | { readonly answer: 'unsat'; readonly certificate: UnsatCertificate; readonly cubes: number; readonly files: number }
  /** Some cubes have no answer in any file (a shard missing, failed or stopped by its limit). */
  | { readonly answer: 'incomplete'; readonly cubes: number; readonly unsat: number; readonly missing: readonly number[]; readonly files: number };

/** The checkpoint files named by `paths`: each a file, or a directory whose `*.json` files are taken (sorted). */
export function cubeCheckpointFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new ValidationError(`${p}: no such cube checkpoint file or directory`, 'bad-checkpoint');
    if (statSync(p).isDirectory()) out.push(...readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

const FIELDS = ['spec', 'basis', 'encoder', 'size', 'cubes', 'symmetryBreaking'] as const;

/** How the queries a file holds differ from `q`, for the refusal message. */
function whatItHolds(about: Readonly<Record<string, CubeQueryAbout>> | undefined, q: CubeQuery): string {
  const held = Object.values(about ?? {});
  if (held.length === 0) return 'it names no query (no answers at all)';
  return `it holds ${held
    .map((a) => {
      const diff = FIELDS.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(q[f] ?? null));
      return `${describeCubeQuery(a)}${diff.length > 0 ? ` [other ${diff.join(', ')}]` : ''}`;
    })
    .join('; ')}`;
}

const isEntry = (e: unknown): e is CubeEntry => {
  const o = e as Partial<CubeEntry> | null;
  return typeof o === 'object' && o !== null && typeof o.label === 'string' && typeof o.cnfSha256 === 'string' && Number.isInteger(o.vars) && Number.isInteger(o.clauses);
};

/**
 * The answer of "a circuit of exactly `size` gates for `spec`?" from the
 * checkpoint files of its cube shards (see the module notes).
 * @throws ValidationError code `checkpoint-mismatch` for a file of another
 *   query, `bad-checkpoint` for a missing file, an entry that does not match
 *   its cube or a circuit that does not compute the spec, `bad-json` for a
 *   file that is not a checkpoint; UsageError for bad parameters.
 */
export function combineCubeCheckpoints(spec: FunctionSpec, size: number, paths: readonly string[], params: Partial<CubeCombineParams> = {}): CubeCombineOutcome {
  const p = withDefaults(DEFAULT_CUBE_SEARCH_PARAMS, params);
  checkSpec(spec);
  const files = cubeCheckpointFiles(paths);
  if (files.length === 0) throw new ValidationError(`no cube checkpoint files in ${paths.join(', ')}`, 'bad-checkpoint');
  const red = reduceSpec(spec);
  const query: CubeQuery = { spec: specToJson(red.core), basis: p.basis, encoder: p.encoder, size, cubes: p.cubes, ...(p.symmetryBreaking ? { symmetryBreaking: p.symmetryBreaking } : {}) };
  const { inst, cubes } = encodeForCubes(query);
  const total = cubes.length;
  const key = cubeQueryKey(query);
  const hashes = new Map<number, string>();
  const hashOf = (i: number): string => {
    let h = hashes.get(i);
    if (h === undefined) hashes.set(i, (h = cnfSha256(cubeCnf(inst, cubes[i]!))));
    return h;
  };
  const entries = new Map<number, CubeEntry>();
  const backends = new Set<string>();
  for (const file of files) {
    const ckpt = readCubeCheckpoint(file, true);
    const own = ckpt.queries[key];
    const sat = ckpt.sat?.[key];
    if (own === undefined && sat === undefined) {
      throw new ValidationError(`${file}: not a checkpoint of this query (${describeCubeQuery({ ...query, total })}): ${whatItHolds(ckpt.about, query)}`, 'checkpoint-mismatch');
    }
    const about = ckpt.about?.[key];
    if (about !== undefined && about.total !== total) throw new ValidationError(`${file}: says the split made ${about.total} cubes, this split makes ${total}: written by another version of the encoder or changed`, 'bad-checkpoint');
    if (about?.backend !== undefined) backends.add(about.backend);
    if (sat !== undefined) {
      const circuit = checkpointCircuit(file, red, sat, size, p.basis, total);
      return { answer: 'sat', circuit, cube: sat.cube, cubes: total, file };
    }
    for (const [k, e] of Object.entries(own ?? {})) {
      const i = Number(k);
      if (!(Number.isInteger(i) && i >= 0 && i < total && String(i) === k)) throw new ValidationError(`${file}: cube ${k} is not one of the ${total} cubes of this query`, 'bad-checkpoint');
      if (!isEntry(e)) throw new ValidationError(`${file}: the entry of cube ${i} is not a certificate entry (label, cnfSha256, vars, clauses)`, 'bad-checkpoint');
      if (e.cnfSha256 !== hashOf(i)) {
        throw new ValidationError(`${file}: the entry of cube ${i} does not match the cube (CNF hash ${e.cnfSha256.slice(0, 12)}..., the cube's is ${hashOf(i).slice(0, 12)}...): the file was changed or written for another encoding`, 'bad-checkpoint');
      }
      entries.set(i, e);
    }
  }
  const missing = [...Array(total).keys()].filter((i) => !entries.has(i));
  if (missing.length > 0) return { answer: 'incomplete', cubes: total, unsat: entries.size, missing, files: files.length };
  const instances = [...Array(total).keys()].map((i) => entries.get(i)!);
  return { answer: 'unsat', certificate: { encoder: p.encoder, basis: p.basis, size, backend: backends.size === 0 ? 'unrecorded' : [...backends].sort().join('+'), instances }, cubes: total, files: files.length };
}
