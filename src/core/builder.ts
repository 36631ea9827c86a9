/**
 * CircuitBuilder: the one mutable way to make a Circuit. Gates can only refer
 * to literals that already exist, so the result is topologically ordered by
 * construction. With `strash` (the default) it hashes structurally and folds
 * trivial cases (constants, x & x, x & !x, x ^ x, maj(x, x, y), ...), and
 * normalises complemented edges (XOR pulls complements to its output, MAJ
 * keeps at most one complemented fanin... see {@link CircuitBuilder.addGate}).
 */
import { UsageError } from '../errors.js';
import { fromWords, toHex, ttCofactor, ttFlipVar, ttHasVar, ttIsConst, ttPermuteVars, ttShrink, type TruthTable } from '../tt/truth-table.js';
import { defaultInputName, defaultOutputName, type Circuit } from './circuit.js';
import { GateKind, opSwap, type GateOp } from './gate.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from './literal.js';
import { PairMap } from '../util/pair-map.js';

/** Options of a builder. */
export interface CircuitBuilderOptions {
  /** Structural hashing and trivial simplification (default true). Parsers turn it off to keep files as read. */
  readonly strash?: boolean;
}

/** Incrementally builds an immutable {@link Circuit}. */
export class CircuitBuilder {
  private readonly strash: boolean;
  private numIn = 0;
  private gatesStarted = false;
  private readonly kinds: number[] = [];
  private readonly faninStart: number[] = [0];
  private readonly fanins: number[] = [];
  private readonly luts = new Map<number, TruthTable>();
  private readonly outputs: number[] = [];
  private readonly inputNames: string[] = [];
  private readonly outputNames: (string | undefined)[] = [];
  private readonly gateNames = new Map<number, string>();
  private readonly negatedNames = new Set<number>();
  /** Two-input ANDs by (lower, higher) fanin literal; a pair map, since one packed number collides past 2^21 literals. */
  private and2 = new PairMap();
  private readonly table = new Map<string, Lit>();

  constructor(opts: CircuitBuilderOptions = {}) {
    this.strash = opts.strash ?? true;
  }

  /** Number of inputs added so far. */
  get numInputs(): number {
    return this.numIn;
  }
  /** Number of gates added so far. */
  get numGates(): number {
    return this.kinds.length;
  }
  /** Number of nodes so far (constant + inputs + gates). */
  get numNodes(): number {
    return 1 + this.numIn + this.kinds.length;
  }

  /** Adds a primary input; all inputs must come before the first gate. */
  addInput(name?: string): Lit {
    if (this.gatesStarted) throw new UsageError('inputs must be added before gates', 'not-topological');
    this.numIn++;
    this.inputNames.push(name ?? defaultInputName(this.numIn - 1));
    return this.numIn * 2;
  }

  /** Adds `count` inputs and returns their literals. */
  addInputs(count: number, names?: readonly string[]): Lit[] {
    return Array.from({ length: count }, (_, i) => this.addInput(names?.[i]));
  }

  /** Marks a literal as primary output. */
  addOutput(lit: Lit, name?: string): void {
    this.check(lit);
    this.outputs.push(lit);
    this.outputNames.push(name);
  }

  /**
   * Names the signal `lit`: the gate it refers to gets the name, and when
   * `lit` is complemented the name is recorded as denoting the complement.
   */
  nameGate(lit: Lit, name: string): void {
    const g = (lit >>> 1) - this.numIn - 1;
    if (g < 0) return;
    this.gateNames.set(g, name);
    if (lit & 1) this.negatedNames.add(g);
    else this.negatedNames.delete(g);
  }

  /**
   * Forgets the gates built so far for structural hashing: gates added later
   * never merge with earlier ones (trivial folding still applies). Keeps parts
   * of a circuit that are proven separately (e.g. the neurons of an extracted
   * network, each over the outputs of the layer below) structurally apart.
   */
  forgetStructure(): void {
    this.and2 = new PairMap();
    this.table.clear();
  }

  /** Whether the gate `lit` refers to already has a name. */
  hasName(lit: Lit): boolean {
    return this.gateNames.has((lit >>> 1) - this.numIn - 1);
  }

  and(a: Lit, b: Lit): Lit {
    // the same as addGate(And, [a, b]), without its allocations: AIG construction is mostly this call
    this.check(a);
    this.check(b);
    return this.strash ? this.strashAnd2(a, b) : this.push(GateKind.And, [a, b]);
  }
  or(a: Lit, b: Lit): Lit {
    return this.and(a ^ 1, b ^ 1) ^ 1;
  }
  xor(a: Lit, b: Lit): Lit {
    return this.addGate(GateKind.Xor, [a, b]);
  }
  maj(a: Lit, b: Lit, c: Lit): Lit {
    return this.addGate(GateKind.Maj, [a, b, c]);
  }
  /** if s then t else e, as ANDs: (s & t) | (!s & e). */
  mux(s: Lit, t: Lit, e: Lit): Lit {
    return this.or(this.and(s, t), this.and(s ^ 1, e));
  }
  /** n-ary AND (true for no fanins). */
  andN(lits: readonly Lit[]): Lit {
    return lits.length === 0 ? LIT_TRUE : lits.length === 1 ? lits[0]! : this.addGate(GateKind.And, lits);
  }
  /** n-ary OR (false for no fanins). */
  orN(lits: readonly Lit[]): Lit {
    return this.andN(lits.map((l) => l ^ 1)) ^ 1;
  }
  /** n-ary XOR (false for no fanins). */
  xorN(lits: readonly Lit[]): Lit {
    return lits.length === 0 ? LIT_FALSE : lits.length === 1 ? lits[0]! : this.addGate(GateKind.Xor, lits);
  }
  /** Two-input gate with 4-bit op (B2/U2 gate); see GateOp for the bit order. */
  op2(op: GateOp, a: Lit, b: Lit): Lit {
    return this.lut(fromWords(2, Uint32Array.of(op & 15)), [a, b]);
  }
  /** A LUT gate: `tt` over variables x_j = fanins[j]. */
  lut(tt: TruthTable, fanins: readonly Lit[]): Lit {
    return this.addGate(GateKind.Lut, fanins, tt);
  }

  /**
   * Adds a gate and returns the literal of its output. With strash on, the
   * gate may fold into an existing literal, and complemented fanins may be
   * normalised (e.g. into the LUT table, or to the output for XOR), so the
   * returned literal may be complemented.
   */
  addGate(kind: GateKind, fanins: readonly Lit[], lut?: TruthTable): Lit {
    for (let i = 0; i < fanins.length; i++) this.check(fanins[i]!);
    if (kind === GateKind.Lut) {
      if (!lut) throw new UsageError('a LUT gate needs a truth table', 'bad-lut');
      if (lut.numVars !== fanins.length) throw new UsageError(`LUT table has ${lut.numVars} variables for ${fanins.length} fanins`, 'bad-lut');
    }
    if (!this.strash) return this.push(kind, fanins, lut);
    switch (kind) {
      case GateKind.And:
        return fanins.length === 2 ? this.strashAnd2(fanins[0]!, fanins[1]!) : this.strashAnd(fanins);
      case GateKind.Xor:
        return this.strashXor(fanins);
      case GateKind.Maj:
        return this.strashMaj(fanins);
      case GateKind.Lut:
        return this.strashLut(lut!, fanins);
    }
  }

  /** Freezes the builder's contents into a Circuit. The builder may be reused afterwards. */
  build(): Circuit {
    return {
      numInputs: this.numIn,
      numGates: this.kinds.length,
      kinds: Uint8Array.from(this.kinds),
      faninStart: Uint32Array.from(this.faninStart),
      fanins: Uint32Array.from(this.fanins),
      luts: new Map(this.luts),
      outputs: Uint32Array.from(this.outputs),
      inputNames: [...this.inputNames],
      outputNames: this.outputNames.map((n, j) => n ?? defaultOutputName(j)),
      gateNames: new Map(this.gateNames),
      ...(this.negatedNames.size ? { negatedGateNames: new Set(this.negatedNames) } : {}),
    };
  }

  private check(lit: Lit): void {
    if (!Number.isInteger(lit) || lit < 0 || lit >>> 1 >= this.numNodes) {
      throw new UsageError(`literal ${lit} refers to no existing node`, 'bad-literal');
    }
  }

  private push(kind: GateKind, fanins: readonly Lit[], lut?: TruthTable): Lit {
    this.gatesStarted = true;
    const g = this.kinds.length;
    this.kinds.push(kind);
    for (let i = 0; i < fanins.length; i++) this.fanins.push(fanins[i]!);
    this.faninStart.push(this.fanins.length);
    if (lut) this.luts.set(g, lut);
    return (this.numIn + 1 + g) * 2;
  }

  private hashed(key: string, make: () => Lit): Lit {
    const hit = this.table.get(key);
    if (hit !== undefined) return hit;
    const lit = make();
    this.table.set(key, lit);
    return lit;
  }

  /** {@link strashAnd} of two fanins, without sorting and deduplicating arrays. */
  private strashAnd2(x: Lit, y: Lit): Lit {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    if (lo === hi) return lo; // x & x = x (also for the constants)
    if (lo === LIT_FALSE) return LIT_FALSE;
    if (lo === LIT_TRUE) return hi;
    if ((lo ^ 1) === hi) return LIT_FALSE;
    const hit = this.and2.get(lo, hi);
    if (hit !== undefined) return hit;
    const lit = this.push(GateKind.And, [lo, hi]);
    this.and2.set(lo, hi, lit);
    return lit;
  }

  private strashAnd(input: readonly Lit[]): Lit {
    const lits = [...new Set(input)].sort((x, y) => x - y);
    const kept: Lit[] = [];
    for (const l of lits) {
      if (l === LIT_FALSE) return LIT_FALSE;
      if (l === LIT_TRUE) continue;
      if (kept.length && kept[kept.length - 1] === (l ^ 1)) return LIT_FALSE;
      kept.push(l);
    }
    if (kept.length === 0) return LIT_TRUE;
    if (kept.length === 1) return kept[0]!;
    if (kept.length === 2) {
      const hit = this.and2.get(kept[0]!, kept[1]!);
      if (hit !== undefined) return hit;
      const lit = this.push(GateKind.And, kept);
      this.and2.set(kept[0]!, kept[1]!, lit);
      return lit;
    }
    return this.hashed(`a${kept.join(',')}`, () => this.push(GateKind.And, kept));
  }

  private strashXor(input: readonly Lit[]): Lit {
    let neg = 0;
    const count = new Map<Lit, number>();
    for (const l of input) {
      neg ^= l & 1;
      const r = l & ~1;
      count.set(r, (count.get(r) ?? 0) ^ 1);
    }
    const kept = [...count].filter(([r, odd]) => odd && r !== LIT_FALSE).map(([r]) => r).sort((x, y) => x - y);
    if (kept.length === 0) return LIT_FALSE ^ neg;
    if (kept.length === 1) return kept[0]! ^ neg;
    return this.hashed(`x${kept.join(',')}`, () => this.push(GateKind.Xor, kept)) ^ neg;
  }

  private strashMaj(input: readonly Lit[]): Lit {
    if (input.length !== 3) return this.hashed(`m${[...input].sort((x, y) => x - y).join(',')}`, () => this.push(GateKind.Maj, input));
    const [a, b, c] = [...input].sort((x, y) => x - y) as [Lit, Lit, Lit];
    if (a === b || a === c) return a;
    if (b === c) return b;
    if ((a ^ 1) === b) return c;
    if ((a ^ 1) === c) return b;
    if ((b ^ 1) === c) return a;
    // self-duality: maj(!a,!b,!c) = !maj(a,b,c); keep at most one complemented fanin
    const negs = (a & 1) + (b & 1) + (c & 1);
    const flip = negs >= 2 ? 1 : 0;
    const fs = [a ^ flip, b ^ flip, c ^ flip].sort((x, y) => x - y);
    return this.hashed(`m${fs.join(',')}`, () => this.push(GateKind.Maj, fs)) ^ flip;
  }

  private strashLut(tt: TruthTable, input: readonly Lit[]): Lit {
    // fold constants and complemented fanins into the table, drop unused variables
    let t = tt;
    const fanins = [...input];
    for (let j = 0; j < fanins.length; j++) {
      const f = fanins[j]!;
      if (f >>> 1 === 0) {
        t = ttCofactor(t, j, f === LIT_TRUE);
      } else if (f & 1) {
        t = ttFlipVar(t, j);
        fanins[j] = f ^ 1;
      }
    }
    // merge repeated fanins: x_j == x_k
    for (let j = 0; j < fanins.length; j++) {
      for (let k = j + 1; k < fanins.length; k++) {
        if (fanins[k] === fanins[j] && fanins[j]! >>> 1 !== 0) t = identifyVars(t, j, k);
      }
    }
    const support: number[] = [];
    for (let j = 0; j < fanins.length; j++) if (fanins[j]! >>> 1 !== 0 && ttHasVar(t, j)) support.push(j);
    const small = ttShrink(t, support);
    const lits = support.map((j) => fanins[j]!);
    if (lits.length === 0) return ttIsConst(small, true) ? LIT_TRUE : LIT_FALSE;
    if (lits.length === 1) return small.get(1) ? lits[0]! : lits[0]! ^ 1; // projection or its complement
    // canonical fanin order for hashing: sort fanins, permuting the table accordingly
    const order = lits.map((l, j) => ({ l, j })).sort((x, y) => x.l - y.l);
    let table = small;
    if (lits.length === 2 && order[0]!.j === 1) table = fromWords(2, Uint32Array.of(opSwap(small.words[0]!)));
    else if (lits.length > 2 && order.some((o, k) => o.j !== k)) {
      // new variable k is old variable order[k].j: ttPermuteVars wants, for each old
      // variable i, the new variable that feeds it (g(x) = f(x_{perm[0]}, ...))
      const feeder = new Array<number>(lits.length);
      order.forEach((o, k) => (feeder[o.j] = k));
      table = ttPermuteVars(small, feeder);
    }
    const sorted = order.map((o) => o.l);
    return this.hashed(`l${sorted.join(',')}:${toHex(table)}`, () => this.push(GateKind.Lut, sorted, table));
  }
}

/** f with x_k replaced by x_j (so it no longer depends on x_k). */
function identifyVars(t: TruthTable, j: number, k: number): TruthTable {
  const w = new Uint32Array(t.words.length);
  for (let i = 0; i < t.numBits; i++) {
    const bit = (i >>> j) & 1;
    const src = bit ? i | (1 << k) : i & ~(1 << k);
    if (t.get(src)) w[i >>> 5] = w[i >>> 5]! | (1 << (i & 31));
  }
  return fromWords(t.numVars, w);
}
