import { dirname } from 'node:path';
import {
  classAnswer,
  basisInfo,
  circuitCost,
  formatListing,
  openStore,
  IMPROVE_FIRST_BASES,
  quickUpperBound,
  rebuild,
  reduceSpec,
  synthesize,
  synthesizeByCubes,
  queueCubeRunner,
  resolveRedisUrl,
  UsageError,
  writeCircuitFile,
  type BasisName,
  type ClassAnswer,
  type EncoderName,
  type SynthesisProgress,
  type SynthesisResult,
} from '../../index.js';
import { defineCommand } from '../command.js';
import { jsonOption, timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { anyBasisOf, anyBasisOption } from '../basis-option.js';
import { EXIT } from '../exit-codes.js';
import { readSpec, SPEC_OPTIONS } from '../spec-input.js';
import { commandTimeLimitMs } from '../time-budget.js';
import { runCubeCombine, runCubeShard } from './min-shards.js';

/** Bases of `min --improve-first` (those of the Shannon circuit's improvement). */

/** Gates of a known circuit in `basis` (infinite when it is not a circuit of the basis). */
function circuitSize(c: Parameters<typeof circuitCost>[0], basis: BasisName): number {
  const cost = circuitCost(c, basis);
  return cost.inBasis ? cost.size : Infinity;
}

export const minCommand = defineCommand({
  name: 'min',
  summary: 'find a minimum circuit and prove that nothing smaller exists (exact synthesis)',
  usage: 'SPEC [--basis b2|u2|aig|xaig|mig|mc|lut3|ops:HEX,...] [--depth D] [--timeout S] [--improve-first S] [--store PATH] [--cubes N [--workers W] [--checkpoint FILE] [--size S (--shard I/K | --combine FILE...)]] [--out FILE] [--proof DIR] [--json]',
  description:
    'SPEC is --tt HEX[,HEX...] --inputs N, --problem NAME, or a FILE (.truth, .hex, or a circuit whose function is taken). ' +
    'Status "optimal" means a circuit of that size was found and verified by simulation AND size-1 was proved impossible (UNSAT, recorded with solver and encoding); ' +
    '"feasible" means the best circuit found and a proven lower bound; "unknown" means a limit was hit. Exit 0 optimal, 1 infeasible (e.g. under a depth bound), 4 feasible/unknown. ' +
    'With --cubes N, every size is split into at least N cubes (the fanin pairs of the last gates) solved by W worker processes: SAT as soon as one cube is, UNSAT when all are (one certificate entry per cube); --checkpoint FILE records the UNSAT cubes so that a rerun skips them. ' +
    'With --cubes N --size S --shard I/K --checkpoint FILE, only shard I of K of the size-S query is solved (exit 0 when its cubes are answered, 4 at the limit); --cubes N --size S --combine FILE... answers the query from the shard files: exit 0 SAT (circuit re-simulated), 1 UNSAT (every cube certified, entries matched to their cubes), 4 incomplete, 3 a file of another query or a changed one. ' +
    'With --store PATH, a record of the function\'s NPN class in that results store answers first: an optimal one is printed (its circuit transformed to this function and re-verified by simulation), a feasible one\'s circuit is the starting upper bound.',
  options: {
    ...SPEC_OPTIONS,
    basis: anyBasisOption('basis', 'b2'),
    depth: { type: 'int', help: 'bound on the depth of every output', min: 1, max: 64, metavar: 'D' },
    timeout: timeoutOption('overall time limit in seconds (0 = none)'),
    encoder: { type: 'string', help: 'SAT encoding: ssv (Kojevnikov-Kulikov-Yaroslavtsev/Knuth) or fence (topology families) for two-input bases, mc for mc, kgate for mig and lut3 (default: the basis\'s own)', choices: ['ssv', 'fence', 'mc', 'kgate'] },
    backend: backendOption(),
    'min-size': { type: 'int', help: 'start the search at this size (sizes below are not tried, so the answer is at best feasible unless it is a proven bound)', min: 0, max: 1000, metavar: 'S' },
    'max-size': { type: 'int', help: 'give up above this size', min: 0, max: 1000, metavar: 'S' },
    all: { type: 'int', help: 'enumerate up to N distinct optimal circuits', min: 1, max: 100000, metavar: 'N' },
    parallel: { type: 'boolean', help: 'solve sizes k and k+1 concurrently on two cores' },
    out: { type: 'string', help: 'write the circuit to FILE (format by extension)', metavar: 'FILE' },
    cubes: { type: 'int', help: 'split every size query into at least N cubes solved in worker processes (not with --depth, --all, --proof, --parallel)', min: 1, max: 100000, metavar: 'N' },
    workers: { type: 'int', help: 'worker processes for --cubes', default: 2, min: 1, max: 256, metavar: 'W' },
    checkpoint: { type: 'string', help: 'with --cubes: record finished cubes in FILE and skip them on a rerun', metavar: 'FILE' },
    size: { type: 'int', help: 'with --shard or --combine: the size query (a circuit of exactly S gates?)', min: 1, max: 1000, metavar: 'S' },
    shard: { type: 'string', help: 'with --cubes, --size and --checkpoint: solve only the cubes i with i mod K = I-1 of the size query, recording them in the checkpoint (combine the shards with --combine)', metavar: 'I/K' },
    combine: { type: 'string', multiple: true, help: 'with --cubes and --size: answer the size query from these shard checkpoint files (or directories of *.json): SAT if one holds a circuit, UNSAT only if every cube has a certificate entry, else incomplete (exit 4)', metavar: 'FILE' },
    queue: { type: 'string', help: 'with --cubes: push the cubes as jobs to this queue (solved by waterloo queue work) instead of local worker processes', metavar: 'NAME' },
    redis: { type: 'string', help: 'with --queue: Redis URL (default $WATERLOO_REDIS, else redis://127.0.0.1:6379)', metavar: 'URL' },
    'improve-first': { type: 'number', help: 'first spend up to S seconds shrinking a Shannon-expansion circuit by local improvement (as improve does); the exact search then goes upward only to just below its size, so when it is already minimum only the UNSAT sizes are solved (counted in --timeout; bases b2|u2|aig|xaig; not with --depth, --all)', min: 0, metavar: 'S' },
    store: { type: 'string', help: 'consult the records of this results store for the function\'s NPN class first (not with --depth, --all, --proof)', metavar: 'PATH' },
    proof: { type: 'string', help: 'ask for DRAT proofs of the UNSAT answers (cadical backends), check them, and keep them in DIR', metavar: 'DIR' },
    json: jsonOption(),
  },
  hardLimitSeconds: (opts) => opts.timeout,
  async run(opts, args, io) {
    const src = readSpec('min', opts, args);
    const basis = anyBasisOf(opts.basis);
    const t0 = performance.now();
    const names = {
      ...(src.inputNames ? { inputNames: src.inputNames } : {}),
      ...(src.outputNames ? { outputNames: src.outputNames } : {}),
    };
    let heuristic: { circuit: Parameters<typeof rebuild>[0]; size: number; seconds: number; start: string } | undefined;
    const answer = (r: SynthesisResult, out: string | undefined): MinAnswer =>
      formatMinAnswer(r, { label: src.label, basis, seconds: (performance.now() - t0) / 1000, json: opts.json, names, out, improveFirst: heuristic });
    const stored = opts.store !== undefined && opts.shard === undefined && opts.combine.length === 0 && opts.depth === undefined && opts.all === undefined && opts.proof === undefined ? await storedAnswer(opts.store, src, basis) : undefined;
    if (stored?.status === 'optimal') {
      const a = formatStoredAnswer(stored, { label: src.label, basis, seconds: (performance.now() - t0) / 1000, json: opts.json, names, out: opts.out, store: opts.store! });
      const circuit = rebuild(stored.circuit!, names).circuit;
      if (opts.out) await writeCircuitFile(circuit, opts.out);
      io.out(a);
      return EXIT.ok;
    }
    if (opts.cubes === undefined && (opts.checkpoint !== undefined || opts.queue !== undefined || opts.shard !== undefined || opts.combine.length > 0)) {
      throw new UsageError('--checkpoint, --queue, --shard and --combine need --cubes', 'usage');
    }
    if (opts.shard !== undefined || opts.combine.length > 0 || opts.size !== undefined) {
      if (opts.size === undefined || (opts.shard === undefined) === (opts.combine.length === 0)) throw new UsageError('--size goes with one of --shard I/K or --combine FILE..., and they need --size', 'usage');
      if (opts.queue !== undefined || opts.depth !== undefined || opts.all !== undefined || opts.proof !== undefined || opts.parallel || opts['min-size'] !== undefined || opts['max-size'] !== undefined) {
        throw new UsageError('--shard and --combine answer one size query: not with --queue, --depth, --all, --proof, --parallel, --min-size or --max-size', 'usage');
      }
      const o = { spec: src.spec, label: src.label, names, basis, encoder: opts.encoder as EncoderName | undefined, cubes: opts.cubes!, size: opts.size, json: opts.json, out: opts.out };
      if (opts.combine.length > 0) {
        if (opts.checkpoint !== undefined) throw new UsageError('--combine reads the files it names; --checkpoint is for --shard', 'usage');
        return runCubeCombine({ ...o, files: opts.combine }, io);
      }
      if (opts.checkpoint === undefined) throw new UsageError('--shard needs --checkpoint FILE to record its cubes in (one file per shard)', 'usage');
      return runCubeShard({ ...o, shard: opts.shard!, checkpoint: opts.checkpoint, workers: opts.workers, backend: opts.backend, timeLimitMs: commandTimeLimitMs(opts.timeout) }, io);
    }
    const runner = opts.queue !== undefined ? await queueCubeRunner({ redis: resolveRedisUrl(opts.redis), queue: opts.queue }) : undefined;
    if (opts.cubes !== undefined && (opts.depth !== undefined || opts.all !== undefined || opts.proof !== undefined || opts.parallel)) {
      throw new UsageError('min: --cubes does not combine with --depth, --all, --proof or --parallel', 'usage');
    }
    // counted from the supervising parent's start, which holds the hard limit; the heuristic phase comes out of it
    const budgetMs = commandTimeLimitMs(opts.timeout);
    const tBudget = performance.now();
    const improveFirst = opts['improve-first'] ?? 0;
    if (improveFirst > 0) {
      if (!IMPROVE_FIRST_BASES.has(basis)) throw new UsageError(`min: --improve-first needs basis b2, u2, aig or xaig, not ${basis}`, 'usage');
      if (opts.depth !== undefined || opts.all !== undefined) throw new UsageError('min: --improve-first does not combine with --depth or --all', 'usage');
      const seconds = budgetMs !== undefined ? Math.min(improveFirst, budgetMs / 1000) : improveFirst;
      // the improvement stops early at the trivial lower bound (nothing smaller exists) or at --min-size (nothing smaller is searched)
      const target = Math.max(reduceSpec(src.spec).lowerBound, opts['min-size'] ?? 0);
      const ub = await quickUpperBound(src.spec, { basis, timeLimitMs: seconds * 1000, backend: opts.backend, target });
      if (stored?.circuit === undefined || ub.size < circuitSize(stored.circuit, basis)) heuristic = { ...ub, seconds: (performance.now() - tBudget) / 1000 };
    }
    const timeLimitMs = budgetMs === undefined ? undefined : Math.max(1, Math.round(budgetMs - (performance.now() - tBudget)));
    const progress =
      io.checkpoint === undefined
        ? {}
        : {
            // what a stop from outside prints: the proven bound, and the best circuit (listed, not written to --out)
            onProgress: (p: SynthesisProgress) => {
              const common = { provenLowerBound: p.provenLowerBound, reason: 'time (stopped from outside at the hard limit)', stats: p.stats };
              const partial: SynthesisResult = p.best ? { status: 'feasible', circuit: p.best.circuit, size: p.best.size, ...common } : { status: 'unknown', ...common };
              const a = answer(partial, undefined);
              io.checkpoint!({ stdout: a.stdout, exitCode: a.exitCode });
            },
          };
    const r: SynthesisResult = opts.cubes !== undefined ? await synthesizeByCubes(src.spec, {
      runner,
      basis,
      encoder: opts.encoder as EncoderName,
      backend: opts.backend,
      cubes: opts.cubes,
      workers: opts.workers,
      checkpoint: opts.checkpoint,
      minSize: opts['min-size'],
      maxSize: opts['max-size'],
      ...(heuristic !== undefined ? { upperBoundCircuit: heuristic.circuit } : {}),
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
      ...progress,
    }).finally(() => runner?.close()) : await synthesize(src.spec, {
      basis,
      encoder: opts.encoder as EncoderName | undefined,
      backend: opts.backend,
      // unset options are undefined, which synthesize() reads as "use the default"
      maxDepth: opts.depth,
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
      maxSize: opts['max-size'],
      minSize: opts['min-size'],
      allSolutions: opts.all,
      upperBoundCircuit: heuristic?.circuit ?? stored?.circuit,
      ...(heuristic !== undefined ? { upperBoundUse: 'cap' as const } : {}),
      ...(opts.parallel ? { parallel: true } : {}),
      ...(opts.proof !== undefined ? { proof: true, proofDir: opts.proof } : {}),
      ...progress,
    });
    const circuit = r.status === 'optimal' || r.status === 'feasible' ? rebuild(r.circuit, names).circuit : undefined;
    if (circuit !== undefined && opts.out) await writeCircuitFile(circuit, opts.out);
    const a = answer(r, opts.out);
    io.out(a.stdout);
    return a.exitCode;
  },
});

/** The best record of the spec's NPN class in the store at `path` (read-only), or undefined. */
async function storedAnswer(path: string, src: { spec: Parameters<typeof classAnswer>[1]['spec'] }, basis: BasisName): Promise<ClassAnswer | undefined> {
  const store = await openStore(path, { readonly: true });
  try {
    return classAnswer(store, { spec: src.spec }, basis);
  } finally {
    store.close();
  }
}

/** What `min` prints for an optimal answer taken from the store. */
function formatStoredAnswer(
  a: ClassAnswer,
  o: { label: string; basis: BasisName; seconds: number; json: boolean; names: Parameters<typeof rebuild>[1]; out: string | undefined; store: string },
): string {
  const circuit = rebuild(a.circuit!, o.names).circuit;
  const s = a.source;
  const from = { problem: s.derivedFrom ?? s.problem, encoder: s.encoder, solver: s.solver, evidence: s.evidence, store: o.store };
  if (o.json) {
    return JSON.stringify({ status: 'optimal', size: a.size, lowerBound: a.lowerBound, circuit: o.out ?? formatListing(circuit), spec: o.label, basis: o.basis, seconds: Number(o.seconds.toFixed(3)), fromStore: from }) + '\n';
  }
  const why = s.evidence.kind === 'unsat' ? `UNSAT at ${s.evidence.size}` : s.evidence.kind === 'argument' ? s.evidence.text : 'no evidence recorded';
  let out = `optimal ${o.basis} size ${a.size} for ${o.label}: from the results store, the record of ${from.problem} (${s.basis}/${s.encoder}, ${s.solver}, ${why}); circuit transformed to this function and re-verified; ${o.seconds.toFixed(2)} s\n`;
  out += o.out ? `circuit written to ${o.out}\n` : formatListing(circuit);
  return out;
}

/** What `min` prints for a result, and its exit code. */
interface MinAnswer {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Formats a synthesis result as `min` prints it (text or JSON); `out` is the file the circuit was written to. */
function formatMinAnswer(
  r: SynthesisResult,
  o: { label: string; basis: BasisName; seconds: number; json: boolean; names: Parameters<typeof rebuild>[1]; out: string | undefined; improveFirst?: { size: number; seconds: number; start: string } },
): MinAnswer {
  const common = {
    spec: o.label,
    basis: o.basis,
    costModel: basisInfo(o.basis).costModel,
    encoder: r.stats.encoder,
    solver: r.stats.backend,
    seconds: Number(o.seconds.toFixed(3)),
    ...(o.improveFirst === undefined ? {} : { improveFirst: { size: o.improveFirst.size, seconds: Number(o.improveFirst.seconds.toFixed(3)), start: o.improveFirst.start } }),
  };
  if (r.status === 'infeasible' || r.status === 'unknown') {
    const out = { status: r.status, ...(r.status === 'unknown' ? { lowerBound: r.provenLowerBound } : {}), reason: r.reason, ...common };
    const stdout = o.json ? JSON.stringify(out) + '\n' : `${r.status}: ${r.reason}${r.status === 'unknown' ? ` (proven lower bound ${r.provenLowerBound})` : ''}\n`;
    return { stdout, exitCode: r.status === 'infeasible' ? EXIT.negative : EXIT.unknown };
  }
  const circuit = rebuild(r.circuit, o.names).circuit;
  const lowerBound = r.status === 'optimal' ? r.size : r.provenLowerBound;
  const evidence =
    r.status === 'optimal'
      ? r.lowerBound
        ? { unsatAt: r.lowerBound.size, certificate: r.lowerBound }
        : { argument: r.lowerBoundArgument }
      : { reason: r.reason };
  const out = {
    status: r.status,
    size: r.size,
    lowerBound,
    circuit: o.out ?? formatListing(circuit),
    ...common,
    ...evidence,
    ...(r.status === 'optimal' && r.solutions ? { solutions: r.solutions.length, solutionsExhausted: r.solutionsExhausted ?? false } : {}),
  };
  const exitCode = r.status === 'optimal' ? EXIT.ok : EXIT.unknown;
  if (o.json) return { stdout: JSON.stringify(out) + '\n', exitCode };
  const why =
    r.status === 'optimal'
      ? r.lowerBound
        ? `size ${r.size - 1} is UNSAT (${r.lowerBound.encoder}, ${r.lowerBound.backend}${r.lowerBound.instances.some((i) => i.proof?.checked) ? ', DRAT proof checked' : ''})`
        : `${r.lowerBoundArgument}`
      : `proven lower bound ${r.provenLowerBound}; ${r.reason}`;
  let stdout = `${r.status} ${o.basis} size ${r.size} for ${o.label}: ${why}; ${o.seconds.toFixed(2)} s\n`;
  if (o.improveFirst !== undefined) stdout += `upper bound ${o.improveFirst.size} from local improvement in ${o.improveFirst.seconds.toFixed(2)} s (start: ${o.improveFirst.start})\n`;
  if (r.status === 'optimal' && r.solutions) stdout += `${r.solutions.length} optimal circuit(s)${r.solutionsExhausted ? ' (all)' : ''}\n`;
  stdout += o.out ? `circuit written to ${o.out}\n` : formatListing(circuit);
  const kept = r.status === 'optimal' ? r.lowerBound?.instances.find((i) => i.proof?.path !== undefined)?.proof?.path : undefined;
  if (kept !== undefined) stdout += `DRAT proofs in ${dirname(kept)}\n`;
  return { stdout, exitCode };
}
