/**
 * The census table: how many NPN classes and how many functions have each
 * minimum size, one pair of columns per census (basis, input count). Built
 * from census store entries (readCensusStore), which hold only proven optima;
 * classes missing from a store are counted in an `unsolved` row when the
 * caller says how many classes there are.
 */
import type { BasisName } from '../core/basis.js';
import type { CensusEntry } from '../synth/census.js';
import { texEscape, texNotes, type TableFormat } from './format-table.js';
import { formatProvenance, type Provenance } from './provenance.js';

/** One census to tabulate. */
export interface CensusColumnInput {
  readonly basis: BasisName;
  readonly inputs: number;
  readonly entries: readonly CensusEntry[];
  /** Number of NPN classes of `inputs`-input functions (npnClassSizes(n).size); enables the unsolved row. */
  readonly totalClasses?: number;
  /** Number of functions of `inputs` inputs (2^(2^n)); enables the unsolved row's function count. */
  readonly totalFunctions?: number;
}

/** Counts of one census at one size. */
export interface CensusCount {
  readonly classes: number;
  readonly functions: number;
}

/** The census table. */
export interface CensusTable {
  /** Column labels, one per census (`B2`, or `B2 n=3` when input counts differ). */
  readonly columns: readonly string[];
  /** One row per size (ascending), then `unsolved` when some census is incomplete. */
  readonly rows: readonly { readonly size: number | 'unsolved'; readonly counts: readonly (CensusCount | undefined)[] }[];
  /** Total classes and functions per column. */
  readonly totals: readonly CensusCount[];
  /** Whether every census is known to be complete. */
  readonly complete: boolean;
  readonly provenance: Provenance;
}

/** Builds the census table. */
export function buildCensusTable(censuses: readonly CensusColumnInput[]): CensusTable {
  const sameInputs = new Set(censuses.map((c) => c.inputs)).size <= 1;
  const columns = censuses.map((c) => (sameInputs ? c.basis : `${c.basis} n=${c.inputs}`));
  const bySize = censuses.map((c) => {
    const m = new Map<number, { classes: number; functions: number }>();
    for (const e of c.entries) {
      if (e.status !== 'optimal' || e.size === undefined) continue;
      const v = m.get(e.size) ?? { classes: 0, functions: 0 };
      v.classes++;
      v.functions += e.functions;
      m.set(e.size, v);
    }
    return m;
  });
  const sizes = [...new Set(bySize.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const rows: { size: number | 'unsolved'; counts: (CensusCount | undefined)[] }[] = sizes.map((size) => ({ size, counts: bySize.map((m) => m.get(size)) }));
  const solved = bySize.map((m) => [...m.values()].reduce((a, v) => ({ classes: a.classes + v.classes, functions: a.functions + v.functions }), { classes: 0, functions: 0 }));
  let complete = true;
  const missing = censuses.map((c, i): CensusCount | undefined => {
    if (c.totalClasses === undefined) {
      complete = false;
      return undefined;
    }
    const classes = c.totalClasses - solved[i]!.classes;
    if (classes === 0) return undefined;
    complete = false;
    return { classes, functions: c.totalFunctions !== undefined ? c.totalFunctions - solved[i]!.functions : NaN };
  });
  if (missing.some((m) => m !== undefined)) rows.push({ size: 'unsolved', counts: missing });
  const totals = solved.map((s, i) => ({ classes: s.classes + (missing[i]?.classes ?? 0), functions: s.functions + (missing[i]?.functions ?? 0) }));
  const all = censuses.flatMap((c) => c.entries);
  const distinct = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => x !== undefined))].sort();
  return {
    columns,
    rows,
    totals,
    complete,
    provenance: { records: all.length, versions: distinct(all.map((e) => e.version)), solvers: distinct(all.map((e) => e.backend)), encoders: distinct(all.map((e) => e.encoder)) },
  };
}

const num = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '' : String(v));

/** Renders the census table. */
export function formatCensusTable(t: CensusTable, format: TableFormat): string {
  const footer = formatProvenance(t.provenance);
  const note = t.complete ? 'Every class solved to optimality.' : 'Some classes are unsolved (no proven minimum in the store).';
  switch (format) {
    case 'json':
      return JSON.stringify(t, null, 2) + '\n';
    case 'csv': {
      const lines = ['column,size,classes,functions'];
      for (const r of t.rows) r.counts.forEach((c, i) => c && lines.push(`${t.columns[i]},${r.size},${num(c.classes)},${num(c.functions)}`));
      return lines.join('\n') + '\n';
    }
    case 'md': {
      const header = ['size', ...t.columns.flatMap((c) => [`${c} classes`, `${c} functions`])];
      const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '--:').join('|')}|`];
      for (const r of t.rows) lines.push(`| ${[String(r.size), ...r.counts.flatMap((c) => [num(c?.classes), num(c?.functions)])].join(' | ')} |`);
      lines.push(`| **total** | ${t.totals.flatMap((c) => [`**${num(c.classes)}**`, `**${num(c.functions)}**`]).join(' | ')} |`);
      return `${lines.join('\n')}\n\n${note}\n\n<sub>${footer}</sub>\n`;
    }
    case 'tex': {
      const lines = [
        '% Generated by `waterloo table --census`; needs \\usepackage{booktabs}.',
        `\\begin{tabular}{r${'rr'.repeat(t.columns.length)}}`,
        '\\toprule',
        ` & ${t.columns.map((c) => `\\multicolumn{2}{c}{${texEscape(c)}}`).join(' & ')} \\\\`,
        t.columns.map((_, i) => `\\cmidrule(lr){${2 + 2 * i}-${3 + 2 * i}}`).join(''),
        `Size & ${t.columns.map(() => 'classes & functions').join(' & ')} \\\\`,
        '\\midrule',
      ];
      for (const r of t.rows) lines.push(`${r.size} & ${r.counts.flatMap((c) => [num(c?.classes), num(c?.functions)]).join(' & ')} \\\\`);
      lines.push('\\midrule', `Total & ${t.totals.flatMap((c) => [num(c.classes), num(c.functions)]).join(' & ')} \\\\`, '\\bottomrule');
      lines.push('\\end{tabular}', texNotes([texEscape(note), texEscape(footer)]));
      return lines.join('\n') + '\n';
    }
  }
}
