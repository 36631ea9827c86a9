/**
 * LaTeX result tables: the layout (tabular or longtable), the legend in math,
 * time limits per row, provenance without `-dirty` revisions, and a pdflatex
 * run over a long table where pdflatex is installed (Debian:
 * texlive-latex-base texlive-latex-recommended).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildResultTable, formatProvenance, formatTable, LONGTABLE_MIN_ROWS, provenanceOf, TABLE_LEGEND } from '../../src/report/index.js';
import type { StoreRecord } from '../../src/store/types.js';
import { tempDir } from '../helpers/cli.js';
import { RECORDS } from './records.js';

/** `rows` instances of thr:n:k (the published family table has 57 rows), each in B2 and U2, with varying time limits. */
function manyRecords(rows: number): StoreRecord[] {
  const template = RECORDS.find((r) => r.problem === 'maj:3' && r.basis === 'B2')!;
  const out: StoreRecord[] = [];
  for (let i = 0; i < rows; i++) {
    const n = 3 + Math.floor(i / 8), k = i % 8;
    for (const basis of ['B2', 'U2'] as const) {
      // a key of its own: the template's NPN key would make every row one class
      out.push({ ...template, problem: `thr:${n}:${k}`, specKey: `sha256:test-thr-${n}-${k}`, family: 'thr', params: [n, k], inputs: n, basis, status: i % 3 ? 'optimal' : 'feasible', size: 5 + k, lowerBound: i % 3 ? 5 + k : 3 + k, timeoutSeconds: i % 2 ? 60 : 900 });
    }
  }
  return out;
}

function pdflatexPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v pdflatex'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
const PDFLATEX = pdflatexPath();
if (!PDFLATEX) console.log('pdflatex not found: skipping the LaTeX compile tests (apt-get install texlive-latex-base texlive-latex-recommended)');

/** Compiles `body` in an article with booktabs and longtable; returns the log. Throws with the log when pdflatex fails. */
function compile(body: string, float: boolean): string {
  const dir = tempDir();
  const doc = ['\\documentclass{article}', '\\usepackage[T1]{fontenc}', '\\usepackage{booktabs}', '\\usepackage{longtable}', '\\begin{document}', float ? `\\begin{table}\\centering\n${body}\\end{table}` : body, '\\end{document}', ''].join('\n');
  writeFileSync(join(dir, 'doc.tex'), doc);
  try {
    execFileSync(PDFLATEX!, ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], { cwd: dir, stdio: 'pipe', timeout: 15_000 });
  } catch (e) {
    throw new Error(`pdflatex failed:\n${readFileSync(join(dir, 'doc.log'), 'utf8').slice(-3000)}\n${String(e)}`);
  }
  return readFileSync(join(dir, 'doc.log'), 'utf8');
}

describe('LaTeX result tables', () => {
  const long = buildResultTable(manyRecords(57));
  const short = buildResultTable(RECORDS);

  it(`takes a longtable from ${LONGTABLE_MIN_ROWS} rows on, a tabular below, and either on request`, () => {
    expect(long.rows).toHaveLength(57);
    const tex = formatTable(long, 'tex');
    expect(tex).toContain('\\begin{longtable}{llrrrr}');
    expect(tex).toContain('\\endhead');
    expect(tex).not.toContain('tabular');
    expect(formatTable(short, 'tex')).toContain('\\begin{tabular}{llrrrr}');
    expect(formatTable(short, 'tex', { latex: 'longtable' })).toContain('\\begin{longtable}');
    expect(formatTable(long, 'tex', { latex: 'tabular' })).toContain('\\begin{tabular}');
  });

  it('sets the legend in math: $s$, $b$, $\\geq$ and $s-1$, never a hyphen for minus or a raw ≥', () => {
    const tex = formatTable(short, 'tex');
    const legend = tex.slice(tex.indexOf('\\footnotesize'));
    expect(legend).toContain('$s-1$');
    expect(legend).toContain('($\\geq b$)');
    expect(legend).not.toMatch(/size - 1|≥|—/);
    expect(tex).toContain('12 ($\\geq 9$)');
    // Markdown legend: a minus sign, not a hyphen
    expect(TABLE_LEGEND).toContain('size − 1');
  });

  it('states the time limit on each row, not in the footer', () => {
    const t = buildResultTable(manyRecords(3));
    const md = formatTable(t, 'md');
    expect(md).toContain('| THR | `thr:3:0` | 3 | 5 (≥ 3) | 5 (≥ 3) | 900 |');
    expect(md).toContain('| `thr:3:1` | 3 | 6 | 6 | 60 |');
    expect(md).not.toMatch(/time limit \d/);
    // a row whose records ran with two limits names both
    const mixed = buildResultTable([...manyRecords(1), { ...manyRecords(1)[0]!, encoder: 'fence', timeoutSeconds: 60 }]);
    expect(formatTable(mixed, 'tex')).toMatch(/\\texttt\{thr:3:0\} & 3 & .* & 60, 900 \\\\/);
  });

  it('names records from a checkout with uncommitted changes in words, never as a -dirty revision', () => {
    const dirty = RECORDS.map((r, i) => ({ ...r, version: i % 2 ? '0.1.0+07be890-dirty' : '0.1.0+5ca4a45' }));
    const t = buildResultTable(dirty);
    for (const format of ['md', 'tex'] as const) {
      const text = formatTable(t, format);
      expect(text).not.toContain('-dirty');
      expect(text).toContain('uncommitted changes on 0.1.0+07be890 (changed files not recorded)');
      expect(text).toContain('0.1.0+5ca4a45');
    }
    expect(formatProvenance(provenanceOf(dirty))).not.toContain('-dirty');
  });

  it.skipIf(!PDFLATEX)('compiles with pdflatex: a 57-row longtable breaks across pages, a short tabular fits in a float', () => {
    const log = compile(formatTable(long, 'tex'), false);
    expect(log).not.toContain('Float too large');
    // nothing taller than the page (a 57-row tabular outside a float is 150 pt too high)
    expect(log).not.toMatch(/Overfull \\vbox/);
    expect(log).toMatch(/Output written on doc\.pdf \(([2-9]|\d\d+) pages/);
    expect(compile(formatTable(long, 'tex', { latex: 'tabular' }), false)).toMatch(/Overfull \\vbox/);
    const shortLog = compile(formatTable(short, 'tex'), true);
    expect(shortLog).not.toContain('Float too large');
    expect(shortLog).toMatch(/Output written on doc\.pdf \(1 page/);
    // the failure the longtable avoids: the same 57 rows as one tabular in a float
    expect(compile(formatTable(long, 'tex', { latex: 'tabular' }), true)).toContain('Float too large');
  });
});
