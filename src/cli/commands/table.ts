import {
  BASES,
  basisByName,
  parseProblemList,
  buildCensusTable,
  buildResultTable,
  censusStorePath,
  formatCensusTable,
  formatTable,
  loadCensusColumn,
  MAX_CENSUS_INPUTS,
  loadRecords,
  resolveStorePath,
  LONGTABLE_MIN_ROWS,
  TABLE_FORMATS,
  UsageError,
  writeFileAtomic,
  type BasisName,
  type LatexLayout,
  type TableFormat,
} from '../../index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';

const SWEEP_BASES = Object.values(BASES).filter((b) => b.name !== 'MIG');

/** `--basis b2,u2` as basis names, in the order given. */
export function parseBasisList(text: string | undefined): BasisName[] | undefined {
  if (text === undefined) return undefined;
  const out: BasisName[] = [];
  for (const s of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    const b = basisByName(s);
    if (b === undefined) throw new UsageError(`--basis: unknown basis '${s}'; one of ${SWEEP_BASES.map((x) => x.cli).join(', ')}`);
    if (!out.includes(b.name)) out.push(b.name);
  }
  if (!out.length) throw new UsageError('--basis: no basis given');
  return out;
}

export const tableCommand = defineCommand({
  name: 'table',
  summary: 'tables for papers: minimum size by instance x basis from the results store (or a census table)',
  usage: '[--store FILE] [--problem LIST] [--basis B[,B]] [--encoder E] [--format md|tex|csv|json] [--latex auto|longtable|tabular] [--out FILE] | --census N [--basis B[,B]] [--census-dir DIR]',
  description:
    'Rows are problem instances grouped by family, columns are bases. A plain number is a proven optimum; "s (≥ b)" is the best circuit found with its proven ' +
    'lower bound; "timeout (≥ b)" means no circuit within the time limit; "—" means not run. Records of several encoders are merged (smallest size, largest bound). ' +
    `Each row states the time limit of its runs. Markdown and LaTeX (booktabs; a longtable at ${LONGTABLE_MIN_ROWS} rows and more, see --latex) end with a legend and a provenance line (versions, solvers, encoders, record dates; records made from a checkout with uncommitted changes are named as such, not by a revision); CSV has one row per cell. ` +
    'With --census N, tabulates the census stores of N-input functions (classes and functions per minimum size) instead. ' +
    'Exit 0, 4 when a census table is incomplete.',
  options: {
    store: { type: 'string', help: 'results store: SQLite, or a .jsonl record export (default $WATERLOO_STORE or results/waterloo.db)', metavar: 'FILE' },
    problem: { type: 'string', help: 'only these problems, comma separated, as sweep takes them: families (maj,thr), families with leading parameters (mod3:5) or full names (maj:5)', metavar: 'LIST' },
    basis: { type: 'string', help: 'only these bases, in this column order (comma separated)', metavar: 'B' },
    encoder: { type: 'string', help: 'only records of this encoder (default: all, merged)', metavar: 'E' },
    format: { type: 'string', help: 'output format', default: 'md', choices: TABLE_FORMATS },
    latex: { type: 'string', help: `LaTeX layout: one tabular, a longtable that breaks across pages, or auto (longtable from ${LONGTABLE_MIN_ROWS} rows on)`, default: 'auto', choices: ['auto', 'longtable', 'tabular'] },
    out: { type: 'string', short: 'o', help: 'write to FILE (atomically) instead of stdout', metavar: 'FILE' },
    census: { type: 'int', help: `census table of N-input functions (0..${MAX_CENSUS_INPUTS}) from the census stores`, min: 0, max: MAX_CENSUS_INPUTS, metavar: 'N' },
    'census-dir': { type: 'string', help: 'folder of the census stores', default: 'results/census', metavar: 'DIR' },
  },
  async run(opts, args, io) {
    if (args.length) throw new UsageError(`table: unexpected argument '${args[0]}'`);
    const format = opts.format as TableFormat;
    const bases = parseBasisList(opts.basis);
    let text: string;
    let code: number = EXIT.ok;
    if (opts.census !== undefined) {
      if (opts.problem !== undefined || opts.encoder !== undefined || opts.store !== undefined) throw new UsageError('table: --census takes no --store, --problem or --encoder');
      const n = opts.census;
      const columns = (bases ?? ['B2']).map((b) => loadCensusColumn(censusStorePath(opts['census-dir'], b, n), b, n));
      const t = buildCensusTable(columns);
      text = formatCensusTable(t, format);
      if (!t.complete) code = EXIT.unknown;
    } else {
      // parsed before the store is read: an unknown family is a usage error (exit 2), not an empty table
      const problems = opts.problem === undefined ? undefined : parseProblemList(opts.problem);
      const records = await loadRecords(opts.store ?? resolveStorePath());
      const t = buildResultTable(records, { problems, bases, encoder: opts.encoder });
      text = formatTable(t, format, { latex: opts.latex as LatexLayout | 'auto' });
    }
    if (opts.out !== undefined) writeFileAtomic(opts.out, text);
    else io.out(text);
    return code;
  },
});
