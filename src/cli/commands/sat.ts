import { checkDrat, createSolver, parseDimacs, prepareProofFile, readInputFile, UsageError, type Cnf } from '../../index.js';
import { defineCommand } from '../command.js';
import { timeoutOption } from '../options.js';
import { backendOption } from '../backend-option.js';
import { EXIT } from '../exit-codes.js';

function readText(path: string): string {
  return readInputFile(path).toString('latin1');
}

function readCnf(path: string): Cnf {
  return parseDimacs(readText(path), { fileName: path === '-' ? '<stdin>' : path });
}

/** `v` lines of a model, about 80 characters each, ending with 0. */
function modelLines(model: Int8Array, numVars: number): string {
  const lines: string[] = [];
  let line = 'v';
  for (let v = 1; v <= numVars; v++) {
    const lit = ` ${model[v] === 1 ? v : -v}`;
    if (line.length + lit.length > 78) {
      lines.push(line);
      line = 'v';
    }
    line += lit;
  }
  lines.push(line + ' 0');
  return lines.join('\n') + '\n';
}

export const satCommand = defineCommand({
  name: 'sat',
  summary: 'solve a DIMACS CNF (exit 10 SAT, 20 UNSAT, 0 unknown), or check a DRAT proof',
  usage: 'FILE.cnf [--backend NAME] [--proof OUT] [--timeout S] | --check-proof FILE.cnf PROOF',
  description:
    'Output follows the SAT competition convention: "s SATISFIABLE" with "v" lines, "s UNSATISFIABLE", or "s UNKNOWN". ' +
    'Every model is checked against the clauses. With --proof, the UNSAT proof (DRAT) is written to OUT and checked by waterloo\'s own checker. ' +
    '--check-proof prints "s VERIFIED" (exit 0), "s NOT VERIFIED" (exit 1) or "s UNKNOWN" (exit 4).',
  options: {
    backend: backendOption(),
    proof: { type: 'string', help: 'write a DRAT proof to OUT (cadical backends) and check it', metavar: 'OUT' },
    timeout: timeoutOption('time limit in seconds (0 = none)'),
    'check-proof': { type: 'boolean', help: 'check PROOF (DRAT, text or binary) against FILE.cnf' },
    quiet: { type: 'boolean', short: 'q', help: 'omit the v lines' },
  },
  hardLimitSeconds: (opts) => opts.timeout,
  async run(opts, args, io) {
    io.checkpoint?.({ stdout: 'c time limit (stopped from outside)\ns UNKNOWN\n', exitCode: opts['check-proof'] ? EXIT.unknown : 0 });
    if (opts['check-proof']) {
      if (args.length !== 2) throw new UsageError('sat --check-proof: expects FILE.cnf and PROOF');
      const cnf = readCnf(args[0]!);
      const proof = readInputFile(args[1]!);
      const r = checkDrat(cnf, proof, opts.timeout > 0 ? { timeLimitMs: opts.timeout * 1000 } : {});
      io.out(`c ${r.stats.checkedLemmas} lemmas checked of ${r.stats.lemmas}, ${r.stats.ms.toFixed(0)} ms${r.reason ? `; ${r.reason}` : ''}\n`);
      io.out(r.verdict === 'verified' ? 's VERIFIED\n' : r.verdict === 'rejected' ? 's NOT VERIFIED\n' : 's UNKNOWN\n');
      return r.verdict === 'verified' ? EXIT.ok : r.verdict === 'rejected' ? EXIT.negative : EXIT.unknown;
    }
    if (args.length !== 1) throw new UsageError('sat: expects one FILE.cnf');
    const cnf = readCnf(args[0]!);
    let backend = opts.backend;
    if (opts.proof && backend === 'auto') backend = 'cadical-cli';
    if (opts.proof && backend !== 'cadical' && backend !== 'cadical-cli') throw new UsageError(`sat: --proof needs a cadical backend, not '${backend}'`);
    if (opts.proof) prepareProofFile(opts.proof);
    const solver = await createSolver(backend, opts.proof ? { proofPath: opts.proof } : {});
    try {
      solver.addCnf(cnf);
      const t0 = performance.now();
      const r = await solver.solve(opts.timeout > 0 ? { timeLimitMs: opts.timeout * 1000 } : {});
      io.out(`c backend ${solver.backend}, ${cnf.numVars} variables, ${cnf.clauses.length} clauses, ${(performance.now() - t0).toFixed(0)} ms\n`);
      if (r.status === 'sat') {
        io.out('s SATISFIABLE\n');
        if (!opts.quiet) io.out(modelLines(r.model, cnf.numVars));
        return 10;
      }
      if (r.status === 'unsat') {
        if (opts.proof) {
          solver.close();
          const check = checkDrat(cnf, readInputFile(opts.proof));
          io.out(`c proof ${opts.proof}: ${check.verdict}${check.reason ? ` (${check.reason})` : ''}\n`);
          if (check.verdict !== 'verified') {
            io.out('s UNKNOWN\n');
            return 0;
          }
        }
        io.out('s UNSATISFIABLE\n');
        return 20;
      }
      io.out(`c ${r.reason}${r.detail ? `: ${r.detail}` : ''}\ns UNKNOWN\n`);
      return 0;
    } finally {
      solver.close();
    }
  },
});
