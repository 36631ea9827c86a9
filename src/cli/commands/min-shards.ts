/**
 * `min --cubes N --size S --shard I/K --checkpoint FILE` and `min --cubes N
 * --size S --combine FILE...`: one size query split into cube shards that run
 * as independent processes (a Slurm job array: src/distributed/slurm-cubes.sh)
 * and the combination of their checkpoint files, as `sweep --shard` and
 * `merge` do for sweeps. The answers are about the one size S.
 */
import {
  combineCubeCheckpoints,
  formatListing,
  parseShard,
  rebuild,
  solveCubeShard,
  writeCircuitFile,
  type BasisName,
  type Circuit,
  type EncoderName,
  type FunctionSpec,
} from '../../index.js';
import type { CommandIo } from '../command.js';
import { EXIT } from '../exit-codes.js';

/** What both modes need from the command line. */
export interface ShardRunOptions {
  readonly spec: FunctionSpec;
  readonly label: string;
  readonly names: Parameters<typeof rebuild>[1];
  readonly basis: BasisName;
  readonly encoder: EncoderName | undefined;
  readonly cubes: number;
  readonly size: number;
  readonly json: boolean;
  readonly out: string | undefined;
}

async function circuitText(c: Circuit, o: ShardRunOptions): Promise<string> {
  const circuit = rebuild(c, o.names).circuit;
  if (o.out === undefined) return formatListing(circuit);
  await writeCircuitFile(circuit, o.out);
  return o.out;
}

const printed = (text: string, json: boolean): string => (json ? '' : text.endsWith('\n') ? text : `circuit written to ${text}\n`);

/** Runs shard `shard` ("I/K") of the size query; exit 0 when its cubes are answered (or one is SAT), 4 at a limit. */
export async function runCubeShard(
  o: ShardRunOptions & { readonly shard: string; readonly checkpoint: string; readonly workers: number; readonly backend: string; readonly timeLimitMs: number | undefined },
  io: CommandIo,
): Promise<number> {
  const shard = parseShard(o.shard);
  const t0 = performance.now();
  const r = await solveCubeShard(o.spec, o.size, shard, {
    basis: o.basis,
    encoder: o.encoder,
    backend: o.backend as never,
    cubes: o.cubes,
    workers: o.workers,
    checkpoint: o.checkpoint,
    ...(o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }),
  });
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(3));
  const common = { spec: o.label, basis: o.basis, encoder: o.encoder ?? 'ssv', size: o.size, cubes: r.cubes, shard: `${shard.index}/${shard.count}`, checkpoint: o.checkpoint, seconds };
  const head = `shard ${shard.index}/${shard.count} of "a ${o.basis} circuit of ${o.size} gates for ${o.label}?" (${r.cubes} cubes)`;
  if (r.answer === 'sat') {
    const c = await circuitText(r.circuit, o);
    io.out(o.json ? JSON.stringify({ status: 'sat', ...common, cube: r.cube, circuit: c }) + '\n' : `sat: ${head}: cube ${r.cube + 1} has a circuit (verified by simulation), recorded in ${o.checkpoint}\n${printed(c, false)}`);
    return EXIT.ok;
  }
  if (r.answer === 'unknown') {
    io.out(o.json ? JSON.stringify({ status: 'unknown', ...common, shardCubes: r.shardCubes, unsat: r.unsat, reason: r.reason }) + '\n' : `unknown: ${head}: ${r.unsat} of its ${r.shardCubes} cubes UNSAT (in ${o.checkpoint}), stopped: ${r.reason}; rerun to resume\n`);
    return EXIT.unknown;
  }
  io.out(
    o.json
      ? JSON.stringify({ status: 'shard-unsat', ...common, shardCubes: r.shardCubes, resumed: r.resumed }) + '\n'
      : `shard-unsat: ${head}: all ${r.shardCubes} of its cubes are UNSAT (${r.resumed} from the checkpoint), recorded in ${o.checkpoint}; the answer needs every shard: combine their files with --combine\n`,
  );
  return EXIT.ok;
}

/** Combines shard checkpoint files: exit 0 SAT (circuit verified), 1 UNSAT (every cube certified), 4 incomplete. */
export async function runCubeCombine(o: ShardRunOptions & { readonly files: readonly string[] }, io: CommandIo): Promise<number> {
  const t0 = performance.now();
  const r = combineCubeCheckpoints(o.spec, o.size, o.files, { basis: o.basis, encoder: o.encoder, cubes: o.cubes });
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(3));
  const common = { spec: o.label, basis: o.basis, encoder: o.encoder ?? 'ssv', size: o.size, cubes: r.cubes, seconds };
  const query = `"a ${o.basis} circuit of ${o.size} gates for ${o.label}?" (${r.cubes} cubes)`;
  if (r.answer === 'sat') {
    const c = await circuitText(r.circuit, o);
    io.out(o.json ? JSON.stringify({ status: 'sat', ...common, cube: r.cube, file: r.file, circuit: c }) + '\n' : `sat: ${query}: cube ${r.cube + 1} has a circuit, from ${r.file}, verified by simulation\n${printed(c, false)}`);
    return EXIT.ok;
  }
  if (r.answer === 'unsat') {
    io.out(
      o.json
        ? JSON.stringify({ status: 'unsat', ...common, files: r.files, certificate: r.certificate }) + '\n'
        : `unsat: ${query}: every cube is UNSAT (${r.cubes} certificate entries from ${r.files} file(s), each matched to its cube's CNF hash; ${r.certificate.backend})\n`,
    );
    return EXIT.negative;
  }
  const list = r.missing.length > 12 ? `${r.missing.slice(0, 12).map((i) => i + 1).join(', ')}, ...` : r.missing.map((i) => i + 1).join(', ');
  io.out(
    o.json
      ? JSON.stringify({ status: 'incomplete', ...common, files: r.files, unsat: r.unsat, missing: r.missing }) + '\n'
      : `incomplete: ${query}: ${r.unsat} of ${r.cubes} cubes UNSAT in ${r.files} file(s), no answer for cube(s) ${list} (a shard missing, failed or stopped by its limit): not UNSAT\n`,
  );
  return EXIT.unknown;
}
