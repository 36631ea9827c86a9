/**
 * Result tables of the experiments: `NAME.md` and `NAME.json` hold only what
 * is determined by the configuration and seeds (so a rerun reproduces them
 * byte for byte), and `NAME.timings.json` holds wall-clock figures, which
 * never do.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

/** A cell: numbers and strings print as they are; null prints as `-`. */
export type Cell = string | number | boolean | null;

/** One table of an experiment. */
export interface ExperimentTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Everything an experiment writes. */
export interface ExperimentReport {
  /** File stem, e.g. `trained-vs-min`. */
  readonly name: string;
  /** The configuration that determines the tables (tasks, seeds, options). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Lines of prose printed above the tables (definitions, caveats). */
  readonly notes: readonly string[];
  readonly tables: readonly ExperimentTable[];
  /** Wall-clock figures, written to a separate file. */
  readonly timings: Readonly<Record<string, unknown>>;
  /** Further deterministic JSON files, NAME.KEY.json (e.g. the points `waterloo plot trained` reads). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

function cellText(c: Cell): string {
  if (c === null) return '-';
  if (typeof c === 'boolean') return c ? 'yes' : 'no';
  return String(c).replace(/\|/g, '\\|');
}

/** Markdown text of a report (no timings). */
export function renderReportMarkdown(r: ExperimentReport): string {
  const lines = [`# ${r.name}`, ''];
  for (const n of r.notes) lines.push(n);
  if (r.notes.length) lines.push('');
  lines.push('Configuration: `' + JSON.stringify(r.config) + '`', '');
  for (const t of r.tables) {
    lines.push(`## ${t.title}`, '', `| ${t.columns.join(' | ')} |`, `|${t.columns.map(() => ' --- ').join('|')}|`);
    for (const row of t.rows) lines.push(`| ${row.map(cellText).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** JSON text of a report (no timings): tables as arrays of objects keyed by column. */
export function renderReportJson(r: ExperimentReport): string {
  const tables = r.tables.map((t) => ({ title: t.title, rows: t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? null]))) }));
  return JSON.stringify({ experiment: r.name, config: r.config, notes: r.notes, tables }, null, 2) + '\n';
}

/** Writes NAME.md, NAME.json, NAME.timings.json and the extra files into `dir` (each atomically); returns the paths. */
export function writeExperimentReport(dir: string, r: ExperimentReport): string[] {
  const md = join(dir, `${r.name}.md`), json = join(dir, `${r.name}.json`), timings = join(dir, `${r.name}.timings.json`);
  writeFileAtomic(md, renderReportMarkdown(r));
  writeFileAtomic(json, renderReportJson(r));
  writeFileAtomic(timings, JSON.stringify({ experiment: r.name, ...r.timings }, null, 2) + '\n');
  const extra = Object.entries(r.extra ?? {}).map(([key, value]) => {
    const path = join(dir, `${r.name}.${key}.json`);
    writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
    return path;
  });
  return [md, json, timings, ...extra];
}
