/**
 * The cube checkpoint file: what the cubes of size queries have answered so
 * far, so that a rerun skips them (`min --cubes --checkpoint`) and shards
 * run elsewhere can be combined (`min --cubes --shard`, `--combine`).
 *
 * One JSON file may hold several queries (the sizes of an upward search),
 * each under a key hashed from the query (spec, basis, encoder, size,
 * symmetry breaking, requested cube count): its UNSAT certificate entries by
 * cube index, what the query is (`about`, for messages and for refusing a
 * file of another query by name), and the first SAT circuit found (`sat`,
 * a listing of the reduced spec's circuit, re-simulated by whoever reads it).
 * Writes are atomic (write and rename), and a write re-reads the file and
 * replaces only its own query, so the other queries of the file survive.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { BasisName } from '../core/basis.js';
import { ValidationError } from '../errors.js';
import type { EncoderName, SymmetryBreaking, UnsatCertificate } from '../synth/types.js';
import type { FunctionSpecJson } from '../tt/spec.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** One cube's UNSAT certificate entry. */
export type CubeEntry = UnsatCertificate['instances'][number];

/** A size query split into cubes: everything a cube task holds but its index, backend and limit. */
export interface CubeQuery {
  /** The reduced (core) spec the encoder gets. */
  readonly spec: FunctionSpecJson;
  readonly basis: BasisName;
  readonly encoder: EncoderName;
  /** Exact number of gates. */
  readonly size: number;
  readonly symmetryBreaking?: Partial<SymmetryBreaking>;
  /** The requested number of cubes. */
  readonly cubes: number;
  /** The split's version ({@link CUBE_SPLIT_VERSION} when absent); 1 re-derives the cubes of records made before version 2. */
  readonly split?: number;
}

/** What a query of a checkpoint is, recorded beside its answers. */
export interface CubeQueryAbout extends CubeQuery {
  /** The number of cubes the split made (at least `cubes`). */
  readonly total: number;
  /** The shard that wrote the file (`I/K`), if a shard did. */
  readonly shard?: string;
  /** The backend that solved the cubes (for the combined certificate). */
  readonly backend?: string;
}

/** A circuit found by one cube: the reduced spec's circuit as a listing. */
export interface CubeSat {
  readonly cube: number;
  readonly circuit: string;
}

/** The file (version 1; `about` and `sat` are optional, so older files still read). */
export interface CubeCheckpointFile {
  readonly version: 1;
  /** Per query key: the UNSAT entries by cube index. */
  readonly queries: Record<string, Record<string, CubeEntry>>;
  readonly about?: Record<string, CubeQueryAbout>;
  readonly sat?: Record<string, CubeSat>;
}

/**
 * The version of the split (cube-split.ts over cube-probe.ts's live groups):
 * part of every query key, so that the answers of another split's cube
 * numbering are never read as this one's. 1: the groups as the encoder
 * gives them; 2: failed variables dropped before cutting. Cube labels in
 * certificates name the version from 2 on (`split-v2 cube 3/72`).
 */
export const CUBE_SPLIT_VERSION = 2;

/** The key of a query in a checkpoint (and of its cube jobs on a queue). */
export function cubeQueryKey(q: CubeQuery): string {
  return createHash('sha256').update(JSON.stringify([q.spec, q.basis, q.encoder, q.size, q.symmetryBreaking ?? null, q.cubes, q.split ?? CUBE_SPLIT_VERSION])).digest('hex').slice(0, 24);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a checkpoint; an absent file is an empty one unless `mustExist`.
 * @throws ValidationError code `bad-json` for a file that is not a cube checkpoint.
 */
export function readCubeCheckpoint(path: string | undefined, mustExist = false): CubeCheckpointFile {
  if (path === undefined || (!mustExist && !existsSync(path))) return { version: 1, queries: {} };
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ValidationError(`${path}: not a cube checkpoint (${(e as Error).message})`, 'bad-json');
  }
  if (!isObject(j) || j['version'] !== 1 || !isObject(j['queries']) || (j['about'] !== undefined && !isObject(j['about'])) || (j['sat'] !== undefined && !isObject(j['sat']))) {
    throw new ValidationError(`${path}: not a cube checkpoint (version 1 with queries)`, 'bad-json');
  }
  return j as unknown as CubeCheckpointFile;
}

/** Replaces query `key`'s part of the checkpoint at `path` (re-read first, so the other queries stay). */
export function writeCubeQuery(path: string, key: string, part: { entries: ReadonlyMap<number, CubeEntry>; about: CubeQueryAbout; sat?: CubeSat }): void {
  const now = readCubeCheckpoint(path);
  const sat = part.sat === undefined ? now.sat : { ...now.sat, [key]: part.sat };
  const file: CubeCheckpointFile = {
    version: 1,
    queries: { ...now.queries, [key]: Object.fromEntries([...part.entries].sort((a, b) => a[0] - b[0])) },
    about: { ...now.about, [key]: part.about },
    ...(sat === undefined ? {} : { sat }),
  };
  writeFileAtomic(path, JSON.stringify(file) + '\n');
}

/** A query in words, for messages: `size 7, B2/ssv, 16 cubes (18 made), spec 5 inputs e8e880...` */
export function describeCubeQuery(q: CubeQuery & { readonly total?: number }): string {
  const spec = `${q.spec.numInputs} inputs ${q.spec.outputs.join(',')}${q.spec.care ? ' (with don\'t-cares)' : ''}`;
  return `size ${q.size}, ${q.basis}/${q.encoder}, ${q.cubes} cubes${q.total !== undefined && q.total !== q.cubes ? ` (${q.total} made)` : ''}${q.symmetryBreaking ? ', own symmetry breaking' : ''}, reduced spec ${spec}`;
}
