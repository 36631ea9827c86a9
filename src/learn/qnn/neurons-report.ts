/**
 * Per-neuron report of an integer network: fan-in, weight histogram, bias,
 * thresholds, support (the inputs it reads that are not constant), its
 * reachable sum range and whether it is constant there, and for neurons over
 * at most {@link MAX_TABLE_SUPPORT} input bits the truth table of each output
 * bit (our bit order: variable k = k-th support bit, hex MSB-first), its NPN
 * class and its minimum circuit size by exact synthesis (optimal only when
 * proven; a small time limit per NPN class, `unknown` beyond it).
 */
import type { BasisName } from '../../core/basis.js';
import { synthesize } from '../../synth/synthesize.js';
import { npnCanonize } from '../../tt/npn.js';
import { makeSpec } from '../../tt/spec.js';
import { createFromFunction, toHex, type TruthTable } from '../../tt/truth-table.js';
import { neuronLabel } from './compile.js';
import { codeBits, codeValue, thresholdValue, type IntNetwork, type ValueCode } from './network.js';
import { analyzeRanges } from './range.js';

/** Largest number of support bits a neuron's truth table is given for. */
export const MAX_TABLE_SUPPORT = 6;

/** One output bit of a small neuron. */
export interface NeuronBitFunction {
  readonly bit: number;
  /** Truth table over the support bits, hex MSB-first. */
  readonly table: string;
  /** NPN class representative, hex. */
  readonly npnClass: string;
  /** Minimum circuit size when proven optimal, else undefined with `sizeStatus` saying why. */
  readonly minSize?: number;
  readonly sizeStatus: 'optimal' | 'feasible' | 'unknown' | 'skipped';
  /** Best size found when not proven. */
  readonly bestSize?: number;
}

/** The report of one neuron. */
export interface NeuronReport {
  readonly label: string;
  readonly layer: number;
  readonly index: number;
  readonly fanin: number;
  /** weight -> count, over the non-zero weights, sorted by weight. */
  readonly weights: Readonly<Record<string, number>>;
  readonly bias: string;
  /** Sorted thresholds, or null for a scores neuron. */
  readonly thresholds: readonly string[] | null;
  /** Names of the non-constant values it reads (model inputs or neuron labels). */
  readonly support: readonly string[];
  readonly supportBits: number;
  readonly sumRange: readonly [string, string];
  readonly constant: boolean;
  /** Present when supportBits <= MAX_TABLE_SUPPORT (and the neuron is not a score). */
  readonly functions?: readonly NeuronBitFunction[];
}

/** Options of {@link neuronsReport}. */
export interface NeuronsReportOptions {
  readonly basis?: Extract<BasisName, 'AIG' | 'B2'>;
  /** Time limit per exact synthesis (ms, default 2000; 0 = no synthesis). */
  readonly synthTimeLimitMs?: number;
}

/** Reports every neuron (see the module doc). */
export async function neuronsReport(net: IntNetwork, options: NeuronsReportOptions = {}): Promise<NeuronReport[]> {
  const ranges = analyzeRanges(net);
  const basis = options.basis ?? 'AIG';
  const limit = options.synthTimeLimitMs ?? 2000;
  const sizes = new Map<string, Promise<Pick<NeuronBitFunction, 'minSize' | 'sizeStatus' | 'bestSize'>>>();
  const sizeOf = (rep: TruthTable): Promise<Pick<NeuronBitFunction, 'minSize' | 'sizeStatus' | 'bestSize'>> => {
    const key = `${rep.numVars}:${toHex(rep)}`;
    let p = sizes.get(key);
    if (!p) {
      p = limit <= 0 || rep.numVars === 0
        ? Promise.resolve(rep.numVars === 0 ? { minSize: 0, sizeStatus: 'optimal' as const } : { sizeStatus: 'skipped' as const })
        : synthesize(makeSpec(rep.numVars, [rep]), { basis, timeLimitMs: limit }).then((r) =>
            r.status === 'optimal' ? { minSize: r.size, sizeStatus: 'optimal' as const } : r.status === 'feasible' ? { sizeStatus: 'feasible' as const, bestSize: r.size } : { sizeStatus: 'unknown' as const },
          );
      sizes.set(key, p);
    }
    return p;
  };
  const out: NeuronReport[] = [];
  let belowNames = net.inputs.map((x) => x.name);
  let belowCodes: ValueCode[] = net.inputs.map((x) => x.code);
  let belowRanges = ranges.inputs;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l]!;
    const act = layer.activation;
    const lr = ranges.layers[l]!;
    for (let i = 0; i < layer.weights.length; i++) {
      const row = layer.weights[i]!;
      const hist = new Map<bigint, number>();
      for (const w of row) if (w !== 0n) hist.set(w, (hist.get(w) ?? 0) + 1);
      const read = row.flatMap((w, j) => (w !== 0n && belowRanges[j]!.lo !== belowRanges[j]!.hi ? [j] : []));
      // constant values below contribute to the bias
      let fixed = layer.bias[i]!;
      row.forEach((w, j) => {
        if (w !== 0n && belowRanges[j]!.lo === belowRanges[j]!.hi) fixed += w * belowRanges[j]!.lo;
      });
      const supportBits = read.reduce((s, j) => s + codeBits(belowCodes[j]!), 0);
      const base = {
        label: neuronLabel(l, i),
        layer: l + 1,
        index: i + 1,
        fanin: hist.size ? [...hist.values()].reduce((a, b) => a + b, 0) : 0,
        weights: Object.fromEntries([...hist].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, n]) => [w.toString(), n])),
        bias: layer.bias[i]!.toString(),
        thresholds: act.kind === 'scores' ? null : [...act.thresholds[i]!].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String),
        support: read.map((j) => belowNames[j]!),
        supportBits,
        sumRange: [lr.sums[i]!.lo.toString(), lr.sums[i]!.hi.toString()] as const,
        constant: lr.constant[i]!,
      };
      if (act.kind === 'scores' || supportBits > MAX_TABLE_SUPPORT) {
        out.push(base);
        continue;
      }
      const width = codeBits(act.code);
      const valueAt = (m: number): bigint => {
        let s = fixed;
        let k = 0;
        for (const j of read) {
          const code = belowCodes[j]!;
          const bits = Array.from({ length: codeBits(code) }, () => ((m >>> k++) & 1) === 1);
          s += row[j]! * codeValue(code, bits);
        }
        const v = thresholdValue(act.code, act.thresholds[i]!, s);
        return act.code.kind === 'bipolar' ? (v > 0n ? 1n : 0n) : v;
      };
      const functions: NeuronBitFunction[] = [];
      for (let bit = 0; bit < width; bit++) {
        const tt = createFromFunction(supportBits, (m) => ((valueAt(m) >> BigInt(bit)) & 1n) === 1n);
        const rep = npnCanonize(tt).representative;
        functions.push({ bit, table: toHex(tt), npnClass: toHex(rep), ...(await sizeOf(rep)) });
      }
      out.push({ ...base, functions });
    }
    belowNames = layer.weights.map((_, i) => neuronLabel(l, i));
    belowCodes = act.kind === 'scores' ? [] : layer.weights.map(() => act.code);
    belowRanges = lr.values;
  }
  return out;
}
