/**
 * `waterloo results regenerate`: rebuilds everything the project publishes in
 * results/ from one command. It
 *
 * 1. loads the published records (results/store/records.jsonl, the text form
 *    kept in git) into the working SQLite store (results/store/published.db,
 *    not in git), so a fresh clone recomputes nothing it already has, and
 *    the answers of the frontier runs (results/frontier/*.json, see
 *    frontier-records.ts), each kept when better than the stored record;
 * 2. sweeps the published family set ({@link PUBLISHED_FAMILIES}) in B2 and U2
 *    with a per-instance time limit; instances already stored are skipped, so
 *    an interrupted run resumes;
 * 3. completes the published censuses whose files are incomplete: a file is
 *    imported into the working store (entries re-checked), its missing
 *    classes are solved as sweep instances `tt:n:REP`, and the file is
 *    rewritten as the store's census export;
 * 4. writes the records back as sorted JSON lines, the tables
 *    (results/tables/*.{md,tex,csv,json}), the figures (results/plots/*.svg),
 *    and the generated part of results/README.md (between markers).
 *
 * Every output is a function of the records, so rerunning with nothing new
 * to solve leaves the files byte for byte as they were.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { censusHistogramSpec, findProveTimePoints, findProveTimesSpec } from '../plot/charts.js';
import { renderVegaLiteSvg } from '../plot/render.js';
import { censusStorePath, loadCensusColumn } from '../report/census-source.js';
import { buildCensusTable, formatCensusTable, type CensusColumnInput } from '../report/census-table.js';
import { formatTable, TABLE_FORMATS } from '../report/format-table.js';
import { buildResultTable } from '../report/result-table.js';
import type { BackendName } from '../sat/registry.js';
import { openStore } from '../store/sqlite-store.js';
import type { ResultsStore, StoreRecord } from '../store/types.js';
import { census } from '../sweep/census.js';
import { defaultEncoderFor } from '../synth/registry.js';
import { formatCensusJsonl, importCensusJsonl } from '../sweep/census-jsonl.js';
import type { BasisName } from '../core/basis.js';
import { expandSweep } from '../sweep/expand.js';
import type { SweepInstance } from '../sweep/solve-instance.js';
import { runSweep, type SweepProgress, type SweepResult } from '../sweep/sweep.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from '../errors.js';
import { gitTreeState, type TreeState } from '../version.js';
import { PUBLISHED_BASES, PUBLISHED_CENSUSES, PUBLISHED_ENCODER, PUBLISHED_FAMILIES, PUBLISHED_TIMEOUT_SECONDS, type PublishedCensus, type PublishedFamily } from './published-set.js';
import { readFrontierRecords } from './frontier-records.js';
import { renderResultsSection, replaceGeneratedSection } from './readme.js';
import { formatRecordExport, readRecordExport, verifyRecordExport } from '../report/record-export.js';

/** Parameters of {@link regenerateResults}. */
export interface RegenerateParams {
  /** The results folder (default `results`). */
  readonly dir: string;
  /** Time limit per family instance and per census class, seconds. */
  readonly timeoutSeconds?: number;
  /** Instances solved at once. */
  readonly jobs?: number;
  readonly backend?: BackendName | 'auto';
  /** false: only rebuild tables, plots and README from the records already there (no solving). */
  readonly solve?: boolean;
  /**
   * Also re-solve stored instances that are not optimal and were run with a
   * shorter time limit than `timeoutSeconds` (the sweep itself skips every
   * stored instance). A new record replaces the old one only if it is better.
   */
  readonly retry?: boolean;
  /** The family set (default {@link PUBLISHED_FAMILIES}; other sets are for tests and private result folders). */
  readonly families?: readonly PublishedFamily[];
  /** The censuses (default {@link PUBLISHED_CENSUSES}). */
  readonly censuses?: readonly PublishedCensus[];
  /** Recorded in new records. */
  readonly command?: string;
  /**
   * Publish from a checkout with uncommitted changes (outside results/).
   * Refused by default: the records and tables would name a revision that
   * does not hold the code that made them.
   */
  readonly allowDirty?: boolean;
  /** The checkout's state (default: git, see {@link gitTreeState}); tests pass their own. */
  readonly treeState?: () => TreeState;
  /** Human-readable progress lines. */
  readonly log?: (line: string) => void;
  readonly onSweepProgress?: (p: SweepProgress) => void;
}

/** What {@link regenerateResults} did. */
export interface RegenerateResult {
  /** Records of the published set now in the export. */
  readonly records: number;
  /** Records of the export refused by verifyRecord (not imported), one line each naming file, instance and reason. */
  readonly refused: readonly string[];
  /** Cells of the family table by status. */
  readonly byStatus: Readonly<Record<StoreRecord['status'], number>>;
  /** The sweep's outcome (absent when nothing was solved). */
  readonly sweep?: SweepResult;
  /** The retry sweep's outcome (absent when there was none). */
  readonly retried?: SweepResult;
  /** Census classes solved by this run. */
  readonly censusClassesSolved: number;
  /** Files written (relative to dir), sorted. */
  readonly files: readonly string[];
}

/** Paths inside the results folder. */
export const RESULTS_LAYOUT = {
  records: 'store/records.jsonl',
  database: 'store/published.db',
  tables: 'tables',
  plots: 'plots',
  census: 'census',
  readme: 'README.md',
  frontier: 'frontier',
} as const;

/** The instances of the published family sweep, in sweep order. */
export function publishedInstances(timeoutSeconds: number, families: readonly PublishedFamily[] = PUBLISHED_FAMILIES): SweepInstance[] {
  return families.flatMap((f) =>
    expandSweep({ problem: f.problem, n: f.n, basis: PUBLISHED_BASES.join(','), encoder: PUBLISHED_ENCODER, timeoutSeconds }),
  );
}

const keyOf = (r: { problem: string; basis: string; encoder: string }): string => `${r.problem}\u0000${r.basis}\u0000${r.encoder}`;

/**
 * Re-solves the stored non-optimal instances that had a shorter limit, in a
 * scratch store (runSweep skips what its store holds), then offers each new
 * record to the published store, which keeps the better one.
 */
async function retryShortRuns(instances: readonly SweepInstance[], store: ResultsStore, timeout: number, p: RegenerateParams, log: (line: string) => void): Promise<SweepResult | undefined> {
  const todo = instances.filter((i) => {
    const r = store.get(i);
    return r !== undefined && r.status !== 'optimal' && (r.timeoutSeconds ?? Infinity) < timeout;
  });
  log(`retry: ${todo.length} stored instances are not optimal and ran with less than ${timeout} s`);
  if (!todo.length) return undefined;
  const scratchDir = mkdtempSync(join(tmpdir(), 'waterloo-retry-'));
  const scratch = await openStore(join(scratchDir, 'retry.db'));
  try {
    let improved = 0;
    // each record goes to the published store as it arrives, so an interrupted retry keeps what it finished
    const onProgress = (q: SweepProgress): void => {
      if (q.last?.record !== undefined && store.put(q.last.record)) improved++;
      p.onSweepProgress?.(q);
    };
    const r = await runSweep({ instances: todo, store: scratch, jobs: p.jobs ?? 2, ...(p.backend ? { backend: p.backend } : {}), command: p.command ?? 'waterloo results regenerate --retry', onProgress });
    log(`retry: ${r.solved.optimal} optimal, ${r.solved.feasible} feasible, ${r.solved.unknown} unknown; ${improved} records improved`);
    return r;
  } finally {
    scratch.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

/**
 * Completes one published census: its JSON-lines file is imported into the
 * working store (each entry re-checked; refusals are added to `refused`),
 * the missing classes are solved as sweep instances into that store, and
 * the file's new text (the store's export) is returned.
 */
async function completeCensus(
  file: string,
  database: string,
  c: { inputs: number; basis: BasisName; timeout: number; jobs: number; p: RegenerateParams; log: (line: string) => void; refused: string[] },
): Promise<{ classes: number; export: string }> {
  const store = await openStore(database);
  try {
    if (existsSync(file)) {
      const im = importCensusJsonl(file, store);
      c.refused.push(...im.refused);
      for (const line of im.refused) c.log(`  ${line}`);
    }
    const r = await census({
      inputs: c.inputs, basis: c.basis, encoder: defaultEncoderFor(c.basis), backend: c.p.backend ?? 'auto', store, jobs: c.jobs, classTimeoutSeconds: c.timeout,
      command: c.p.command ?? 'waterloo results regenerate',
    });
    for (const f of r.failures) c.log(`  failed: ${f.instance.problem} ${f.instance.basis}: ${f.message}`);
    return { classes: r.stats.solved, export: formatCensusJsonl(store, c.inputs, c.basis, defaultEncoderFor(c.basis)) };
  } finally {
    store.close();
  }
}

/** Runs the regeneration (see the module notes). */
export async function regenerateResults(p: RegenerateParams): Promise<RegenerateResult> {
  const log = p.log ?? (() => {});
  if (!p.allowDirty) {
    const tree = (p.treeState ?? gitTreeState)();
    if (tree.changedFiles.length) {
      const shown = tree.changedFiles.slice(0, 10).join(', ') + (tree.changedFiles.length > 10 ? `, and ${tree.changedFiles.length - 10} more` : '');
      throw new UsageError(`results regenerate: the checkout has uncommitted changes (${shown}); commit them first, or pass --allow-dirty`, 'dirty-tree');
    }
  }
  const timeout = p.timeoutSeconds ?? PUBLISHED_TIMEOUT_SECONDS;
  const jobs = p.jobs ?? 2;
  const at = (rel: string): string => join(p.dir, rel);
  const files: string[] = [];
  const write = (rel: string, text: string): void => {
    const path = at(rel);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileAtomic(path, text);
    files.push(rel);
  };

  const families = p.families ?? PUBLISHED_FAMILIES;
  const instances = publishedInstances(timeout, families);
  const wanted = new Set(instances.map((i) => keyOf(i)));
  mkdirSync(dirname(at(RESULTS_LAYOUT.database)), { recursive: true });
  const store = await openStore(at(RESULTS_LAYOUT.database));
  let sweep: SweepResult | undefined;
  let retried: SweepResult | undefined;
  let records: StoreRecord[];
  const refused: string[] = [];
  try {
    const exported = readRecordExport(at(RESULTS_LAYOUT.records));
    const checked = verifyRecordExport(at(RESULTS_LAYOUT.records), exported);
    refused.push(...checked.refused);
    let imported = 0;
    for (const r of checked.accepted) if (store.put(r)) imported++;
    log(`records: ${exported.length} in ${RESULTS_LAYOUT.records}, ${imported} new or better than the working store's${refused.length ? `, ${refused.length} refused` : ''}`);
    for (const line of refused) log(`  ${line}`);
    // the long single runs of results/frontier answer their instances like records (the store keeps the better one)
    const frontier = readFrontierRecords(at(RESULTS_LAYOUT.frontier));
    const fromFrontier = frontier.records.filter((r) => wanted.has(keyOf(r)) && store.put(r)).length;
    refused.push(...frontier.refused);
    log(`frontier runs: ${frontier.records.length} in ${RESULTS_LAYOUT.frontier}/, ${fromFrontier} better than the store's${frontier.refused.length ? `, ${frontier.refused.length} refused` : ''}`);
    for (const line of frontier.refused) log(`  ${line}`);
    if (p.solve !== false) {
      const todo = instances.filter((i) => !store.has(i)).length;
      log(`family sweep: ${instances.length} instances (${PUBLISHED_BASES.join(', ')}, encoder ${PUBLISHED_ENCODER}, ${timeout} s each), ${todo} to solve`);
      sweep = await runSweep({ instances, store, jobs, ...(p.backend ? { backend: p.backend } : {}), command: p.command ?? 'waterloo results regenerate', ...(p.onSweepProgress ? { onProgress: p.onSweepProgress } : {}) });
      log(`family sweep: ${sweep.solved.optimal} optimal, ${sweep.solved.feasible} feasible, ${sweep.solved.unknown} unknown, ${sweep.failures.length} failed (${sweep.seconds.toFixed(0)} s)`);
      for (const f of sweep.failures) log(`  failed: ${f.instance.problem} ${f.instance.basis}: ${f.message}`);
      if (p.retry) retried = await retryShortRuns(instances, store, timeout, p, log);
    }
    records = store.list().filter((r) => wanted.has(keyOf(r)));
  } finally {
    store.close();
  }
  write(RESULTS_LAYOUT.records, formatRecordExport(records));

  let censusClassesSolved = 0;
  const censusTables: { inputs: number; columns: CensusColumnInput[] }[] = [];
  for (const c of p.censuses ?? PUBLISHED_CENSUSES) {
    const columns: CensusColumnInput[] = [];
    for (const basis of c.bases) {
      const rel = `${RESULTS_LAYOUT.census}/${basename(censusStorePath('.', basis, c.inputs))}`;
      let column = loadCensusColumn(at(rel), basis, c.inputs);
      if (p.solve !== false && column.entries.length < column.totalClasses!) {
        log(`census ${basis} n=${c.inputs}: ${column.totalClasses! - column.entries.length} classes to solve`);
        const solved = await completeCensus(at(rel), at(RESULTS_LAYOUT.database), { inputs: c.inputs, basis, timeout, jobs, p, log, refused });
        censusClassesSolved += solved.classes;
        write(rel, solved.export);
        column = loadCensusColumn(at(rel), basis, c.inputs);
      }
      columns.push(column);
    }
    censusTables.push({ inputs: c.inputs, columns });
  }

  const table = buildResultTable(records, { bases: PUBLISHED_BASES });
  for (const format of TABLE_FORMATS) {
    write(`${RESULTS_LAYOUT.tables}/families.${format}`, formatTable(table, format));
    for (const f of families) write(`${RESULTS_LAYOUT.tables}/${f.problem}.${format}`, formatTable(buildResultTable(records, { family: f.problem, bases: PUBLISHED_BASES }), format));
    for (const c of censusTables) write(`${RESULTS_LAYOUT.tables}/census-n${c.inputs}.${format}`, formatCensusTable(buildCensusTable(c.columns), format));
  }

  const plots: { file: string; title: string }[] = [];
  if (findProveTimePoints(records).length) {
    write(`${RESULTS_LAYOUT.plots}/find-vs-prove.svg`, await renderVegaLiteSvg(findProveTimesSpec(records)));
    plots.push({ file: `${RESULTS_LAYOUT.plots}/find-vs-prove.svg`, title: 'time to find vs time to prove' });
  }
  for (const c of censusTables) {
    for (const col of c.columns) {
      if (!col.entries.length || (col.basis !== 'B2' && col.basis !== 'U2')) continue; // XAIG and AIG repeat B2 and U2
      const rel = `${RESULTS_LAYOUT.plots}/census-${col.basis.toLowerCase()}-n${c.inputs}.svg`;
      write(rel, await renderVegaLiteSvg(censusHistogramSpec(col.entries, { basis: col.basis, inputs: c.inputs })));
      plots.push({ file: rel, title: `census of ${c.inputs}-input functions in ${col.basis}` });
    }
  }

  const readmePath = at(RESULTS_LAYOUT.readme);
  const before = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '# Results\n';
  write(RESULTS_LAYOUT.readme, replaceGeneratedSection(before, renderResultsSection({ families, table, censusTables: censusTables.map((c) => ({ inputs: c.inputs, table: buildCensusTable(c.columns) })), plots })));

  const byStatus = { optimal: 0, feasible: 0, unknown: 0 };
  for (const c of table.rows.flatMap((r) => Object.values(r.cells))) if (c !== undefined) byStatus[c.status]++;
  return { records: records.length, refused, byStatus, ...(sweep ? { sweep } : {}), ...(retried ? { retried } : {}), censusClassesSolved, files: [...files].sort() };
}
