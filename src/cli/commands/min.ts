import { dirname } from 'node:path';
import {
  basisInfo,
  formatListing,
  rebuild,
  synthesize,
  writeCircuitFile,
  type BasisName,
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

export const minCommand = defineCommand({
  name: 'min',
  summary: 'find a minimum circuit and prove that nothing smaller exists (exact synthesis)',
  usage: 'SPEC [--basis b2|u2|aig|xaig|mig|mc|lut3|ops:HEX,...] [--depth D] [--timeout S] [--out FILE] [--proof DIR] [--json]',
  description:
    'SPEC is --tt HEX[,HEX...] --inputs N, --problem NAME, or a FILE (.truth, .hex, or a circuit whose function is taken). ' +
    'Status "optimal" means a circuit of that size was found and verified by simulation AND size-1 was proved impossible (UNSAT, recorded with solver and encoding); ' +
    '"feasible" means the best circuit found and a proven lower bound; "unknown" means a limit was hit. Exit 0 optimal, 1 infeasible (e.g. under a depth bound), 4 feasible/unknown.',
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
    const answer = (r: SynthesisResult, out: string | undefined): MinAnswer =>
      formatMinAnswer(r, { label: src.label, basis, seconds: (performance.now() - t0) / 1000, json: opts.json, names, out });
    const r: SynthesisResult = await synthesize(src.spec, {
      basis,
      encoder: opts.encoder as EncoderName | undefined,
      backend: opts.backend,
      // unset options are undefined, which synthesize() reads as "use the default"
      maxDepth: opts.depth,
      ...(opts.timeout > 0 ? { timeLimitMs: Math.round(opts.timeout * 1000) } : {}),
      maxSize: opts['max-size'],
      minSize: opts['min-size'],
      allSolutions: opts.all,
      ...(opts.parallel ? { parallel: true } : {}),
      ...(opts.proof !== undefined ? { proof: true, proofDir: opts.proof } : {}),
      ...(io.checkpoint === undefined
        ? {}
        : {
            // what a stop from outside prints: the proven bound, and the best circuit (listed, not written to --out)
            onProgress: (p: SynthesisProgress) => {
              const common = { provenLowerBound: p.provenLowerBound, reason: 'time (stopped from outside at the hard limit)', stats: p.stats };
              const partial: SynthesisResult = p.best ? { status: 'feasible', circuit: p.best.circuit, size: p.best.size, ...common } : { status: 'unknown', ...common };
              const a = answer(partial, undefined);
              io.checkpoint!({ stdout: a.stdout, exitCode: a.exitCode });
            },
          }),
    });
    const circuit = r.status === 'optimal' || r.status === 'feasible' ? rebuild(r.circuit, names).circuit : undefined;
    if (circuit !== undefined && opts.out) await writeCircuitFile(circuit, opts.out);
    const a = answer(r, opts.out);
    io.out(a.stdout);
    return a.exitCode;
  },
});

/** What `min` prints for a result, and its exit code. */
interface MinAnswer {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Formats a synthesis result as `min` prints it (text or JSON); `out` is the file the circuit was written to. */
function formatMinAnswer(
  r: SynthesisResult,
  o: { label: string; basis: BasisName; seconds: number; json: boolean; names: Parameters<typeof rebuild>[1]; out: string | undefined },
): MinAnswer {
  const common = { spec: o.label, basis: o.basis, costModel: basisInfo(o.basis).costModel, encoder: r.stats.encoder, solver: r.stats.backend, seconds: Number(o.seconds.toFixed(3)) };
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
  if (r.status === 'optimal' && r.solutions) stdout += `${r.solutions.length} optimal circuit(s)${r.solutionsExhausted ? ' (all)' : ''}\n`;
  stdout += o.out ? `circuit written to ${o.out}\n` : formatListing(circuit);
  const kept = r.status === 'optimal' ? r.lowerBound?.instances.find((i) => i.proof?.path !== undefined)?.proof?.path : undefined;
  if (kept !== undefined) stdout += `DRAT proofs in ${dirname(kept)}\n`;
  return { stdout, exitCode };
}
