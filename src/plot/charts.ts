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
const PROVE_LABEL = 'prove: UNSAT at size s − 1';

/** One median of {@link findProveTimesSpec}: a phase's median time at one size, with the run of consecutive sizes it belongs to. */
export interface TimeMedian {
  readonly phase: 'find' | 'prove';
  readonly size: number;
  readonly seconds: number;
  /** Instances at this size. */
  readonly count: number;
  /**
   * Index of the run of consecutive sizes (sizes with data, no gap) this
   * median is in: the median line joins medians of one run only, so it never
   * crosses a size without data.
   */
  readonly run: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median time per (phase, size) of `points`, sorted by phase then size, each with its run of consecutive sizes. */
export function findProveMedians(points: readonly TimePoint[]): TimeMedian[] {
  const out: TimeMedian[] = [];
  for (const phase of ['find', 'prove'] as const) {
    const bySize = new Map<number, number[]>();
    for (const p of points) if (p.phase === phase) bySize.set(p.size, [...(bySize.get(p.size) ?? []), p.seconds]);
    let run = -1, last = Number.NaN;
    for (const size of [...bySize.keys()].sort((a, b) => a - b)) {
      if (size !== last + 1) run++;
      last = size;
      const xs = bySize.get(size)!;
      out.push({ phase, size, seconds: median(xs), count: xs.length, run });
    }
  }
  return out;
}

/**
 * Time to find the optimum (SAT at the minimum size) against time to prove it
 * (UNSAT at size − 1), by size, log scale: one dot per instance and phase,
 * and the median of each phase per size (a bar), joined by a line only
 * between consecutive sizes that both have data. Times under 1 ms are drawn
 * at 1 ms (the subtitle says so). Both legends sit right of the frame.
 */
export function findProveTimesSpec(records: readonly StoreRecord[]): TopLevelSpec {
  const points = findProveTimePoints(records);
  if (!points.length) throw new ValidationError('no optimal records with a SAT call at their size and an UNSAT call below it to plot', 'nothing-to-plot');
  const label = (phase: 'find' | 'prove'): string => (phase === 'find' ? FIND_LABEL : PROVE_LABEL);
  const values = points.map((p) => ({ ...p, phase: label(p.phase) }));
  const medians = findProveMedians(points).map((m) => ({ ...m, phase: label(m.phase), series: `${m.phase} ${m.run}` }));
  const sizes = points.map((p) => p.size);
  // both legends in one place, outside the frame (the points fill the frame's corners)
  const legend = { orient: 'right', labelLimit: 300 } as const;
  const color = { field: 'phase', type: 'nominal', title: null, scale: { domain: [FIND_LABEL, PROVE_LABEL], range: ['#54a24b', '#e45756'] }, legend } as const;
  const x = { field: 'size', type: 'quantitative', title: 'minimum circuit size s (gates)', scale: { domain: [Math.min(...sizes) - 0.5, Math.max(...sizes) + 0.5] as number[], nice: false }, axis: { tickMinStep: 1, format: 'd' } } as const;
  const y = { field: 'seconds', type: 'quantitative', title: 'seconds (log scale)', scale: { type: 'log' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Time to find vs time to prove a minimum circuit',
      subtitle: [
        'dots: one optimal instance each, the SAT call that finds a circuit of the minimum size s and the UNSAT call that rules out s − 1',
        'bars and lines: median per size (lines join consecutive sizes only); times under 1 ms are drawn at 1 ms',
      ],
      font: FONT,
    },
    width: 480,
    height: 300,
    layer: [
      { data: { values }, mark: { type: 'point', filled: true, opacity: 0.5, size: 36 }, encoding: { x, y, color, shape: { field: 'basis', type: 'nominal', title: 'basis', legend } } },
      { data: { values: medians }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color, detail: { field: 'series', type: 'nominal' } } },
      { data: { values: medians }, mark: { type: 'tick', orient: 'horizontal', thickness: 2.5, size: 14 }, encoding: { x, y, color } },
    ],
    config: CONFIG,
  };
}

/**
 * One trained circuit (from a training experiment): its size, its size after
 * local improvement, and the task's minimum (proven) or, when the minimum is
 * not proven, the task's proven lower bound.
 */
export interface TrainedSizeRow {
  readonly task: string;
  readonly seed: number;
  readonly model: string;
  readonly trainedSize: number;
  /** Size after `waterloo improve` (absent when not improved). */
  readonly improvedSize?: number;
  /** Proven minimum size of the task (absent when not proven). */
  readonly minimumSize?: number;
  /** Proven lower bound of the task, drawn when minimumSize is absent. */
  readonly lowerBound?: number;
}

/** Tick values of the symmetric log axis: 0 and 1-2-5 steps. */
const SYMLOG_STEPS = [0, ...[1, 10, 100, 1000, 10000, 100000, 1000000].flatMap((d) => [d, 2 * d, 5 * d])];

/**
 * The top of the size axis: the first 1-2-5 step at least 15 % above the
 * largest size, so no mark touches the frame and the top tick is labelled.
 */
export function sizeAxisTop(largest: number): number {
  return SYMLOG_STEPS.find((v) => v >= largest * 1.15 && v > largest) ?? largest * 2;
}

/**
 * Trained circuit size against the minimum, per task: a black tick at the
 * proven minimum (a grey dashed tick labelled `≥ b` where only a lower bound b
 * is proven), circles for trained circuits and diamonds for the same
 * circuits after improvement, coloured by model and offset by model so
 * that they do not cover each other; seeds with the same size share one mark
 * whose area grows with their number.
 */
export function trainedVsMinimumSpec(rows: readonly TrainedSizeRow[]): TopLevelSpec {
  if (!rows.length) throw new ValidationError('no trained results to plot', 'nothing-to-plot');
  for (const r of rows) if (r.minimumSize === undefined && r.lowerBound === undefined) throw new ValidationError(`trained result of ${r.task} (seed ${r.seed}) has neither minimumSize nor lowerBound`, 'bad-json');
  const sorted = [...rows].sort((a, b) => a.task.localeCompare(b.task) || a.model.localeCompare(b.model) || a.seed - b.seed);
  const tasks = [...new Set(sorted.map((r) => r.task))];
  // one reference per task: the proven minimum if any row has it, else the largest proven bound
  const references = tasks.map((task) => {
    const of = sorted.filter((r) => r.task === task);
    const min = of.find((r) => r.minimumSize !== undefined)?.minimumSize;
    return min !== undefined
      ? { task, size: min, kind: 'proven minimum', label: '' }
      : { task, size: Math.max(...of.map((r) => r.lowerBound ?? 0)), kind: 'lower bound only', label: `≥ ${Math.max(...of.map((r) => r.lowerBound ?? 0))}` };
  });
  // seeds with equal sizes become one mark with a count
  const marks = new Map<string, { task: string; model: string; circuit: string; size: number; seeds: number }>();
  for (const r of sorted) {
    for (const [circuit, size] of [['trained', r.trainedSize], ['improved', r.improvedSize]] as const) {
      if (size === undefined) continue;
      const key = `${r.task}\u0000${r.model}\u0000${circuit}\u0000${size}`;
      const m = marks.get(key);
      if (m) m.seeds++;
      else marks.set(key, { task: r.task, model: r.model, circuit, size, seeds: 1 });
    }
  }
  const points = [...marks.values()];
  const sizes = [...points.map((p) => p.size), ...references.map((r) => r.size)];
  const top = Math.max(...sizes);
  // Trained networks can be orders of magnitude above the minimum: a symmetric log scale keeps
  // both the minimum and the huge sizes readable (symlog, unlike log, allows size 0).
  const wide = top > 20 * Math.max(1, Math.min(...references.map((r) => r.size)));
  const axisTop = wide ? sizeAxisTop(top) : Math.ceil(top * 1.15) + 1;
  const y = {
    type: 'quantitative',
    title: `circuit size (gates)${wide ? ', symmetric log scale' : ''}`,
    // a little room below 0 too, so a size-0 circuit (a constant) does not sit on the frame
    scale: wide ? { type: 'symlog' as const, domain: [-0.3, axisTop] as number[], nice: false } : { domain: [-axisTop / 30, axisTop] as number[], nice: false },
    // symlog picks few ticks on its own: 1-2-5 steps up to the top of the axis
    ...(wide ? { axis: { values: SYMLOG_STEPS.filter((v) => v <= axisTop) } } : {}),
  } as const;
  const x = { field: 'task', type: 'nominal', title: 'task', sort: tasks, axis: { labelAngle: 0 }, scale: { paddingInner: 0.3, paddingOuter: 0.3 } } as const;
  const models = [...new Set(sorted.map((r) => r.model))].sort();
  // whole numbers of seeds in the size legend (at most 5 entries)
  const maxSeeds = Math.max(2, ...points.map((p) => p.seeds));
  const seedSteps = [...new Set([1, 2, 3, 5, 10, 20, 50, 100, maxSeeds].filter((v) => v <= maxSeeds))].sort((a, b) => a - b).slice(-5);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Trained circuits vs minimum circuits',
      subtitle: [
        'black tick: proven minimum size; grey dashed tick "≥ b": only the lower bound b is proven',
        'circle: circuit extracted from a trained network; diamond: the same after waterloo improve; area: number of seeds with that size',
      ],
      font: FONT,
    },
    width: Math.max(300, 90 * tasks.length),
    height: 340,
    layer: [
      {
        data: { values: references },
        mark: { type: 'tick', thickness: 2 },
        encoding: {
          x,
          y: { ...y, field: 'size' },
          color: { field: 'kind', type: 'nominal', title: 'reference', scale: { domain: ['proven minimum', 'lower bound only'], range: ['black', '#888'] }, legend: { orient: 'right' } },
          strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['proven minimum', 'lower bound only'], range: [[1, 0], [4, 2]] }, legend: null },
        },
      },
      {
        data: { values: references },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 11, color: '#555' },
        encoding: { x, y: { ...y, field: 'size' }, text: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, opacity: 0.8, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          x,
          // models side by side inside a task's band, so gates and bnn marks of equal size do not cover each other
          xOffset: { field: 'model', type: 'nominal', sort: models, scale: { domain: models, paddingOuter: 0.2 } },
          y: { ...y, field: 'size' },
          color: { field: 'model', type: 'nominal', title: 'model', scale: { domain: models }, legend: { orient: 'right' } },
          shape: { field: 'circuit', type: 'nominal', title: 'circuit', scale: { domain: ['trained', 'improved'], range: ['circle', 'diamond'] }, legend: { orient: 'right' } },
          size: { field: 'seeds', type: 'quantitative', title: 'seeds', scale: { domain: [1, maxSeeds], range: [40, 260] }, legend: { orient: 'right', values: seedSteps } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
    config: CONFIG,
  };
}
