import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { censusHistogramSpec, findProveTimePoints, findProveTimesSpec, renderVegaLiteSvg, trainedVsMinimumSpec } from '../../src/plot/index.js';
import type { CensusEntry } from '../../src/synth/census.js';
import { RECORDS } from '../report/records.js';

const entry = (representative: string, functions: number, size: number): CensusEntry => ({
  inputs: 2, basis: 'B2', representative, functions, status: 'optimal', size, lowerBound: size, evidence: { kind: 'none' }, encoder: 'ssv', backend: 'cadical', ms: 1,
});
const CENSUS = [entry('0', 2, 0), entry('a', 4, 0), entry('8', 8, 1), entry('6', 2, 1)];

const TRAINED = [
  { task: 'maj:3', seed: 2, model: 'mlp', trainedSize: 7, minimumSize: 4 },
  { task: 'maj:3', seed: 1, model: 'mlp', trainedSize: 6, minimumSize: 4 },
  { task: 'xor:3', seed: 1, model: 'gnn', trainedSize: 2, minimumSize: 2 },
];

/** Text drawn in the SVG (axis titles, labels, legends). */
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('plots', () => {
  it('census histogram: deterministic SVG with one bar per (size, measure) and the counts as labels', async () => {
    const a = await renderVegaLiteSvg(censusHistogramSpec(CENSUS, { basis: 'B2', inputs: 2 }));
    // a different chart in between advances Vega's global id counters
    await renderVegaLiteSvg(findProveTimesSpec(RECORDS));
    const b = await renderVegaLiteSvg(censusHistogramSpec(CENSUS, { basis: 'B2', inputs: 2 }));
    expect(b).toBe(a);
    expect(a.startsWith('<svg')).toBe(true);
    expect(a).not.toMatch(/20\d\d-\d\d-\d\d/); // no timestamp
    const t = texts(a);
    for (const s of ['Minimum circuit size of 2-input functions in B2', 'NPN classes', 'functions', 'minimum size (gates)']) expect(t).toContain(s);
    // bar labels: classes 2 and 2, functions 6 and 10
    expect(t.filter((x) => x === '10')).not.toHaveLength(0);
    expect(t.filter((x) => x === '6')).not.toHaveLength(0);
    // 2 sizes x 2 measures = 4 bars
    const bars = a.match(/<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/g)!.join('');
    expect(bars.match(/<path /g)).toHaveLength(4);
  });

  it('find-vs-prove: log-scale seconds by size, both phases, deterministic', async () => {
    const points = findProveTimePoints(RECORDS);
    // optimal records with both times: maj:3 B2/U2, maj:5 B2, thr:3:2 U2, mod3:3:0 B2 (maj:5 U2 is merged optimal only in tables)
    expect(points).toHaveLength(10);
    expect(points.find((p) => p.problem === 'mod3:3:0' && p.phase === 'find')!.seconds).toBe(0.001);
    // "find" is the SAT call at the minimum size, not findSeconds (which also sums the UNSAT calls below it)
    const grown = { ...RECORDS[2]!, problem: 'maj:3', size: 4, findSeconds: 1.31, proveSeconds: 0.8, attempts: [{ size: 2, answer: 'unsat', ms: 500 }, { size: 3, answer: 'unsat', ms: 800 }, { size: 4, answer: 'sat', ms: 10 }] } as const;
    expect(findProveTimePoints([grown]).map((p) => [p.phase, p.seconds])).toEqual([['find', 0.01], ['prove', 0.8]]);
    const spec = findProveTimesSpec(RECORDS);
    const a = await renderVegaLiteSvg(spec);
    expect(await renderVegaLiteSvg(spec)).toBe(a);
    const t = texts(a);
    for (const s of ['Time to find vs time to prove a minimum circuit', 'seconds (log scale)', 'minimum circuit size s (gates)', 'find: SAT at size s', 'prove: UNSAT at size s − 1', 'B2', 'U2']) expect(t).toContain(s);
    expect(a).toContain('mark-symbol');
    expect(a).toContain('mark-line');
  });

  it('trained vs minimum: one point per trained circuit, one tick per task minimum, legends', async () => {
    const spec = trainedVsMinimumSpec(TRAINED);
    const a = await renderVegaLiteSvg(spec);
    expect(await renderVegaLiteSvg(trainedVsMinimumSpec([...TRAINED].reverse()))).toBe(a);
    const t = texts(a);
    for (const s of ['Trained circuits vs minimum circuits', 'task', 'circuit size (gates)', 'mlp', 'gnn', 'maj:3', 'xor:3', 'circuit', 'seeds']) expect(t).toContain(s);
    const marks = (kind: string): number => a.match(new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>(.*?)</g>`))![1]!.match(/<path /g)!.length;
    expect(marks('symbol')).toBe(3);
    expect(marks('rect')).toBe(2); // ticks at 4 (maj:3) and 2 (xor:3)
    // a trained size 50x the minimum switches to a symmetric log scale
    const wide = await renderVegaLiteSvg(trainedVsMinimumSpec([...TRAINED, { task: 'xor:3', seed: 9, model: 'bnn', trainedSize: 400, minimumSize: 2 }]));
    expect(texts(wide)).toContain('circuit size (gates), symmetric log scale');
  });

  it('renumbers the ids Vega takes from a process-wide counter (clip paths), so renders repeat', async () => {
    const clipped = { width: 100, height: 100, data: { values: [{ x: 1, y: 2 }] }, mark: { type: 'point', clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } } as const;
    const a = await renderVegaLiteSvg(clipped);
    const b = await renderVegaLiteSvg(clipped);
    expect(a).toMatch(/<clipPath id="clip1"/);
    expect(a).toContain('url(#clip1)');
    expect(b).toBe(a);
  });

  it('refuses to draw an empty figure', () => {
    expect(() => censusHistogramSpec([], { basis: 'B2', inputs: 2 })).toThrow(ValidationError);
    expect(() => findProveTimesSpec(RECORDS.filter((r) => r.status !== 'optimal'))).toThrow(ValidationError);
    expect(() => trainedVsMinimumSpec([])).toThrow(ValidationError);
  });
});
