/**
 * The library of known functions that {@link findFunctions} looks for, and
 * matching of cut functions against it.
 *
 * A {@link LibraryEntry} is a (possibly multi-output) function of at most
 * {@link MAX_LIBRARY_INPUTS} inputs. Single-output entries are matched up to
 * NPN (input permutation, input and output negation), so AND_k also covers
 * NOR/NAND forms with any input polarity. Multi-output entries (half and
 * full adder) are matched under one common input permutation/negation with
 * a negation per output.
 *
 * THE MAPPING (same semantics as {@link WindowMapping} of checkWindowEquivalence,
 * with the roots listed in the entry's output order): for every assignment x
 * of the leaves, `root_k(x) XOR outputNegations[k] = entry_k(y)` where
 * `y_j = x[inputPerm[j]] XOR inputNegations[j]`: entry input j is fed by leaf
 * inputPerm[j].
 */
import { basename, extname } from 'node:path';
import { simulateTruthTables } from '../core/simulate.js';
import { InternalError, UsageError, ValidationError } from '../errors.js';
import { readCircuitFile } from '../io/formats.js';
import { readInputFile } from '../util/read-input.js';
import { parseHexTruth } from '../io/truth.js';
import { parseProblem } from '../problems/parse-problem.js';
import { composeNpn, exactCanonize, invertNpn, type NpnTransform } from '../tt/npn.js';
import { fromHex, toHex, ttNot, ttSupport, type TruthTable } from '../tt/truth-table.js';

/** Largest number of inputs of a library entry (exact NPN matching). */
export const MAX_LIBRARY_INPUTS = 6;

/** One known function. */
export interface LibraryEntry {
  /** Name reported in matches, e.g. `XOR_3`, `FA`. */
  readonly name: string;
  readonly numInputs: number;
  /** One table per output, over numInputs variables (input j = x_j). */
  readonly outputs: readonly TruthTable[];
  /** Where it comes from, e.g. `problem xor:3`, a file path, or `hex`. */
  readonly source: string;
}

/** A correspondence between a cut/window and a library entry (see the module documentation). */
export interface MatchMapping {
  /** Entry input j is fed by leaf inputPerm[j] (an index into the leaves). */
  readonly inputPerm: readonly number[];
  readonly inputNegations: readonly boolean[];
  /** Per entry output k (= root k). */
  readonly outputNegations: readonly boolean[];
}

function fromProblem(name: string, problem: string, outputs?: readonly number[]): LibraryEntry {
  const p = parseProblem(problem);
  const outs = outputs ? outputs.map((k) => p.spec.outputs[k]!) : p.spec.outputs;
  return { name, numInputs: p.spec.numInputs, outputs: outs, source: `problem ${p.name}` };
}

function buildDefaultLibrary(): LibraryEntry[] {
  const lib: LibraryEntry[] = [];
  // order matters: among entries of one NPN class, the one needing fewer negations wins, ties go to the earlier entry
  for (let k = 2; k <= 6; k++) lib.push(fromProblem(`XOR_${k}`, `xor:${k}`));
  for (let k = 2; k <= 6; k++) {
    const x = fromProblem(`XNOR_${k}`, `xor:${k}`);
    lib.push({ ...x, outputs: x.outputs.map(ttNot), source: `problem xor:${k}, complemented` });
  }
  for (let k = 2; k <= 6; k++) lib.push(fromProblem(`AND_${k}`, `and:${k}`));
  for (let k = 2; k <= 6; k++) lib.push(fromProblem(`OR_${k}`, `or:${k}`));
  lib.push(fromProblem('MAJ_3', 'maj:3'), fromProblem('MAJ_5', 'maj:5'));
  lib.push(fromProblem('MUX', 'mux:1'));
  lib.push(fromProblem('LT_2', 'cmp:2'));
  for (let n = 3; n <= 6; n++) for (let t = 2; t < n; t++) lib.push(fromProblem(`THR_${n}^${t}`, `thr:${n}:${t}`));
  for (let n = 3; n <= 6; n++) for (let r = 0; r <= 2; r++) lib.push(fromProblem(`MOD3_${n}^${r}`, `mod3:${n}:${r}`));
  // multi-output: half adder (sum, carry) and full adder (sum, carry)
  const ha = [fromProblem('', 'xor:2').outputs[0]!, fromProblem('', 'and:2').outputs[0]!];
  lib.push({ name: 'HA', numInputs: 2, outputs: ha, source: 'half adder: sum XOR_2, carry AND_2' });
  lib.push({ ...fromProblem('FA', 'fa'), source: 'problem fa: sum XOR_3, carry MAJ_3' });
  return lib;
}

/**
 * The default library: XOR_k and XNOR_k, AND_k and OR_k (k = 2..6), MAJ_3,
 * MAJ_5, MUX (2:1: inputs s, d0, d1), LT_2 (a < b for 2-bit numbers),
 * THR_n^t (n = 3..6, 2 <= t < n), MOD3_n^r (n = 3..6, r = 0..2), and the
 * multi-output HA (XOR_2 + AND_2) and FA (XOR_3 + MAJ_3) over the same
 * leaves. Built from `parseProblem` families.
 */
export const DEFAULT_LIBRARY: readonly LibraryEntry[] = Object.freeze(buildDefaultLibrary());

/** Checks an entry's shape; throws ValidationError (code `bad-library-entry`). */
export function checkLibraryEntry(e: LibraryEntry): LibraryEntry {
  const bad = (why: string): never => {
    throw new ValidationError(`library entry '${e.name}': ${why}`, 'bad-library-entry');
  };
  if (e.name.trim() === '') bad('the name is empty');
  if (!Number.isInteger(e.numInputs) || e.numInputs < 1 || e.numInputs > MAX_LIBRARY_INPUTS) bad(`has ${e.numInputs} inputs; entries have 1..${MAX_LIBRARY_INPUTS}`);
  if (e.outputs.length < 1) bad('has no outputs');
  for (const t of e.outputs) if (t.numVars !== e.numInputs) bad(`an output table has ${t.numVars} variables, expected ${e.numInputs}`);
  return e;
}

/**
 * A user entry from a circuit file (any format `readCircuitFile` reads; the
 * name is the file's base name), a hex truth-table file (`.truth`), or an
 * object `{name, hex, inputs}` (hex: one table, or one per output).
 * Throws ValidationError for entries that are too large or malformed, and
 * the reader's errors (ParseError, InputFileError) for bad files.
 */
export function loadLibraryEntry(src: string | { readonly name: string; readonly hex: string | readonly string[]; readonly inputs: number }): LibraryEntry {
  if (typeof src !== 'string') {
    const hexes = typeof src.hex === 'string' ? [src.hex] : src.hex;
    if (!Number.isInteger(src.inputs) || src.inputs < 1 || src.inputs > MAX_LIBRARY_INPUTS) {
      throw new ValidationError(`library entry '${src.name}': has ${src.inputs} inputs; entries have 1..${MAX_LIBRARY_INPUTS}`, 'bad-library-entry');
    }
    return checkLibraryEntry({ name: src.name, numInputs: src.inputs, outputs: hexes.map((h) => fromHex(h, src.inputs)), source: 'hex' });
  }
  const name = basename(src, extname(src));
  if (extname(src).toLowerCase() === '.truth') {
    const text = readInputFile(src).toString('utf8');
    const spec = parseHexTruth(text, { fileName: src });
    if (spec.care?.some((c) => c !== undefined)) throw new ValidationError(`library entry '${name}': ${src} has don't-cares; library entries are complete functions`, 'bad-library-entry');
    return checkLibraryEntry({ name, numInputs: spec.numInputs, outputs: spec.outputs, source: src });
  }
  const c = readCircuitFile(src);
  if (c.numInputs < 1 || c.numInputs > MAX_LIBRARY_INPUTS) throw new ValidationError(`library entry '${name}': ${src} has ${c.numInputs} inputs; entries have 1..${MAX_LIBRARY_INPUTS}`, 'bad-library-entry');
  return checkLibraryEntry({ name, numInputs: c.numInputs, outputs: simulateTruthTables(c), source: src });
}

/** The mapping that realises `applyNpn(f, u) = g` (u from NPN canonisation). */
function mappingOf(u: NpnTransform, n: number): MatchMapping {
  const inputPerm = new Array<number>(n), inputNegations = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    inputPerm[u.perm[i]!] = i;
    inputNegations[u.perm[i]!] = ((u.inputNegations >>> i) & 1) === 1;
  }
  return { inputPerm, inputNegations, outputNegations: [u.outputNegation] };
}

/**
 * Orders mappings by cost: fewer input negations first (output negations
 * are free on complemented edges), then fewer output negations.
 */
export function compareMappings(a: MatchMapping, b: MatchMapping): number {
  const count = (xs: readonly boolean[]): number => xs.filter(Boolean).length;
  return count(a.inputNegations) - count(b.inputNegations) || count(a.outputNegations) - count(b.outputNegations);
}

/** Whether the mapping makes the functions equal the entry's outputs (exhaustive). */
export function mappingHolds(functions: readonly TruthTable[], entry: LibraryEntry, m: MatchMapping): boolean {
  const n = entry.numInputs;
  for (let y = 0; y < 1 << n; y++) {
    let x = 0;
    for (let j = 0; j < n; j++) if ((((y >>> j) & 1) === 1) !== m.inputNegations[j]) x |= 1 << m.inputPerm[j]!;
    for (let k = 0; k < entry.outputs.length; k++) if ((functions[k]!.get(x) !== m.outputNegations[k]) !== entry.outputs[k]!.get(y)) return false;
  }
  return true;
}

/** A library prepared for matching: single-output entries indexed by NPN class, multi-output entries by arity. */
export interface PreparedLibrary {
  readonly entries: readonly LibraryEntry[];
  /** NPN representative hex + arity -> single-output entries of that class, with their canonisation transform. */
  readonly byClass: ReadonlyMap<string, readonly { entry: LibraryEntry; transform: NpnTransform }[]>;
  /** Multi-output entries, with the NPN class key of each output. */
  readonly multi: readonly { entry: LibraryEntry; classKeys: readonly string[] }[];
}

/** Class key of a table: `n:representativeHex`. */
export function npnClassKey(t: TruthTable): { key: string; transform: NpnTransform } {
  const r = exactCanonize(t, 'NPN');
  return { key: `${t.numVars}:${toHex(r.representative)}`, transform: r.transform };
}

/** Indexes a library for {@link matchSingle} / {@link findMultiMapping}. Entries with duplicate names are refused. */
export function prepareLibrary(entries: readonly LibraryEntry[]): PreparedLibrary {
  const names = new Set<string>();
  const byClass = new Map<string, { entry: LibraryEntry; transform: NpnTransform }[]>();
  const multi: { entry: LibraryEntry; classKeys: string[] }[] = [];
  for (const e of entries) {
    checkLibraryEntry(e);
    if (names.has(e.name)) throw new UsageError(`the library has two entries named '${e.name}'`, 'duplicate-entry');
    names.add(e.name);
    if (e.outputs.length === 1) {
      const { key, transform } = npnClassKey(e.outputs[0]!);
      const list = byClass.get(key) ?? [];
      list.push({ entry: e, transform });
      byClass.set(key, list);
    } else {
      multi.push({ entry: e, classKeys: e.outputs.map((t) => npnClassKey(t).key) });
    }
  }
  return { entries, byClass, multi };
}

/**
 * Matches a single-output cut function against the library: the entry of
 * its NPN class whose mapping is cheapest by {@link compareMappings} (ties: library order), with
 * the mapping; null when no entry has the class. `f` must depend on all its
 * variables for a meaningful match (the caller filters).
 */
export function matchSingle(lib: PreparedLibrary, f: TruthTable, fClass?: { key: string; transform: NpnTransform }): { entry: LibraryEntry; mapping: MatchMapping } | null {
  const c = fClass ?? npnClassKey(f);
  const list = lib.byClass.get(c.key);
  if (!list) return null;
  let best: { entry: LibraryEntry; mapping: MatchMapping } | null = null;
  for (const { entry, transform } of list) {
    const u = composeNpn(c.transform, invertNpn(transform));
    const mapping = mappingOf(u, f.numVars);
    if (!mappingHolds([f], entry, mapping)) throw new InternalError(`internal error: the NPN mapping onto ${entry.name} does not hold`);
    if (best === null || compareMappings(mapping, best.mapping) < 0) best = { entry, mapping };
  }
  return best;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

/**
 * A common input permutation/negation (and per-output negations) under
 * which `functions` (root k = entry output k) equal the multi-output
 * entry, the cheapest by {@link compareMappings}; null when none exists. Exhaustive over
 * the n! 2^n input transforms.
 */
export function findMultiMapping(functions: readonly TruthTable[], entry: LibraryEntry): MatchMapping | null {
  const n = entry.numInputs;
  if (functions.length !== entry.outputs.length || functions.some((f) => f.numVars !== n)) return null;
  let best: MatchMapping | null = null;
  for (const perm of permutations(n)) {
    for (let neg = 0; neg < 1 << n; neg++) {
      const inputNegations = Array.from({ length: n }, (_, j) => ((neg >>> j) & 1) === 1);
      // output negations are forced by minterm y = 0
      let x0 = 0;
      for (let j = 0; j < n; j++) if (inputNegations[j]) x0 |= 1 << perm[j]!;
      const outputNegations = entry.outputs.map((t, k) => functions[k]!.get(x0) !== t.get(0));
      const m: MatchMapping = { inputPerm: perm, inputNegations, outputNegations };
      if (mappingHolds(functions, entry, m) && (best === null || compareMappings(m, best) < 0)) best = m;
    }
  }
  return best;
}

/** Whether a table depends on all of its variables. */
export function isFullSupport(t: TruthTable): boolean {
  return ttSupport(t).length === t.numVars;
}
