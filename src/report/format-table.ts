/**
 * Renders a {@link ResultTable} as Markdown, LaTeX (booktabs), CSV or JSON.
 * Cells: a plain number is a proven optimum; `s (≥ b)` is the best circuit
 * found (size s) with its proven lower bound b; `timeout (≥ b)` means no
 * circuit within the limits; a dash means the instance was not run.
 * Each row states the time limit of its runs. LaTeX is one `tabular`, or a
 * `longtable` for long tables (a float taller than the page is never placed).
 * Markdown and LaTeX end with the legend and a provenance footer; CSV is one
 * row per (instance, basis) with plain columns, for spreadsheets and scripts;
 * JSON is the table object itself.
 */
import { formatProvenance } from './provenance.js';
import type { ResultTable, TableCell, TableRow } from './result-table.js';

/** Output formats of {@link formatTable}. */
export type TableFormat = 'md' | 'tex' | 'csv' | 'json';

/** Every table format (kept exhaustive by the compiler). */
export const TABLE_FORMATS = Object.keys({ md: true, tex: true, csv: true, json: true } satisfies Record<TableFormat, true>) as readonly TableFormat[];

/** The legend under a table, plain text. */
export const TABLE_LEGEND =
  'A plain number is the proven minimum size (a verified circuit of that size, and UNSAT at size − 1 or a stated argument). ' +
  '"s (≥ b)": best circuit found has size s, the minimum is proven to be at least b. ' +
  '"timeout (≥ b)": no circuit found within the time limit, the minimum is at least b. ' +
  '"—": not run. "limit (s)": the time limit per instance of the row\'s runs, seconds.';

/** The same legend for LaTeX: symbols in math mode, an en dash for "not run", TeX quotes. */
export const TABLE_LEGEND_TEX =
  'A plain number $s$ is the proven minimum size: a verified circuit of size $s$, and UNSAT at size $s-1$ or a stated argument. ' +
  "``$s$ ($\\geq b$)'': the best circuit found has size $s$, and the minimum is proven to be at least $b$. " +
  "``timeout ($\\geq b$)'': no circuit found within the time limit; the minimum is at least $b$. " +
  "--: not run. Limit: the time limit per instance of the row's runs, in seconds.";

/** How a LaTeX result table is laid out: one `tabular` (fits in a float), or a `longtable` that breaks across pages. */
export type LatexLayout = 'tabular' | 'longtable';

/** Options of {@link formatTable}. */
export interface FormatTableParams {
  /** LaTeX layout; 'auto' takes a longtable from {@link LONGTABLE_MIN_ROWS} rows on. */
  readonly latex: LatexLayout | 'auto';
}

/** Default {@link FormatTableParams}. */
export const DEFAULT_FORMAT_TABLE_PARAMS: FormatTableParams = Object.freeze({ latex: 'auto' });

/**
 * From this many rows on, 'auto' writes a longtable: about 40 rows of
 * \\small text fill an A4 page, and a float taller than the page is not placed at all.
 */
export const LONGTABLE_MIN_ROWS = 30;

/** The time limits of a row: `60`, `60, 900`, or `none`. */
function limitText(seconds: readonly number[]): string {
  return seconds.length ? seconds.join(', ') : 'none';
}

/** Marks a cell whose size or bound comes from an NPN-equivalent instance. */
export const NPN_MARK = '†';

/** The legend line for {@link NPN_MARK}, shown under tables that have such cells. */
export const NPN_LEGEND =
  '† : taken from an NPN-equivalent instance (the same function up to permuting and negating inputs and negating the output, so the same minimum size in every basis): ' +
  'its circuit, transformed to this instance and simulated against it, or its proven lower bound; the CSV and JSON forms name the instance.';

const fromClass = (c: TableCell | undefined): boolean => c?.sizeFrom !== undefined || c?.boundFrom !== undefined;

/** Whether any shown cell uses an equivalent instance's record. */
function hasClassCells(t: ResultTable): boolean {
  return t.rows.some((r) => t.bases.some((b) => fromClass(r.cells[b])));
}

/** Family label in tables: upper case (`MAJ`, `MOD3`). */
function familyLabel(family: string): string {
  return family.toUpperCase();
}

/** A cell's text; `ge(b)` writes "at least b" in the target format, `mark` flags a cell from an NPN-equivalent instance. */
function cellText(cell: TableCell | undefined, ge: (bound: number) => string, missing: string, mark = NPN_MARK): string {
  if (!cell) return missing;
  const m = fromClass(cell) ? mark : '';
  switch (cell.status) {
    case 'optimal':
      return `${cell.size}${m}`;
    case 'feasible':
      return `${cell.size} (${ge(cell.lowerBound)})${m}`;
    case 'unknown':
      return `timeout (${ge(cell.lowerBound)})${m}`;
  }
}

/** Rows with the family shown only on the first row of its group, as in a printed table. */
function groupLabels(rows: readonly TableRow[]): string[] {
  return rows.map((r, i) => (i > 0 && rows[i - 1]!.family === r.family ? '' : familyLabel(r.family)));
}

function formatMarkdown(t: ResultTable): string {
  const header = ['family', 'instance', 'n', ...t.bases, 'limit (s)'];
  const align = [':--', ':--', '--:', ...t.bases.map(() => '--:'), '--:'];
  const labels = groupLabels(t.rows);
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const lines = [`| ${header.join(' | ')} |`, `|${align.join('|')}|`];
  t.rows.forEach((r, i) => {
    const cells = t.bases.map((b) => cellText(r.cells[b], (n) => `≥ ${n}`, '—'));
    lines.push(`| ${[labels[i]!, `\`${r.problem}\``, String(r.inputs), ...cells, limitText(r.timeoutsSeconds)].map(escape).join(' | ')} |`);
  });
  const legend = hasClassCells(t) ? `${TABLE_LEGEND}\n\n${NPN_LEGEND}` : TABLE_LEGEND;
  return `${lines.join('\n')}\n\n${legend}\n\n<sub>${escape(formatProvenance(t.provenance, { timeLimits: false }))}</sub>\n`;
}

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '%': '\\%', _: '\\_', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}',
};

/** Escapes text for LaTeX. */
export function texEscape(s: string): string {
  return s.replace(/[\\{}$&#%_^~]/g, (c) => TEX_SPECIALS[c]!);
}

/**
 * Notes under a tabular, as paragraphs of small text. Outside the tabular (a
 * row spanning all columns would widen the table to the text's width).
 */
export function texNotes(paragraphs: readonly string[]): string {
  return `\\par\\smallskip{\\footnotesize\\raggedright\n${paragraphs.map((p) => `${p}\\par`).join('\n')}\n}`;
}

function formatLatex(t: ResultTable, layout: LatexLayout): string {
  const labels = groupLabels(t.rows);
  const columns = 4 + t.bases.length;
  const header = `Family & Instance & $n$ & ${t.bases.join(' & ')} & Limit (s) \\\\`;
  const lines =
    layout === 'tabular'
      ? ['% Generated by `waterloo table --format tex`; needs \\usepackage{booktabs}.', `\\begin{tabular}{llr${'r'.repeat(t.bases.length)}r}`, '\\toprule', header, '\\midrule']
      : [
          '% Generated by `waterloo table --format tex --latex longtable`; needs \\usepackage{booktabs} and \\usepackage{longtable}.',
          '% A longtable breaks across pages by itself: put it in the text, not inside a table float.',
          `\\begin{longtable}{llr${'r'.repeat(t.bases.length)}r}`,
          '\\toprule',
          header,
          '\\midrule',
          '\\endfirsthead',
          `\\multicolumn{${columns}}{l}{\\footnotesize (continued)} \\\\`,
          '\\toprule',
          header,
          '\\midrule',
          '\\endhead',
          '\\midrule',
          `\\multicolumn{${columns}}{r}{\\footnotesize (continued on the next page)} \\\\`,
          '\\endfoot',
          '\\bottomrule',
          '\\endlastfoot',
        ];
  t.rows.forEach((r, i) => {
    if (i > 0 && labels[i] !== '') lines.push('\\midrule');
    const cells = t.bases.map((b) => cellText(r.cells[b], (n) => `$\\geq ${n}$`, '--', '\\textsuperscript{\\dag}'));
    lines.push(`${texEscape(labels[i]!)} & \\texttt{${texEscape(r.problem)}} & ${r.inputs} & ${cells.join(' & ')} & ${limitText(r.timeoutsSeconds)} \\\\`);
  });
  const npnLegend = texEscape(NPN_LEGEND).replace(/^† :/, '\\textsuperscript{\\dag}:');
  lines.push(...(layout === 'tabular' ? ['\\bottomrule', '\\end{tabular}'] : ['\\end{longtable}']));
  lines.push(texNotes([TABLE_LEGEND_TEX, ...(hasClassCells(t) ? [npnLegend] : []), texEscape(formatProvenance(t.provenance, { timeLimits: false }))]));
  return lines.join('\n') + '\n';
}

function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatCsv(t: ResultTable): string {
  const header = ['family', 'problem', 'params', 'inputs', 'outputs', 'basis', 'status', 'size', 'lower_bound', 'seconds', 'encoders', 'time_limits_seconds', 'size_from', 'bound_from'];
  const lines = [header.join(',')];
  for (const r of t.rows) {
    for (const b of t.bases) {
      const c = r.cells[b];
      if (!c) continue;
      lines.push([r.family, r.problem, r.params.join(' '), r.inputs, r.outputs, b, c.status, c.size, c.lowerBound, c.seconds, c.encoders.join(' '), c.timeoutsSeconds.join(' '), c.sizeFrom, c.boundFrom].map(csvField).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

function formatJson(t: ResultTable): string {
  return JSON.stringify({ legend: hasClassCells(t) ? `${TABLE_LEGEND} ${NPN_LEGEND}` : TABLE_LEGEND, ...t }, null, 2) + '\n';
}

/** The LaTeX layout `params` chooses for `t`. */
export function latexLayoutOf(t: ResultTable, params: Partial<FormatTableParams> = {}): LatexLayout {
  const latex = params.latex ?? DEFAULT_FORMAT_TABLE_PARAMS.latex;
  return latex === 'auto' ? (t.rows.length >= LONGTABLE_MIN_ROWS ? 'longtable' : 'tabular') : latex;
}

/** Renders the table in one of {@link TABLE_FORMATS}. */
export function formatTable(t: ResultTable, format: TableFormat, params: Partial<FormatTableParams> = {}): string {
  switch (format) {
    case 'md':
      return formatMarkdown(t);
    case 'tex':
      return formatLatex(t, latexLayoutOf(t, params));
    case 'csv':
      return formatCsv(t);
    case 'json':
      return formatJson(t);
  }
}
