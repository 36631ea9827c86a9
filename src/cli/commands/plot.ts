import {
  basisByName,
  parseProblemList,
  problemItemMatches,
  censusHistogramSpec,
  censusStorePath,
  findProveTimesSpec,
  loadCensusColumn,
  MAX_CENSUS_INPUTS,
  loadRecords,
  renderVegaLiteSvg,
  resolveStorePath,
  trainedVsMinimumSpec,
  UsageError,
  ValidationError,
  readInputFile,
  writeFileAtomic,
  type BasisName,
  type TrainedSizeRow,
} from '../../index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { parseBasisList } from './table.js';

const KINDS = ['census', 'times', 'trained'] as const;

/** Reads trained-vs-minimum rows: a JSON array, or JSON lines, of {task, seed, model, trainedSize, improvedSize?, minimumSize?, lowerBound?}. */
function readTrainedRows(path: string): TrainedSizeRow[] {
  const text = readInputFile(path).toString('utf8');
  const trimmed = text.trim();
  const items: unknown[] = [];
  try {
    if (trimmed.startsWith('[')) items.push(...(JSON.parse(trimmed) as unknown[]));
    else for (const line of trimmed.split('\n')) if (line.trim()) items.push(JSON.parse(line));
  } catch (e) {
    throw new ValidationError(`${path}: not JSON or JSON lines: ${(e as Error).message}`, 'bad-json');
  }
  return items.map((x, i) => {
    const r = x as Partial<Record<keyof TrainedSizeRow, unknown>>;
    const optionalNumber = (v: unknown): boolean => v === undefined || v === null || typeof v === 'number';
    if (
      typeof r.task !== 'string' || typeof r.model !== 'string' || typeof r.seed !== 'number' || typeof r.trainedSize !== 'number' ||
      !optionalNumber(r.improvedSize) || !optionalNumber(r.minimumSize) || !optionalNumber(r.lowerBound) || (typeof r.minimumSize !== 'number' && typeof r.lowerBound !== 'number')
    ) {
      throw new ValidationError(`${path}: item ${i + 1} needs task (string), seed (number), model (string), trainedSize (number), minimumSize or lowerBound (number), and optionally improvedSize (number)`, 'bad-json');
    }
    const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
    const improvedSize = num(r.improvedSize), minimumSize = num(r.minimumSize), lowerBound = num(r.lowerBound);
    return {
      task: r.task, seed: r.seed, model: r.model, trainedSize: r.trainedSize,
      ...(improvedSize !== undefined ? { improvedSize } : {}), ...(minimumSize !== undefined ? { minimumSize } : {}), ...(lowerBound !== undefined ? { lowerBound } : {}),
    };
  });
}

export const plotCommand = defineCommand({
  name: 'plot',
  summary: 'SVG figures: census histogram, time to find vs time to prove, trained vs minimum size',
  usage: 'census --inputs N [--basis B] | times [--store FILE] [--problem LIST] [--basis B,...] | trained --data FILE  [--out FILE.svg] [--vega-lite]',
  description:
    'census: NPN classes and functions by minimum size, from a census store. times: for each optimal record, the time until a minimum circuit was found ' +
    'and the time of the UNSAT proof at size − 1, by size, log scale, with the median per size (joined only across consecutive sizes; times under 1 ms drawn at 1 ms). ' +
    'trained: trained and improved circuit sizes against the proven minimum (or the proven lower bound, marked, when the minimum is unknown), from a JSON array or JSON lines ' +
    'of {task, seed, model, trainedSize, improvedSize?, minimumSize?, lowerBound?}; seeds of equal size share one mark sized by their number. Figures are Vega-Lite charts rendered to SVG (deterministic: same data, same bytes); ' +
    '--vega-lite writes the chart spec (JSON) instead.',
  options: {
    out: { type: 'string', short: 'o', help: 'write to FILE (atomically) instead of stdout', metavar: 'FILE' },
    'vega-lite': { type: 'boolean', help: 'write the Vega-Lite spec (JSON) instead of SVG' },
    inputs: { type: 'int', help: `census: number of inputs (0..${MAX_CENSUS_INPUTS})`, min: 0, max: MAX_CENSUS_INPUTS, metavar: 'N' },
    'census-dir': { type: 'string', help: 'census: folder of the census stores', default: 'results/census', metavar: 'DIR' },
    basis: { type: 'string', help: 'census: the basis (default b2); times: only these bases', metavar: 'B' },
    store: { type: 'string', help: 'times: results store, SQLite or .jsonl export (default $WATERLOO_STORE or results/waterloo.db)', metavar: 'FILE' },
    problem: { type: 'string', help: 'times: only these problems (comma separated families or names, as table takes them)', metavar: 'LIST' },
    data: { type: 'string', help: 'trained: the results file', metavar: 'FILE' },
  },
  async run(opts, args, io) {
    const kind = args[0];
    if (kind === undefined || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`plot: expected one of ${KINDS.join(', ')}${kind === undefined ? '' : `, got '${kind}'`}`);
    if (args.length > 1) throw new UsageError(`plot: unexpected argument '${args[1]}'`);
    let spec;
    if (kind === 'census') {
      if (opts.inputs === undefined) throw new UsageError('plot census: --inputs N is required');
      const basis = (basisByName(opts.basis ?? 'b2')?.name ?? (() => { throw new UsageError(`plot census: unknown basis '${opts.basis}'`); })()) as BasisName;
      const column = loadCensusColumn(censusStorePath(opts['census-dir'], basis, opts.inputs), basis, opts.inputs);
      spec = censusHistogramSpec(column.entries, { basis, inputs: opts.inputs });
    } else if (kind === 'times') {
      const bases = parseBasisList(opts.basis);
      const problems = opts.problem === undefined ? undefined : parseProblemList(opts.problem);
      const records = (await loadRecords(opts.store ?? resolveStorePath())).filter((r) => (problems === undefined || problems.some((p) => problemItemMatches(p, r))) && (bases === undefined || bases.includes(r.basis)));
      spec = findProveTimesSpec(records);
    } else {
      if (opts.data === undefined) throw new UsageError('plot trained: --data FILE is required');
      spec = trainedVsMinimumSpec(readTrainedRows(opts.data));
    }
    const text = opts['vega-lite'] ? JSON.stringify(spec, null, 2) + '\n' : await renderVegaLiteSvg(spec);
    if (opts.out !== undefined) writeFileAtomic(opts.out, text);
    else io.out(text);
    return EXIT.ok;
  },
});
