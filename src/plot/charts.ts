/**
 * The project's figures as Vega-Lite specs, each a pure function of its data:
 * the census histogram, time to find vs time to prove by size, and trained vs
 * minimum size. Fixed pixel sizes and sorted data keep the SVG reproducible.
 * `render.ts` turns a spec into SVG.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BasisName } from '../core/basis.js';
import { ValidationError } from '../errors.js';
import type { StoreRecord } from '../store/types.js';
import type { CensusEntry } from '../synth/census.js';

const FONT = 'Helvetica, Arial, sans-serif';
const CONFIG = { font: FONT, view: { stroke: '#ccc' }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12 } } as const;

/** Census histogram: number of NPN classes and of functions with each minimum size. */
export function censusHistogramSpec(entries: readonly CensusEntry[], label: { readonly basis: BasisName; readonly inputs: number }): TopLevelSpec {
  const bySize = new Map<number, { classes: number; functions: number }>();
  for (const e of entries) {
    if (e.status !== 'optimal' || e.size === undefined) continue;
    const v = bySize.get(e.size) ?? { classes: 0, functions: 0 };
    v.classes++;
    v.functions += e.functions;
    bySize.set(e.size, v);
  }
  if (!bySize.size) throw new ValidationError(`no solved census entries for ${label.inputs}-input functions in ${label.basis}`, 'nothing-to-plot');
  const values = [...bySize.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([size, v]) => [
      { size, measure: 'NPN classes', count: v.classes },
      { size, measure: 'functions', count: v.functions },
    ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Minimum circuit size of ${label.inputs}-input functions in ${label.basis}`, font: FONT },
    data: { values },
    facet: { column: { field: 'measure', type: 'nominal', title: null, sort: ['NPN classes', 'functions'] } },
    spec: {
      width: 260,
      height: 200,
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' }, encoding: { x: { field: 'size', type: 'ordinal', title: 'minimum size (gates)', axis: { labelAngle: 0 } }, y: { field: 'count', type: 'quantitative', title: 'count' } } },
        { mark: { type: 'text', dy: -6, fontSize: 10 }, encoding: { x: { field: 'size', type: 'ordinal' }, y: { field: 'count', type: 'quantitative' }, text: { field: 'count', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: CONFIG,
  };
}

/** Smallest time a log axis shows: faster runs are drawn at this value. */
const MIN_SECONDS = 0.001;

/** One point of the find-vs-prove figure. */
export interface TimePoint {
  readonly problem: string;
  readonly basis: BasisName;
  readonly size: number;
  readonly phase: 'find' | 'prove';
  readonly seconds: number;
}

/**
 * The points of {@link findProveTimesSpec}, sorted: for each optimal record
 * of size s > 0, the SAT call at size s (finding a minimum circuit once its
 * size is known) and the UNSAT call at s - 1 (proving nothing smaller
 * exists), from the record's attempts. The records' findSeconds is not used
 * for "find": it sums every call up to the SAT answer, UNSAT ones included.
 */
export function findProveTimePoints(records: readonly StoreRecord[]): TimePoint[] {
  const points: TimePoint[] = [];
  for (const r of records) {
    if (r.status !== 'optimal' || r.size === undefined || r.size === 0) continue;
    const sat = r.attempts.find((a) => a.answer === 'sat' && a.size === r.size);
    const unsat = r.attempts.find((a) => a.answer === 'unsat' && a.size === r.size! - 1);
    if (sat === undefined || unsat === undefined) continue;
    points.push({ problem: r.problem, basis: r.basis, size: r.size, phase: 'find', seconds: Math.max(MIN_SECONDS, sat.ms / 1000) });
    points.push({ problem: r.problem, basis: r.basis, size: r.size, phase: 'prove', seconds: Math.max(MIN_SECONDS, unsat.ms / 1000) });
  }
  return points.sort((a, b) => a.size - b.size || a.problem.localeCompare(b.problem) || a.basis.localeCompare(b.basis) || a.phase.localeCompare(b.phase));
}

const FIND_LABEL = 'find: SAT at size s';
const PROVE_LABEL = 'prove: UNSAT at size s - 1';

/**
 * Time to find the optimum (SAT at the minimum size) against time to prove it
 * (UNSAT at size - 1), by size, log scale, with the median of each phase per size.
 */
export function findProveTimesSpec(records: readonly StoreRecord[]): TopLevelSpec {
  const values = findProveTimePoints(records).map((p) => ({ ...p, phase: p.phase === 'find' ? FIND_LABEL : PROVE_LABEL }));
  if (!values.length) throw new ValidationError('no optimal records with a SAT call at their size and an UNSAT call below it to plot', 'nothing-to-plot');
  const color = { field: 'phase', type: 'nominal', title: null, scale: { domain: [FIND_LABEL, PROVE_LABEL], range: ['#54a24b', '#e45756'] }, legend: { orient: 'top-left', labelLimit: 300 } } as const;
  const x = { field: 'size', type: 'quantitative', title: 'minimum circuit size s (gates)', scale: { zero: false }, axis: { tickMinStep: 1, format: 'd' } } as const;
  const y = { field: 'seconds', type: 'quantitative', title: 'seconds (log scale)', scale: { type: 'log' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Time to find vs time to prove a minimum circuit', subtitle: 'per optimal instance: the SAT call that finds a circuit of the minimum size s vs the UNSAT call that rules out s - 1', font: FONT },
    width: 480,
    height: 300,
    data: { values },
    layer: [
      { mark: { type: 'point', filled: true, opacity: 0.6, size: 40 }, encoding: { x, y, color, shape: { field: 'basis', type: 'nominal', title: 'basis' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { ...y, aggregate: 'median' }, color } },
    ],
    config: CONFIG,
  };
}

/** One trained circuit against the known minimum (from a training experiment). */
export interface TrainedSizeRow {
  readonly task: string;
  readonly seed: number;
  readonly model: string;
  readonly trainedSize: number;
  readonly minimumSize: number;
}

/**
 * Trained circuit size against the minimum, per task: a black tick at the
 * minimum size and one point per (seed, model) for the trained circuits,
 * coloured by model. Points on the tick are optimal.
 */
export function trainedVsMinimumSpec(rows: readonly TrainedSizeRow[]): TopLevelSpec {
  if (!rows.length) throw new ValidationError('no trained results to plot', 'nothing-to-plot');
  const sorted = [...rows].sort((a, b) => a.task.localeCompare(b.task) || a.model.localeCompare(b.model) || a.seed - b.seed);
  const minima = [...new Map(sorted.map((r) => [r.task, { task: r.task, minimumSize: r.minimumSize }])).values()];
  const top = Math.max(...rows.map((r) => Math.max(r.trainedSize, r.minimumSize)));
  // Trained networks can be orders of magnitude above the minimum: a symmetric log scale keeps
  // both the minimum and the huge sizes readable (symlog, unlike log, allows size 0).
  const wide = top > 20 * Math.max(1, Math.min(...rows.map((r) => r.minimumSize)));
  // symlog picks few ticks on its own: give it 1-2-5 steps up to the largest size
  const steps = [0, ...[1, 10, 100, 1000, 10000, 100000].flatMap((d) => [d, 2 * d, 5 * d])].filter((v) => v <= top * 1.2);
  const y = { type: 'quantitative', title: `circuit size (gates)${wide ? ', symmetric log scale' : ''}`, scale: wide ? { type: 'symlog' as const } : { zero: true }, ...(wide ? { axis: { values: steps } } : {}) } as const;
  const x = { field: 'task', type: 'nominal', title: 'task', sort: minima.map((m) => m.task), axis: { labelAngle: 0 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Trained circuits vs minimum circuits', subtitle: 'black tick: proven minimum size; points: circuits extracted from trained networks, one per seed', font: FONT },
    width: Math.max(240, 70 * minima.length),
    height: 320,
    layer: [
      {
        data: { values: sorted },
        mark: { type: 'point', filled: true, opacity: 0.75, size: 50 },
        encoding: { x, y: { ...y, field: 'trainedSize' }, color: { field: 'model', type: 'nominal', title: 'model' } },
      },
      {
        data: { values: minima },
        mark: { type: 'tick', color: 'black', thickness: 2, size: 36 },
        encoding: { x, y: { ...y, field: 'minimumSize' } },
      },
    ],
    config: CONFIG,
  };
}
