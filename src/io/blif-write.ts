/**
 * BLIF writer. Every gate becomes one `.names` node over the distinct
 * signals of its fanins, with complemented, repeated and constant fanins
 * folded into the cover:
 *
 * - And: a single cube (`10 1` for a & !b);
 * - Xor: the minterms of odd (or even) parity, wide XORs split into a chain
 *   of at most {@link BLIF_MAX_XOR_COLUMNS} inputs per node;
 * - Maj and Lut: the minterm cover of the ON-set, or of the OFF-set (output
 *   column `0`) when that is smaller; constant tables as a constant node
 *   without inputs (ABC refuses an empty cover with inputs).
 *
 * Outputs whose literal is complemented, constant, an input or already named
 * get a buffer, inverter or constant `.names` under the output's name. Names
 * follow the BENCH writer's rules (inputs, then outputs, then gate names are
 * kept; blanks and `#` become `_`, a trailing `\` gets a `_`, taken names get
 * a suffix `_1`, ...; unnamed gates are `n<node>`).
 */
import type { Circuit } from '../core/circuit.js';
import { gateFanins, numNodes } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { ttCountOnes, ttIsConst, type TruthTable } from '../tt/truth-table.js';
import { majorityTable, normalizeLut } from './lut-normalise.js';
import { NameAllocator, nameRemainingGates, sanitizeName } from './writer-names.js';

/** Options of {@link writeBlif}. */
export interface WriteBlifOptions {
  /** Name in the `.model` line (default `waterloo`). */
  readonly modelName?: string;
}

/** Widest XOR written as one `.names` node (2^(k-1) rows). */
export const BLIF_MAX_XOR_COLUMNS = 10;

const sanitizeBlif = (s: string): string => {
  const t = sanitizeName(s, /[\s#]/g);
  return t.endsWith('\\') ? `${t}_` : t;
};

/**
 * Writes a circuit as a single-model combinational BLIF file that ABC and
 * {@link parseBlif} read back to the same functions and (for writable,
 * distinct names) the same input and output names, in order.
 */
export function writeBlif(c: Circuit, opts: WriteBlifOptions = {}): string {
  const N = numNodes(c);
  const first = c.numInputs + 1;
  const names = new NameAllocator(sanitizeBlif);
  const name: (string | undefined)[] = new Array(N);
  for (let i = 0; i < c.numInputs; i++) name[i + 1] = names.fresh(c.inputNames[i]!);

  const outName: string[] = [];
  const aliases: { name: string; lit: number }[] = [];
  c.outputs.forEach((L, j) => {
    const y = c.outputNames[j]!;
    const v = L >>> 1;
    if (v !== 0 && (L & 1) === 0 && name[v] === sanitizeBlif(y)) {
      outName.push(name[v]!);
    } else if (v >= first && (L & 1) === 0 && name[v] === undefined && !names.has(y)) {
      name[v] = names.fresh(y);
      outName.push(name[v]!);
    } else {
      const prev = aliases.find((a) => a.name === sanitizeBlif(y) && a.lit === L);
      if (prev) {
        outName.push(prev.name);
        return;
      }
      const a = names.fresh(y);
      aliases.push({ name: a, lit: L });
      outName.push(a);
    }
  });
  nameRemainingGates(c, name, names);

  const body: string[] = [];
  const names1 = (ins: readonly string[], out: string, rows: readonly string[]): void => {
    body.push(wrap(['.names', ...ins, out]));
    for (const r of rows) body.push(r);
  };
  const positive = (): number => 0;

  const writeXor = (out: string, ins: string[], parity: number): void => {
    if (ins.length === 0) return names1([], out, parity ? ['1'] : []);
    if (ins.length > BLIF_MAX_XOR_COLUMNS) {
      const mid = names.fresh(`${out}_x`);
      writeXor(mid, ins.slice(0, BLIF_MAX_XOR_COLUMNS), 0);
      writeXor(out, [mid, ...ins.slice(BLIF_MAX_XOR_COLUMNS)], parity);
      return;
    }
    const k = ins.length;
    const rows: string[] = [];
    for (let m = 0; m < 1 << k; m++) {
      let ones = 0;
      for (let j = 0; j < k; j++) ones += (m >>> j) & 1;
      if ((ones & 1) !== parity) rows.push(`${cube(m, k)} 1`);
    }
    names1(ins, out, rows);
  };

  for (let g = 0; g < c.numGates; g++) {
    const v = first + g;
    const out = name[v]!;
    const fs = gateFanins(c, g);
    const kind = c.kinds[g]!;
    if (kind === GateKind.And) {
      const pol = new Map<number, number>();
      let zero = false;
      for (const f of fs) {
        const u = f >>> 1;
        if (u === 0) {
          if ((f & 1) === 0) zero = true;
          continue;
        }
        const prev = pol.get(u);
        if (prev !== undefined && prev !== (f & 1)) zero = true;
        pol.set(u, f & 1);
      }
      if (zero) names1([], out, []);
      else names1([...pol.keys()].map((u) => name[u]!), out, [`${[...pol.values()].map((p) => (p ? '0' : '1')).join('')} 1`.trimStart()]);
    } else if (kind === GateKind.Xor) {
      let parity = 0;
      const count = new Map<number, number>();
      for (const f of fs) {
        parity ^= f & 1;
        const u = f >>> 1;
        if (u !== 0) count.set(u, (count.get(u) ?? 0) ^ 1);
      }
      writeXor(out, [...count].filter(([, odd]) => odd).map(([u]) => name[u]!), parity);
    } else {
      const table: TruthTable = kind === GateKind.Maj ? majorityTable(fs.length) : c.luts.get(g)!;
      const nl = normalizeLut(table, fs, positive);
      // ABC refuses an empty cover with inputs, so constants are written without inputs
      if (ttIsConst(nl.table)) names1([], out, nl.table.get(0) ? ['1'] : []);
      else names1(nl.nodes.map((u) => name[u]!), out, coverRows(nl.table));
    }
  }
  for (const a of aliases) {
    const v = a.lit >>> 1;
    if (v === 0) names1([], a.name, a.lit & 1 ? ['1'] : []);
    else names1([name[v]!], a.name, [a.lit & 1 ? '0 1' : '1 1']);
  }

  const lines = [
    `.model ${sanitizeBlif(opts.modelName ?? 'waterloo')}`,
    wrap(['.inputs', ...Array.from({ length: c.numInputs }, (_, i) => name[i + 1]!)]),
    wrap(['.outputs', ...outName]),
    ...body,
    '.end',
  ];
  return lines.join('\n') + '\n';
}

/** The k input columns of minterm m (column j = bit j). */
function cube(m: number, k: number): string {
  let s = '';
  for (let j = 0; j < k; j++) s += (m >>> j) & 1 ? '1' : '0';
  return s;
}

/** Minterm cover rows of the smaller of the ON-set and the OFF-set of a non-constant table. */
function coverRows(t: TruthTable): string[] {
  const k = t.numVars;
  const ones = ttCountOnes(t);
  const off = ones * 2 > t.numBits;
  const rows: string[] = [];
  for (let m = 0; m < t.numBits; m++) if (t.get(m) !== off) rows.push(`${cube(m, k)} ${off ? 0 : 1}`);
  return rows;
}

/** Joins tokens into lines of about 80 characters with `\` continuations. */
function wrap(tokens: readonly string[]): string {
  const lines: string[] = [];
  let cur = '';
  for (const t of tokens) {
    if (cur.length && cur.length + 1 + t.length > 78) {
      lines.push(`${cur} \\`);
      cur = ` ${t}`;
    } else {
      cur = cur.length ? `${cur} ${t}` : t;
    }
  }
  lines.push(cur);
  return lines.join('\n');
}
