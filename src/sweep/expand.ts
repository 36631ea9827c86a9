/**
 * What a sweep runs: `--problem`, `--n`, `--basis` and `--encoder` expanded
 * into a list of instances in one deterministic order, and `--shard I/N`
 * cutting that list into N disjoint parts.
 *
 * Problem items (comma separated) are:
 * - a full name (`maj:5`, `fa`, `thr:5:2`): that one instance;
 * - a family (`maj`, `thr`, `add`) or a family with its leading parameters
 *   (`mod:3`): `--n` ranges over the parameter named n (or the first one when
 *   the family has no n), the parameters after it over every valid value
 *   (thr:n:0..n, mod3:n:0..2), and values the family refuses (maj:4) are
 *   left out.
 */
import { BASES, basisByName, type BasisName, type NamedBasisName } from '../core/basis.js';

// the named bases whose sizes are NPN-invariant (the store keys records by NPN class); custom ops: bases need not be
const SWEEP_BASES: readonly BasisName[] = ['B2', 'U2', 'AIG', 'XAIG', 'MIG', 'MC', 'LUT3'];
import { UsageError } from '../errors.js';
import type { FamilyInfo } from '../problems/families.js';
import { canonicalProblemName, parseProblem, parseProblemItem } from '../problems/parse-problem.js';
import { defaultEncoderFor, ENCODER_NAMES } from '../synth/registry.js';
import type { EncoderName } from '../synth/types.js';
import type { SweepInstance } from './solve-instance.js';

/** Largest value tried for a parameter that is expanded over all its valid values (they are bounded by n or a modulus). */
const MAX_EXPANDED_PARAM = 64;

/** Parameters of {@link expandSweep}, as the CLI takes them. */
export interface ExpandParams {
  /** Comma-separated problem items (see the module notes). */
  readonly problem: string;
  /** Values of n: `A..B`, `A`, or a comma list of those; needed when an item is not a full name. */
  readonly n?: string;
  /** Comma-separated bases (`b2,u2`). */
  readonly basis: string;
  /** Comma-separated encoders (default: each basis's own encoder, ssv for the two-input bases, kgate for MIG and LUT3, mc for MC). */
  readonly encoder?: string;
  readonly timeoutSeconds?: number;
}

/** One shard of N: `index` is 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `A..B`, `A` and comma lists of them into sorted distinct values. */
export function parseRange(text: string): number[] {
  const values = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^(\d+)(?:\.\.(\d+))?$/.exec(part);
    if (m === null) throw new UsageError(`--n: expected A..B, A, or a comma list of them, got '${text}'`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) throw new UsageError(`--n: empty range ${part} (${b} < ${a})`);
    if (b - a > 1000) throw new UsageError(`--n: range ${part} is too long`);
    for (let v = a; v <= b; v++) values.add(v);
  }
  return [...values].sort((x, y) => x - y);
}

/** Parses `I/N` (1 <= I <= N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m === null ? NaN : Number(m[1]);
  const count = m === null ? NaN : Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count)) throw new UsageError(`--shard: expected I/N with 1 <= I <= N, got '${text}'`);
  return { index, count };
}

/**
 * Shard I of N keeps the instances at positions j (0-based, in the order of
 * {@link expandSweep}) with j mod N = I - 1. The shards of one expansion are
 * disjoint, cover it, and differ in size by at most one; every shard must be
 * given the same problem/n/basis/encoder arguments.
 */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, j) => j % shard.count === shard.index - 1);
}

function parseBases(text: string): BasisName[] {
  const out: BasisName[] = [];
  for (const s of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    const b = basisByName(s);
    if (b === undefined || !SWEEP_BASES.includes(b.name)) {
      throw new UsageError(`--basis: unknown or unsupported basis '${s}'; one of ${SWEEP_BASES.map((x) => BASES[x as NamedBasisName].cli).join(', ')}`);
    }
    if (!out.includes(b.name)) out.push(b.name);
  }
  if (out.length === 0) throw new UsageError('--basis: no basis given');
  return out;
}

function parseEncoders(text: string): EncoderName[] {
  const out: EncoderName[] = [];
  for (const s of text.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '')) {
    if (!(ENCODER_NAMES as string[]).includes(s)) throw new UsageError(`--encoder: unknown encoder '${s}'; one of ${ENCODER_NAMES.join(', ')}`);
    if (!out.includes(s as EncoderName)) out.push(s as EncoderName);
  }
  if (out.length === 0) throw new UsageError('--encoder: no encoder given');
  return out;
}

/** Whether the family accepts these (complete) parameters. */
function valid(info: FamilyInfo, params: readonly number[]): boolean {
  return params.every((v, i) => v >= info.params[i]!.min) && info.check(params) === undefined;
}

/** Canonical problem names of one item, in order. */
function expandItem(text: string, ns: readonly number[] | undefined): string[] {
  const item = parseProblemItem(text);
  if (item.full) return [item.name!];
  const info = item.family;
  const nIndex = Math.max(0, info.params.findIndex((p) => p.name === 'n'));
  if (item.params.length !== nIndex) {
    const fixed = info.params.slice(0, nIndex).map((p) => p.name);
    throw new UsageError(`--problem ${text}: give ${fixed.length === 0 ? 'the family alone' : `the family with ${fixed.join(', ')} (${[info.name, ...fixed].join(':')})`} or a full name (${info.syntax}); --n sets ${info.params[nIndex]!.name}`);
  }
  const hex = info.params.find((p) => p.hexDigits !== undefined);
  if (hex !== undefined) throw new UsageError(`--problem ${text}: the family ${info.syntax} is not expanded over its ${hex.name} parameter; give full names (${info.syntax})`);
  if (ns === undefined) throw new UsageError(`--problem ${text}: --n A..B is needed to expand the family ${info.syntax}`);
  const prefix = [...item.params];
  const names: string[] = [];
  // parameters after n range over every value the family accepts; they are bounded by n or an earlier parameter
  const tail = (params: number[], i: number): void => {
    if (i === info.params.length) {
      if (valid(info, params)) names.push(parseProblem(canonicalProblemName(info, params)).name);
      return;
    }
    for (let v = info.params[i]!.min; v <= MAX_EXPANDED_PARAM; v++) {
      const probe = [...params, v];
      // prune with the family's own check once every parameter is known; earlier values are all tried
      if (probe.length === info.params.length && !valid(info, probe)) continue;
      tail(probe, i + 1);
    }
  };
  for (const n of ns) tail([...prefix, n], nIndex + 1);
  return names;
}

/**
 * The instances of a sweep: problem items in the order given, each in
 * ascending n and then ascending later parameters, crossed with the bases
 * and then the encoders in the order given; duplicates dropped.
 * @throws UsageError for unknown families, bases or encoders, bad ranges, or an empty result.
 */
export function expandSweep(p: ExpandParams): SweepInstance[] {
  const ns = p.n === undefined ? undefined : parseRange(p.n);
  const bases = parseBases(p.basis);
  const encoders = p.encoder === undefined ? undefined : parseEncoders(p.encoder);
  const items = p.problem.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError('--problem: no problem given');
  const seen = new Set<string>();
  const out: SweepInstance[] = [];
  for (const item of items) {
    for (const problem of expandItem(item, ns)) {
      for (const basis of bases) {
        for (const encoder of encoders ?? [defaultEncoderFor(basis)]) {
          const key = `${problem}\u0000${basis}\u0000${encoder}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ problem, basis, encoder, ...(p.timeoutSeconds !== undefined && p.timeoutSeconds > 0 ? { timeoutSeconds: p.timeoutSeconds } : {}) });
        }
      }
    }
  }
  if (out.length === 0) throw new UsageError(`sweep: '${p.problem}'${p.n === undefined ? '' : ` with n = ${p.n}`} gives no valid instance`);
  return out;
}
