/**
 * Subcircuit (window) equivalence: `checkWindowEquivalence(circuit, {roots,
 * leaves}, target)`. The window is the logic between a cut (the leaves) and
 * the roots; its function over the leaves is compared with a target function
 * or circuit, either with a fixed correspondence (leaf i = target input i,
 * root k = target output k) or with the correspondence unknown (input
 * permutation, input/output negations, output permutation), found by NPN
 * canonisation for small single-output windows and by a counterexample-guided
 * SAT search otherwise. Every mapping is checked by exhaustive simulation
 * before it is returned.
 */
import type { Circuit } from '../core/circuit.js';
import { nodeNames, nodeValueName } from '../core/node-names.js';
import { coneCircuit, coneNodes } from '../core/cone.js';
import { evaluate, simulateTruthTables } from '../core/simulate.js';
import { toAig } from '../core/to-aig.js';
import { BackendError, InternalError, UnsupportedError, ValidationError } from '../errors.js';
import { createSolver, type BackendName } from '../sat/registry.js';
import { composeNpn, exactCanonize, invertNpn, MAX_EXACT_NPN_VARS, type NpnTransform } from '../tt/npn.js';
import { checkSpec, type FunctionSpec } from '../tt/spec.js';
import { createFromFunction, toHex, ttEqual, type TruthTable } from '../tt/truth-table.js';
import { checkEquivalence } from './equivalence.js';
import { withDefaults } from '../util/with-defaults.js';

/** A node given by name (input, gate, or output name; tried first) or by id (number or decimal string). */
export type NodeRef = number | string;

/** The window: its roots (outputs) and leaves (a cut). */
export interface WindowSelection {
  readonly roots: readonly NodeRef[];
  readonly leaves: readonly NodeRef[];
}

/** Parameters of {@link checkWindowEquivalence}. */
export interface CheckWindowParams {
  /** Search over input permutations (default false: leaf i = target input i). */
  readonly anyInputOrder: boolean;
  /** Search over output permutations (default false: root k = target output k). */
  readonly anyOutputOrder: boolean;
  /** Allow complemented inputs and outputs in the correspondence (default false). */
  readonly allowNegations: boolean;
  readonly backend: BackendName | 'auto';
  /** Time limit of the SAT miter (leaves > 24); 0 = none. */
  readonly timeLimitMs: number;
  readonly seed: number;
}

/** Defaults of {@link CheckWindowParams}. */
export const DEFAULT_CHECK_WINDOW_PARAMS: Readonly<CheckWindowParams> = Object.freeze({
  anyInputOrder: false,
  anyOutputOrder: false,
  allowNegations: false,
  backend: 'auto',
  timeLimitMs: 0,
  seed: 1,
});

/**
 * How the window matches the target: for every leaf assignment x,
 * `W[outputPerm[k]](x) XOR outputNegations[k] = T[k](y)` with
 * `y[j] = x[inputPerm[j]] XOR inputNegations[j]`, where W are the roots'
 * functions over the leaves (leaf i = variable i) and T the target's outputs.
 */
export interface WindowMapping {
  /** Target input j is fed by leaf inputPerm[j] (an index into the leaves). */
  readonly inputPerm: readonly number[];
  readonly inputNegations: readonly boolean[];
  /** Target output k is root outputPerm[k] (an index into the roots). */
  readonly outputPerm: readonly number[];
  readonly outputNegations: readonly boolean[];
}

/** Counters of a window check. */
export interface WindowStats {
  ms: number;
  /** Gates inside the window. */
  windowGates: number;
  /** Candidate mappings checked by simulation (unknown correspondence). */
  candidates: number;
}

/** The verdict of a window check. */
export type WindowVerdict =
  | {
      readonly verdict: 'equivalent';
      /** 'npn': equal NPN representatives; 'search': SAT search over mappings; 'simulation'/'sat': fixed correspondence. */
      readonly method: 'simulation' | 'sat' | 'npn' | 'search';
      readonly mapping: WindowMapping;
      /** For method 'npn': the NPN transform T with applyNpn(window function, T) = target function (see src/tt/npn.ts). */
      readonly npnTransform?: NpnTransform;
      readonly leaves: readonly number[];
      readonly roots: readonly number[];
      readonly stats: WindowStats;
    }
  | {
      readonly verdict: 'different';
      readonly method: 'simulation' | 'sat' | 'npn' | 'search';
      /** Fixed correspondence only: leaf values (leaf 0 first) on which output `output` differs; replayed. */
      readonly counterexample?: readonly boolean[];
      readonly output?: number;
      /** Unknown correspondence: why no mapping exists. */
      readonly reason?: string;
      readonly leaves: readonly number[];
      readonly roots: readonly number[];
      readonly stats: WindowStats;
    }
  | { readonly verdict: 'unknown'; readonly reason: string; readonly leaves: readonly number[]; readonly roots: readonly number[]; readonly stats: WindowStats };

/** Largest leaf count for which the window's function is computed by simulation. */
export const MAX_WINDOW_SIM_LEAVES = 16;

/** The name table of a circuit: name -> literal (inputs, then named gates, then outputs, which win). */
function nameTable(c: Circuit): Map<string, number> {
  // later entries win: an output name gives the output's literal with its polarity
  const m = new Map<string, number>();
  // generated ids of unnamed gates first (core/node-names.ts), so that every file name wins over them
  const nn = nodeNames(c);
  for (let v = c.numInputs + 1; v < nn.name.length; v++) if (!nn.fromFile[v]) m.set(nn.name[v]!, 2 * v);
  c.inputNames.forEach((n, i) => m.set(n, 2 * (i + 1)));
  for (const [g, n] of c.gateNames) m.set(n, 2 * (c.numInputs + 1 + g) + (c.negatedGateNames?.has(g) ? 1 : 0));
  c.outputNames.forEach((n, j) => m.set(n, c.outputs[j]!));
  return m;
}

/** Resolves node references (names first, then node ids) to literals; throws ValidationError (code `unknown-node`). */
export function resolveNodes(c: Circuit, refs: readonly NodeRef[], what: string): number[] {
  const names = nameTable(c);
  const total = 1 + c.numInputs + c.numGates;
  return refs.map((r) => {
    // a name wins over a node id (BENCH signal names are often numbers)
    const named = typeof r === 'string' ? names.get(r) : undefined;
    if (named !== undefined) return named;
    if (typeof r === 'number' || /^\d+$/.test(r)) {
      const v = Number(r);
      if (!Number.isInteger(v) || v < 0 || v >= total) throw new ValidationError(`${what} ${r}: no node with this id (the circuit has nodes 0..${total - 1})`, 'unknown-node');
      return 2 * v;
    }
    const lit = names.get(r);
    if (lit === undefined) throw new ValidationError(`${what} '${r}': no input, gate or output has this name`, 'unknown-node');
    return lit;
  });
}

function nodeLabel(c: Circuit, v: number): string {
  if (v === 0) return 'node 0 (constant)';
  if (v <= c.numInputs) return `input ${c.inputNames[v - 1]} (node ${v})`;
  return `gate ${nodeValueName(c, v)} (node ${v})`;
}

/**
 * The window as a circuit of its own: inputs = the leaves (in order), outputs
 * = the roots. Throws ValidationError (code `not-a-cut`) naming a primary
 * input that reaches a root without passing a leaf.
 */
export function extractWindow(c: Circuit, rootLits: readonly number[], leafLits: readonly number[]): Circuit {
  const leafNodes = leafLits.map((l) => l >>> 1);
  const listed = new Set<number>();
  for (const v of leafNodes) {
    if (listed.has(v)) throw new ValidationError(`leaf ${nodeLabel(c, v)} is listed twice`, 'bad-window');
    listed.add(v);
  }
  const gates = coneNodes(c, rootLits.map((l) => l >>> 1), leafNodes, (v) => nodeLabel(c, v));
  return coneCircuit(c, leafNodes, gates, rootLits, { input: (i) => `l${i}`, output: (k) => `r${k}` });
}

/** Counts gates of a window circuit. */
function isCircuit(t: FunctionSpec | Circuit): t is Circuit {
  return (t as Circuit).kinds !== undefined;
}

/** Applies a mapping to the window's tables: the function the target must equal, output by output. */
function mappedTables(w: readonly TruthTable[], m: WindowMapping): TruthTable[] {
  const n = m.inputPerm.length;
  // T_k(y) should equal W_{op[k]}(x) ^ on_k where x_{ip[j]} = y_j ^ in_j
  return m.outputPerm.map((l, k) =>
    createFromFunction(n, (y) => {
      let x = 0;
      for (let j = 0; j < n; j++) if ((((y >>> j) & 1) === 1) !== m.inputNegations[j]) x |= 1 << m.inputPerm[j]!;
      return w[l]!.get(x) !== m.outputNegations[k];
    }),
  );
}

/** First minterm (of the target) where the mapped window and the target differ on the care set, or -1. */
function firstMismatch(mapped: readonly TruthTable[], target: readonly TruthTable[], care: readonly (TruthTable | undefined)[] | undefined): { output: number; minterm: number } | null {
  for (let k = 0; k < target.length; k++) {
    const a = mapped[k]!, t = target[k]!, cr = care?.[k];
    for (let i = 0; i < t.words.length; i++) {
      let d = (a.words[i]! ^ t.words[i]!) >>> 0;
      if (cr) d = (d & cr.words[i]!) >>> 0;
      if (d) return { output: k, minterm: i * 32 + (31 - Math.clz32(d & -d)) };
    }
  }
  return null;
}

const identity = (n: number): number[] => [...Array(n).keys()];

/**
 * Checks a window of `circuit` against `target` (a function spec, possibly
 * with don't-cares, or a circuit). Throws ValidationError for unknown nodes,
 * a non-cut, or mismatched input/output counts; UnsupportedError for an
 * unknown correspondence with more than {@link MAX_WINDOW_SIM_LEAVES} leaves.
 */
export async function checkWindowEquivalence(
  circuit: Circuit,
  window: WindowSelection,
  target: FunctionSpec | Circuit,
  params: Partial<CheckWindowParams> = {},
): Promise<WindowVerdict> {
  const p = withDefaults(DEFAULT_CHECK_WINDOW_PARAMS, params);
  const t0 = Date.now();
  if (window.roots.length === 0) throw new ValidationError('the window has no roots', 'bad-window');
  const rootLits = resolveNodes(circuit, window.roots, 'root');
  const leafLits = resolveNodes(circuit, window.leaves, 'leaf');
  const win = extractWindow(circuit, rootLits, leafLits);
  const leaves = leafLits.map((l) => l >>> 1);
  const roots = rootLits.map((l) => l >>> 1);
  const stats: WindowStats = { ms: 0, windowGates: win.numGates, candidates: 0 };
  const base = { leaves, roots };
  const numIn = isCircuit(target) ? target.numInputs : checkSpec(target).numInputs;
  const numOut = isCircuit(target) ? target.outputs.length : target.outputs.length;
  if (numIn !== leaves.length) throw new ValidationError(`the window has ${leaves.length} leaves but the target has ${numIn} inputs`, 'io-mismatch');
  if (numOut !== roots.length) throw new ValidationError(`the window has ${roots.length} roots but the target has ${numOut} outputs`, 'io-mismatch');
  const fixed = !p.anyInputOrder && !p.anyOutputOrder && !p.allowNegations;
  const n = leaves.length;
  const done = <V extends WindowVerdict>(v: V): V => {
    stats.ms = Date.now() - t0;
    return v;
  };

  if (n > MAX_WINDOW_SIM_LEAVES) {
    if (!fixed) throw new UnsupportedError(`an unknown correspondence is searched for windows of at most ${MAX_WINDOW_SIM_LEAVES} leaves; this one has ${n}`, 'too-large');
    if (!isCircuit(target)) throw new UnsupportedError(`a window of ${n} leaves needs a circuit as the target (truth tables stop at ${MAX_WINDOW_SIM_LEAVES} inputs)`, 'too-large');
    const v = await checkEquivalence(win, target, { match: 'position', method: 'sat', backend: p.backend, timeLimitMs: p.timeLimitMs, seed: p.seed });
    const mapping = { inputPerm: identity(n), inputNegations: new Array<boolean>(n).fill(false), outputPerm: identity(roots.length), outputNegations: new Array<boolean>(roots.length).fill(false) };
    if (v.verdict === 'equivalent') return done({ verdict: 'equivalent', method: 'sat', mapping, ...base, stats });
    if (v.verdict === 'different') return done({ verdict: 'different', method: 'sat', counterexample: v.counterexample, output: v.output, ...base, stats });
    return done({ verdict: 'unknown', reason: v.reason, ...base, stats });
  }

  const wTables = simulateTruthTables(win);
  const tTables = isCircuit(target) ? simulateTruthTables(target) : target.outputs;
  const care = isCircuit(target) ? undefined : target.care;

  const verified = (m: WindowMapping): boolean => {
    stats.candidates++;
    return firstMismatch(mappedTables(wTables, m), tTables, care) === null;
  };
  const identityMapping: WindowMapping = { inputPerm: identity(n), inputNegations: new Array<boolean>(n).fill(false), outputPerm: identity(roots.length), outputNegations: new Array<boolean>(roots.length).fill(false) };

  if (fixed) {
    const mm = firstMismatch(wTables, tTables, care);
    if (!mm) return done({ verdict: 'equivalent', method: 'simulation', mapping: identityMapping, ...base, stats });
    const cex = Array.from({ length: n }, (_, i) => ((mm.minterm >>> i) & 1) === 1);
    // replay on the window and the target
    const wv = evaluate(win, cex)[mm.output]!;
    const tv = isCircuit(target) ? evaluate(target, cex)[mm.output]! : tTables[mm.output]!.get(mm.minterm);
    if (wv === tv) throw new InternalError('internal error: a window counterexample does not replay');
    return done({ verdict: 'different', method: 'simulation', counterexample: cex, output: mm.output, ...base, stats });
  }

  // unknown correspondence, single output, small, no don't-cares: NPN (or P / NP) canonical forms
  const hasCare = care?.some((c) => c !== undefined) ?? false;
  if (roots.length === 1 && n <= MAX_EXACT_NPN_VARS && !hasCare && p.anyInputOrder) {
    const group = p.allowNegations ? 'NPN' : 'P';
    const cw = exactCanonize(wTables[0]!, group);
    const ct = exactCanonize(tTables[0]!, group);
    if (!ttEqual(cw.representative, ct.representative)) {
      return done({ verdict: 'different', method: 'npn', reason: `the ${group} representatives differ (window ${toHex(cw.representative)}, target ${toHex(ct.representative)})`, ...base, stats });
    }
    // applyNpn(w, U) = t with U = Tw then Tt^-1
    const u = composeNpn(cw.transform, invertNpn(ct.transform));
    const inputPerm = new Array<number>(n), inputNegations = new Array<boolean>(n);
    for (let i = 0; i < n; i++) {
      inputPerm[u.perm[i]!] = i;
      inputNegations[u.perm[i]!] = ((u.inputNegations >>> i) & 1) === 1;
    }
    const mapping: WindowMapping = { inputPerm, inputNegations, outputPerm: [0], outputNegations: [u.outputNegation] };
    if (!verified(mapping)) throw new InternalError('internal error: the NPN mapping does not verify by simulation');
    return done({ verdict: 'equivalent', method: 'npn', mapping, npnTransform: u, ...base, stats });
  }

  const found = await searchMapping(wTables, tTables, care, p, verified);
  if (found === null) return done({ verdict: 'different', method: 'search', reason: 'no input/output correspondence makes the window equal to the target (SAT search exhausted)', ...base, stats });
  return done({ verdict: 'equivalent', method: 'search', mapping: found, ...base, stats });
}

/** Popcount of a table on its care set. */
function weight(t: TruthTable, mask?: TruthTable): number {
  let c = 0;
  t.words.forEach((w, i) => {
    let x = mask ? (w & mask.words[i]!) >>> 0 : w >>> 0;
    for (; x; x &= x - 1) c++;
  });
  return c;
}

/**
 * Counterexample-guided SAT search for a mapping. Selector s[j][i] (target
 * input j fed by leaf i), q[k][l] (target output k is root l), negation
 * variables; every sample leaf assignment x constrains the target's
 * truth table at the induced y. A candidate is checked on all minterms; a
 * mismatch becomes the next sample.
 */
async function searchMapping(
  w: readonly TruthTable[],
  t: readonly TruthTable[],
  care: readonly (TruthTable | undefined)[] | undefined,
  p: CheckWindowParams,
  verified: (m: WindowMapping) => boolean,
): Promise<WindowMapping | null> {
  const n = t[0]?.numVars ?? 0;
  const m = t.length;
  const solver = await createSolver(p.backend);
  try {
    const S = Array.from({ length: n }, () => Array.from({ length: n }, () => (p.anyInputOrder ? solver.newVar() : 0)));
    const Q = Array.from({ length: m }, () => Array.from({ length: m }, () => (p.anyOutputOrder ? solver.newVar() : 0)));
    const NI = Array.from({ length: n }, () => (p.allowNegations ? solver.newVar() : 0));
    const NO = Array.from({ length: m }, () => (p.allowNegations ? solver.newVar() : 0));
    const T = solver.newVar();
    solver.addClause([T]);
    const sel = (j: number, i: number): number => (p.anyInputOrder ? S[j]![i]! : i === j ? T : -T);
    const qsel = (k: number, l: number): number => (p.anyOutputOrder ? Q[k]![l]! : k === l ? T : -T);
    const exactlyOne = (xs: number[]): void => {
      solver.addClause(xs);
      for (let a = 0; a < xs.length; a++) for (let b = a + 1; b < xs.length; b++) solver.addClause([-xs[a]!, -xs[b]!]);
    };
    if (p.anyInputOrder) {
      for (let j = 0; j < n; j++) exactlyOne(S[j]!);
      for (let i = 0; i < n; i++) exactlyOne(S.map((row) => row[i]!));
      // pruning: a target input and a leaf must have equal cofactor weights (up to negation)
      if (m === 1 && !care?.[0]) {
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < n; i++) {
            const wt = [weight(t[0]!, createFromFunction(n, (x) => ((x >>> j) & 1) === 1)), weight(t[0]!)];
            const ww = [weight(w[0]!, createFromFunction(n, (x) => ((x >>> i) & 1) === 1)), weight(w[0]!)];
            const ok = (a: number[], b: number[]): boolean => {
              // invariants of (pos cofactor weight, total weight) under negations of input and output
              const forms = (v: number[]): string[] => {
                const [c1, tot] = v as [number, number];
                const c0 = tot - c1, half = 2 ** (n - 1);
                const list = [[c1, c0]];
                if (p.allowNegations) list.push([c0, c1], [half - c1, half - c0], [half - c0, half - c1]);
                return list.map((x) => x.join(','));
              };
              const fb = new Set(forms(b));
              return forms(a).some((f) => fb.has(f));
            };
            if (!ok(wt, ww)) solver.addClause([-S[j]![i]!]);
          }
        }
      }
    }
    if (p.anyOutputOrder) {
      for (let k = 0; k < m; k++) exactlyOne(Q[k]!);
      for (let l = 0; l < m; l++) exactlyOne(Q.map((row) => row[l]!));
      for (let k = 0; k < m; k++) {
        for (let l = 0; l < m; l++) {
          if (care?.[k]) continue;
          const a = weight(t[k]!), b = weight(w[l]!);
          if (a !== b && !(p.allowNegations && a === 2 ** n - b)) solver.addClause([-Q[k]![l]!]);
        }
      }
    }
    const addSample = (x: number): void => {
      // y_j = (OR_{i: x_i = 1} s[j][i]) XOR ni_j
      const y = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        const ones: number[] = [];
        for (let i = 0; i < n; i++) if ((x >>> i) & 1) ones.push(sel(j, i));
        const o = solver.newVar();
        solver.addClause([-o, ...ones]);
        for (const s of ones) solver.addClause([o, -s]);
        if (!p.allowNegations) y[j] = o;
        else {
          const yj = solver.newVar();
          const nj = NI[j]!;
          solver.addClause([-yj, o, nj]);
          solver.addClause([-yj, -o, -nj]);
          solver.addClause([yj, -o, nj]);
          solver.addClause([yj, o, -nj]);
          y[j] = yj;
        }
      }
      // for each target output k and root l with q[k][l]: T_k(y) = W_l(x) ^ no_k, where cared
      for (let k = 0; k < m; k++) {
        for (let l = 0; l < m; l++) {
          if (!p.anyOutputOrder && k !== l) continue;
          const wv = w[l]!.get(x);
          // forbid every y-minterm z where care_k(z) and T_k(z) ^ no_k != wv
          for (let z = 0; z < 1 << n; z++) {
            if (care?.[k] && !care[k]!.get(z)) continue;
            const tv = t[k]!.get(z);
            const clause = [-qsel(k, l)];
            for (let j = 0; j < n; j++) clause.push((z >>> j) & 1 ? -y[j]! : y[j]!);
            if (p.allowNegations) clause.push(tv !== wv ? NO[k]! : -NO[k]!);
            else if (tv === wv) continue;
            solver.addClause(clause);
          }
        }
      }
    };
    const val = (model: Int8Array, v: number): boolean => (v > 0 ? model[v] === 1 : model[-v] === -1);
    for (const x of [0, (1 << n) - 1]) addSample(x);
    for (let iter = 0; iter < 1 << n; iter++) {
      const res = await solver.solve();
      if (res.status === 'unsat') return null;
      if (res.status === 'unknown') throw new BackendError(`window search: the SAT solver gave up without a time limit (${res.reason}${res.detail ? `: ${res.detail}` : ''})`, 'failed');
      const model = res.model;
      const inputPerm = Array.from({ length: n }, (_, j) => identity(n).find((i) => val(model, sel(j, i)))!);
      const outputPerm = Array.from({ length: m }, (_, k) => identity(m).find((l) => val(model, qsel(k, l)))!);
      const mapping: WindowMapping = {
        inputPerm,
        inputNegations: NI.map((v) => p.allowNegations && val(model, v)),
        outputPerm,
        outputNegations: NO.map((v) => p.allowNegations && val(model, v)),
      };
      if (verified(mapping)) return mapping;
      // the first leaf assignment where the candidate fails becomes a sample
      const mm = firstMismatch(mappedTables(w, mapping), t, care)!;
      let x = 0;
      for (let j = 0; j < n; j++) if ((((mm.minterm >>> j) & 1) === 1) !== mapping.inputNegations[j]) x |= 1 << mapping.inputPerm[j]!;
      addSample(x);
    }
    return null;
  } finally {
    solver.close();
  }
}

/** The window circuit's AIG (for callers that want to inspect it). */
export function windowAig(circuit: Circuit, window: WindowSelection): Circuit {
  return toAig(extractWindow(circuit, resolveNodes(circuit, window.roots, 'root'), resolveNodes(circuit, window.leaves, 'leaf')));
}
