/**
 * ISCAS BENCH writer. One line per gate, with the natural gate type:
 * And gates as AND/NAND (OR/NOR when all fanins are complemented), Xor as
 * XOR/XNOR (a k-input Xor as a chain of k-1 two-input gates, since ABC
 * reads only two-input XOR/XNOR), two-input LUTs with a named op as that op (8 AND, e OR, 6 XOR,
 * 7 NAND, 1 NOR, 9 XNOR), one-input LUTs 1/2 as NOT/BUF (0/3 as gnd/vdd, which
 * ABC needs), other LUTs and MAJ
 * as ABC's `LUT 0x<hex> ( a, b, ... )` (first fanin = x0; MAJ3 is 0xe8).
 *
 * A gate whose every use is complemented is written in negative polarity
 * (NAND instead of AND, ...), so inverters appear only where needed; a
 * complemented use of a signal gets one `NOT` line. Complemented fanins of
 * XOR, MAJ and LUT gates are folded into the gate. Constant fanins become
 * `vdd`/`gnd` signals (LUTs fold them into the table).
 *
 * Names: input names, then output names, then gate names are kept when the
 * format can write them; a name containing blanks or `( ) , = #` has those
 * characters replaced by `_`, and a name already taken gets a suffix `_1`,
 * `_2`, ... (inputs with equal names, an output named like an unrelated
 * signal). Unnamed gates are called `n<node>`, inverters `<name>_n`. An
 * output whose literal is complemented, constant, or already named gets a
 * BUF/NOT/vdd/gnd line under the output's name.
 */
import type { Circuit } from '../core/circuit.js';
import { gateFanins, numNodes } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { toHex, type TruthTable } from '../tt/truth-table.js';
import { majorityTable, normalizeLut } from './lut-normalise.js';
import { NameAllocator, nameRemainingGates, sanitizeName } from './writer-names.js';

/** Options of {@link writeBench}. */
export interface WriteBenchOptions {
  /** A comment written as the first line (`# ...`); none by default. */
  readonly comment?: string;
}

const BAD_BENCH_CHARS = /[\s(),=#]/g;

const NAMED_OPS: Readonly<Record<number, string>> = { 0x8: 'AND', 0xe: 'OR', 0x6: 'XOR', 0x7: 'NAND', 0x1: 'NOR', 0x9: 'XNOR' };

/** How {@link writeBench} names the signals of a circuit: node -> written name, gate polarity, output names, alias lines. */
interface BenchNamePlan {
  readonly name: (string | undefined)[];
  readonly pol: Uint8Array;
  readonly names: NameAllocator;
  readonly outName: string[];
  readonly aliases: { name: string; lit: number }[];
}

/**
 * The name {@link writeBench} gives every node of `c` (index = node; the
 * constant node 0 has none): inputs by their names, gates by their own name,
 * or the name of an output they drive, or `n<node>` (made unique). Other
 * tools (e.g. a provenance map) key gates by these names.
 */
export function benchNodeNames(c: Circuit): readonly (string | undefined)[] {
  return planBenchNames(c).name;
}

function planBenchNames(c: Circuit): BenchNamePlan {
  const N = numNodes(c);
  const first = c.numInputs + 1;
  const isGate = (v: number): boolean => v >= first;

  // written polarity: negative when every polarity-sensitive use is complemented
  const posUse = new Uint8Array(N);
  const negUse = new Uint8Array(N);
  const use = (l: number): void => {
    if (l & 1) negUse[l >>> 1] = 1;
    else posUse[l >>> 1] = 1;
  };
  for (let g = 0; g < c.numGates; g++) {
    if (c.kinds[g] !== GateKind.And) continue;
    const fs = gateFanins(c, g);
    const allNeg = fs.length >= 2 && fs.every((f) => (f & 1) === 1);
    for (const f of fs) use(allNeg ? f ^ 1 : f);
  }
  for (const o of c.outputs) use(o);
  const pol = new Uint8Array(N);
  for (let v = first; v < N; v++) pol[v] = negUse[v] && !posUse[v] ? 1 : 0;

  const names = new NameAllocator((s) => sanitizeName(s, BAD_BENCH_CHARS));
  const name: (string | undefined)[] = new Array(N);
  for (let i = 0; i < c.numInputs; i++) name[i + 1] = names.fresh(c.inputNames[i]!);

  // outputs: name the driving gate after the output when possible, else an alias line
  const outName: string[] = [];
  const aliases: { name: string; lit: number }[] = [];
  const aliasOf = new Map<string, number>();
  c.outputs.forEach((L, j) => {
    const y = c.outputNames[j]!;
    const v = L >>> 1;
    const want = sanitizeName(y, BAD_BENCH_CHARS);
    if (v !== 0 && name[v] === want && pol[v] === (L & 1)) {
      outName.push(want);
    } else if (aliasOf.get(want) === L) {
      outName.push(want);
    } else if (isGate(v) && name[v] === undefined && pol[v] === (L & 1) && !names.has(y)) {
      name[v] = names.fresh(y);
      outName.push(name[v]!);
    } else {
      const a = names.fresh(y);
      aliasOf.set(a, L);
      aliases.push({ name: a, lit: L });
      outName.push(a);
    }
  });
  // a name that denotes the complement (BENCH `c1 = OR(...)` read back) is kept when the gate is written complemented
  nameRemainingGates(c, name, names, (v: number): number => pol[v]!);

  return { name, pol, names, outName, aliases };
}

/**
 * Writes a circuit as ISCAS BENCH text that ABC and {@link parseBench} read
 * back to the same functions, inputs and outputs in order, and (when the
 * names are writable and distinct) the same input and output names.
 */
export function writeBench(c: Circuit, opts: WriteBenchOptions = {}): string {
  const N = numNodes(c);
  const first = c.numInputs + 1;
  const { name, pol, names, outName, aliases } = planBenchNames(c);
  const polarity = (v: number): number => pol[v]!;
  const lines: string[] = [];
  const invName: (string | undefined)[] = new Array(N);
  const constName: (string | undefined)[] = [undefined, undefined];
  /** Name of a signal equal to literal l, adding NOT / vdd / gnd lines on demand. */
  const sig = (l: number): string => {
    const v = l >>> 1;
    if (v === 0) {
      const k = l & 1;
      if (constName[k] === undefined) {
        constName[k] = names.fresh(k ? 'const1' : 'const0');
        lines.push(`${constName[k]} = ${k ? 'vdd' : 'gnd'}`);
      }
      return constName[k]!;
    }
    if ((l & 1) === pol[v]) return name[v]!;
    if (invName[v] === undefined) {
      invName[v] = names.fresh(`${name[v]!}_n`);
      lines.push(`${invName[v]} = NOT(${name[v]!})`);
    }
    return invName[v]!;
  };

  for (let g = 0; g < c.numGates; g++) {
    const v = first + g;
    const out = name[v]!;
    const p = pol[v]!;
    const fs = gateFanins(c, g);
    const kind = c.kinds[g]!;
    if (kind === GateKind.And) {
      const allNeg = fs.length >= 2 && fs.every((f) => (f & 1) === 1);
      const args = Array.from(fs, (f) => sig(allNeg ? f ^ 1 : f));
      const op = allNeg ? (p ? 'OR' : 'NOR') : p ? 'NAND' : 'AND';
      lines.push(`${out} = ${op}(${args.join(', ')})`);
    } else if (kind === GateKind.Xor) {
      let parity = p;
      const args: string[] = [];
      for (const f of fs) {
        const u = f >>> 1;
        if (u === 0) {
          parity ^= f & 1;
          continue;
        }
        parity ^= (f & 1) ^ pol[u]!;
        args.push(name[u]!);
      }
      if (args.length === 0) lines.push(`${out} = ${parity ? 'vdd' : 'gnd'}`);
      else if (args.length === 1) lines.push(`${out} = ${parity ? 'NOT' : 'BUF'}(${args[0]})`);
      else {
        // ABC reads only two-input XOR/XNOR, so wider ones become a chain
        let acc = args[0]!;
        for (let i = 1; i < args.length - 1; i++) {
          const t = names.fresh(`${out}_x${i}`);
          lines.push(`${t} = XOR(${acc}, ${args[i]!})`);
          acc = t;
        }
        lines.push(`${out} = ${parity ? 'XNOR' : 'XOR'}(${acc}, ${args[args.length - 1]!})`);
      }
    } else {
      const table: TruthTable = kind === GateKind.Maj ? majorityTable(fs.length) : c.luts.get(g)!;
      const nl = normalizeLut(table, fs, polarity, p === 1);
      const args = nl.nodes.map((u) => name[u]!);
      const k = args.length;
      const bits = nl.table.words[0]!;
      // ABC refuses one-input LUTs with a constant table, so constants are vdd/gnd
      if (k === 0 || (k === 1 && (bits === 0 || bits === 3))) lines.push(`${out} = ${bits & 1 ? 'vdd' : 'gnd'}`);
      else if (k === 1 && (bits === 1 || bits === 2)) lines.push(`${out} = ${bits === 1 ? 'NOT' : 'BUF'}(${args[0]})`);
      else if (k === 2 && NAMED_OPS[bits] !== undefined) lines.push(`${out} = ${NAMED_OPS[bits]}(${args.join(', ')})`);
      else lines.push(`${out} = LUT 0x${toHex(nl.table)} ( ${args.join(', ')} )`);
    }
  }
  for (const a of aliases) {
    const v = a.lit >>> 1;
    if (v === 0) lines.push(`${a.name} = ${a.lit & 1 ? 'vdd' : 'gnd'}`);
    else lines.push(`${a.name} = ${(a.lit & 1) === pol[v] ? 'BUF' : 'NOT'}(${name[v]!})`);
  }

  const head: string[] = [];
  if (opts.comment !== undefined) for (const l of opts.comment.split(/\r?\n/)) head.push(`# ${l}`);
  for (let i = 0; i < c.numInputs; i++) head.push(`INPUT(${name[i + 1]!})`);
  for (const y of outName) head.push(`OUTPUT(${y})`);
  return [...head, ...lines].join('\n') + '\n';
}
