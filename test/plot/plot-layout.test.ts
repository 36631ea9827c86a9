/**
 * What the figures show, checked on the Vega-Lite spec and the rendered SVG:
 * medians joined only across consecutive sizes, the clamping and the medians
 * said in the subtitle, legends outside the frame, labelled ticks above 200 on
 * the symmetric log axis, marks clear of the frame, duplicate seeds counted,
 * tasks with only a lower bound and improved sizes drawn. Every figure is also
 * rasterised to PNG with rsvg-convert where it is installed (Debian:
 * librsvg2-bin).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { censusHistogramSpec, findProveMedians, findProveTimePoints, findProveTimesSpec, renderVegaLiteSvg, sizeAxisTop, trainedVsMinimumSpec, type TrainedSizeRow } from '../../src/plot/index.js';
import type { StoreRecord } from '../../src/store/types.js';
import type { CensusEntry } from '../../src/synth/census.js';
import { tempDir } from '../helpers/cli.js';
import { RECORDS } from '../report/records.js';

/** Optimal records of sizes 3, 4, 5 and 8 (no data at 6 and 7), two per size, with SAT and UNSAT call times. */
function gappedRecords(): StoreRecord[] {
  const template = RECORDS.find((r) => r.problem === 'maj:3' && r.basis === 'B2')!;
  return [3, 3, 4, 4, 5, 5, 8, 8].map((size, i) => ({
    ...template,
    problem: `thr:${size}:${i}`,
    size,
    lowerBound: size,
    attempts: [{ size: size - 1, answer: 'unsat' as const, ms: 2 + 10 * i }, { size, answer: 'sat' as const, ms: i === 0 ? 0.2 : 1 + 5 * i }],
  }));
}

/** Translations of the marks in the SVG group of `cls` (e.g. `mark-symbol role-mark layer_2_marks`). */
function markPositions(svg: string, cls: string): { x: number; y: number }[] {
  const i = svg.indexOf(`class="${cls}`);
  if (i < 0) return [];
  const group = svg.slice(i, svg.indexOf('</g>', i));
  return [...group.matchAll(/translate\(([-\d.]+),([-\d.]+)\)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('find-vs-prove figure', () => {
  const records = gappedRecords();

  it('medians per size, in runs of consecutive sizes', () => {
    const medians = findProveMedians(findProveTimePoints(records));
    expect(medians.filter((m) => m.phase === 'find').map((m) => [m.size, m.run, m.count])).toEqual([[3, 0, 2], [4, 0, 2], [5, 0, 2], [8, 1, 2]]);
    // sizes 3: SAT calls 0.2 ms (drawn at 1 ms) and 6 ms: median 3.5 ms
    expect(medians.find((m) => m.phase === 'find' && m.size === 3)!.seconds).toBeCloseTo(0.0035, 6);
  });

  it('draws no line across sizes without data: 2 segments per phase for sizes 3-4-5 and 8', async () => {
    const spec = findProveTimesSpec(records) as { layer: { mark: { type: string }; encoding: Record<string, { field?: string }>; data: { values: { size: number; series: string }[] } }[] };
    const line = spec.layer.find((l) => l.mark.type === 'line')!;
    expect(line.encoding.detail!.field).toBe('series');
    const bySeries = new Map<string, number[]>();
    for (const v of line.data.values) bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), v.size]);
    for (const sizes of bySeries.values()) sizes.forEach((s, i) => i === 0 || expect(s).toBe(sizes[i - 1]! + 1));
    const svg = await renderVegaLiteSvg(spec as never);
    const paths = [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1]!);
    // one path per run and phase; a line joining 3, 4, 5 and 8 would have 3 segments per phase
    expect(paths.reduce((n, d) => n + (d.match(/L/g)?.length ?? 0), 0)).toBe(4);
  });

  it('says its lines are medians and that times under 1 ms are drawn at 1 ms', () => {
    const spec = findProveTimesSpec(records) as { title: { subtitle: string[] } };
    const subtitle = spec.title.subtitle.join(' ');
    expect(subtitle).toContain('median per size');
    expect(subtitle).toContain('times under 1 ms are drawn at 1 ms');
  });

  it('puts both legends right of the frame, none inside it', async () => {
    const svg = await renderVegaLiteSvg(findProveTimesSpec(records));
    const legends = [...svg.matchAll(/aria-roledescription="legend"[^>]*><g transform="translate\(([-\d.]+),([-\d.]+)\)"/g)].map((m) => Number(m[1]));
    expect(legends).toHaveLength(2);
    for (const x of legends) expect(x).toBeGreaterThan(480); // the frame is 480 px wide
  });
});

describe('trained-vs-minimum figure', () => {
  const rows: TrainedSizeRow[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    rows.push({ task: 'mul:2', seed, model: 'bnn', trainedSize: 337 - seed, improvedSize: 7, minimumSize: 7 });
    rows.push({ task: 'mul:2', seed, model: 'gates', trainedSize: 7, improvedSize: 7, minimumSize: 7 }); // five equal seeds
    rows.push({ task: 'maj:5', seed, model: 'bnn', trainedSize: 313 - seed, improvedSize: 9, lowerBound: 8 }); // minimum not proven
  }

  it('labels ticks above 200 on the symmetric log axis, with the axis top clear of the largest size', async () => {
    expect(sizeAxisTop(336)).toBe(500);
    expect(sizeAxisTop(200)).toBe(500);
    expect(sizeAxisTop(40)).toBe(50);
    const svg = await renderVegaLiteSvg(trainedVsMinimumSpec(rows));
    const labels = texts(svg);
    expect(labels).toContain('circuit size (gates), symmetric log scale');
    expect(labels).toContain('500');
    expect(labels.map(Number).filter((v) => v > 200).length).toBeGreaterThan(0);
  });

  it('keeps every mark off the frame, also at a round top size (200) and at size 0', async () => {
    const edge: TrainedSizeRow[] = [{ task: 'xor:4', seed: 1, model: 'gates', trainedSize: 200, minimumSize: 3 }, { task: 'const', seed: 1, model: 'gates', trainedSize: 0, minimumSize: 0 }];
    for (const data of [rows, edge]) {
      const svg = await renderVegaLiteSvg(trainedVsMinimumSpec(data));
      const points = markPositions(svg, 'mark-symbol role-mark');
      expect(points.length).toBe(data === rows ? 14 : 2);
      for (const p of points) {
        expect(p.y).toBeGreaterThan(8); // top of the frame is y = 0
        expect(p.y).toBeLessThan(340 - 8); // height 340
      }
    }
  });

  it('draws equal seeds once, sized by their count; improved sizes as a second mark; a bound-only task with "≥ b"', async () => {
    const spec = trainedVsMinimumSpec(rows) as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[] };
    const points = spec.layer.find((l) => l.mark.type === 'point')!.data.values;
    expect(points.filter((p) => p.task === 'mul:2' && p.model === 'gates' && p.circuit === 'trained')).toEqual([{ task: 'mul:2', model: 'gates', circuit: 'trained', size: 7, seeds: 5 }]);
    expect(points.filter((p) => p.circuit === 'improved')).toHaveLength(3);
    const refs = spec.layer.find((l) => l.mark.type === 'tick')!.data.values;
    expect(refs).toEqual([
      { task: 'maj:5', size: 8, kind: 'lower bound only', label: '≥ 8' },
      { task: 'mul:2', size: 7, kind: 'proven minimum', label: '' },
    ]);
    const svg = await renderVegaLiteSvg(spec as never);
    // trained: 5 distinct bnn sizes per task (10) + one mark for the five equal gates seeds; improved: 3
    expect(markPositions(svg, 'mark-symbol role-mark')).toHaveLength(14);
    expect(texts(svg)).toEqual(expect.arrayContaining(['maj:5', '≥ 8', 'improved', 'trained', 'seeds']));
  });
});

const RSVG = spawnSync('sh', ['-c', 'command -v rsvg-convert'], { encoding: 'utf8' }).stdout.trim() || undefined;
if (!RSVG) console.log('rsvg-convert not found: skipping the PNG rendering test (apt-get install librsvg2-bin)');

describe.skipIf(!RSVG)('PNG rendering', () => {
  it('rasterises every figure (census, times, trained) to a PNG of the SVG size', async () => {
    const census: CensusEntry[] = [0, 1, 1, 2].map((size, i) => ({ inputs: 2, basis: 'B2', representative: String(i), functions: 2 + i, status: 'optimal', size, lowerBound: size, evidence: { kind: 'none' }, encoder: 'ssv', backend: 'cadical', ms: 1 }));
    const figures = {
      census: censusHistogramSpec(census, { basis: 'B2', inputs: 2 }),
      times: findProveTimesSpec(gappedRecords()),
      trained: trainedVsMinimumSpec([{ task: 'maj:5', seed: 1, model: 'bnn', trainedSize: 313, improvedSize: 9, minimumSize: 9 }]),
    };
    const dir = process.env.WATERLOO_PLOT_PNG_DIR ?? tempDir();
    for (const [name, spec] of Object.entries(figures)) {
      const svg = await renderVegaLiteSvg(spec);
      const svgPath = join(dir, `${name}.svg`), pngPath = join(dir, `${name}.png`);
      writeFileSync(svgPath, svg);
      execFileSync(RSVG!, ['-b', 'white', '-o', pngPath, svgPath], { timeout: 15_000 });
      const png = readFileSync(pngPath);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect([w, h]).toEqual([Number(svg.match(/width="(\d+)"/)![1]), Number(svg.match(/height="(\d+)"/)![1])]);
    }
  });
});
