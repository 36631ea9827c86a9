/** Experiment reports in LaTeX and CSV, besides Markdown and JSON. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportLatex, renderTableCsv, writeExperimentReport, type ExperimentReport } from '../../src/index.js';
import { tempDir } from '../helpers/cli.js';

const perSeed = Array.from({ length: 40 }, (_, i) => [`maj:5`, i % 2 ? 'bnn' : 'gates', i + 1, i % 3 ? 9 : null, i % 5 === 0] as const);

const REPORT: ExperimentReport = {
  name: 'demo_exp',
  config: { tasks: ['maj:5', 'mod3:4:0'], seeds: 40 },
  notes: ['`min`: proven minimum (≥ b when only a bound is known); 50% of "seeds" & more.'],
  tables: [
    { title: 'Summary per task', columns: ['task', 'model', 'min'], rows: [['maj:5', 'gates', 9], ['mod3:4:0', 'bnn', '≥ 7']] },
    { title: 'Per seed', columns: ['task', 'model', 'seed', 'improved', 'exact'], rows: perSeed },
  ],
  timings: { totalSeconds: 1 },
};

const PDFLATEX = spawnSync('sh', ['-c', 'command -v pdflatex'], { encoding: 'utf8' }).stdout.trim() || undefined;
if (!PDFLATEX) console.log('pdflatex not found: skipping the LaTeX compile test (apt-get install texlive-latex-base texlive-latex-recommended)');

describe('experiment report formats', () => {
  it('writes NAME.tex and one CSV per table beside NAME.md and NAME.json', () => {
    const dir = tempDir();
    const files = writeExperimentReport(dir, REPORT).map((f) => f.slice(dir.length + 1));
    expect(files).toEqual(['demo_exp.md', 'demo_exp.tex', 'demo_exp.summary-per-task.csv', 'demo_exp.per-seed.csv', 'demo_exp.json', 'demo_exp.timings.json']);
    for (const f of files) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'demo_exp.summary-per-task.csv'), 'utf8')).toBe('task,model,min\nmaj:5,gates,9\nmod3:4:0,bnn,≥ 7\n');
    const seeds = readFileSync(join(dir, 'demo_exp.per-seed.csv'), 'utf8').split('\n');
    expect(seeds[0]).toBe('task,model,seed,improved,exact');
    expect(seeds[1]).toBe('maj:5,gates,1,,yes');
    expect(seeds).toHaveLength(1 + 40 + 1);
  });

  it('quotes CSV fields with commas and quotes', () => {
    expect(renderTableCsv({ title: 't', columns: ['a', 'b'], rows: [['x, y', 'say "hi"']] })).toBe('a,b\n"x, y","say ""hi"""\n');
  });

  it('LaTeX: booktabs tabular for short tables, longtable for long ones, escaped prose with code in \\texttt', () => {
    const tex = renderReportLatex(REPORT);
    expect(tex).toContain('\\begin{tabular}{lll}');
    expect(tex).toContain('\\begin{longtable}{lllll}');
    expect(tex).toContain('mod3:4:0 & bnn & $\\geq$ 7 \\\\');
    expect(tex).toContain('\\texttt{min}: proven minimum ($\\geq$ b');
    expect(tex).toContain('50\\% of');
    expect(tex).toContain('\\&');
    expect(tex).toContain('maj:5 & bnn & 4 & -- & no \\\\');
  });

  it.skipIf(!PDFLATEX)('LaTeX compiles with pdflatex', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'body.tex'), renderReportLatex(REPORT));
    writeFileSync(join(dir, 'doc.tex'), '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\begin{document}\n\\input{body}\n\\end{document}\n');
    execFileSync(PDFLATEX!, ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], { cwd: dir, stdio: 'pipe', timeout: 15_000 });
    expect(readFileSync(join(dir, 'doc.log'), 'utf8')).toMatch(/Output written on doc\.pdf/);
  });
});
