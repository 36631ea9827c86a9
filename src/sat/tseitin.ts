/**
 * Tseitin encoding of circuits and miters into CNF (DIMACS literals). Each
 * node gets a variable; each gate adds the clauses of `var <-> gate(fanins)`.
 */
import { gateFanins, type Circuit } from '../core/circuit.js';
import { GateKind } from '../core/gate.js';
import { UsageError } from '../errors.js';

import type { ClauseSink } from './types.js';
import { popcount } from '../util/popcount.js';

export type { ClauseSink };

/** A growable CNF that is also a ClauseSink. */
export class CnfBuilder implements ClauseSink {
  numVars = 0;
  readonly clauses: Int32Array[] = [];
  newVar(): number {
    return ++this.numVars;
  }
  addClause(lits: ArrayLike<number>): void {
    const c = Int32Array.from(lits as ArrayLike<number>);
    for (const l of c) if (Math.abs(l) > this.numVars) this.numVars = Math.abs(l);
    this.clauses.push(c);
  }
  /** The CNF so far (shares clause arrays). */
  toCnf(): { numVars: number; clauses: Int32Array[] } {
    return { numVars: this.numVars, clauses: this.clauses };
  }
}

/** Variables of an encoded circuit. */
export interface TseitinEncoding {
  /** DIMACS variable of every node (index = node); node 0's variable is fixed false. */
  readonly nodeVar: Int32Array;
  /** DIMACS literal of every output. */
  readonly outputLits: number[];
}

/** Largest LUT arity encoded directly (one clause per minterm). */
const MAX_DIRECT_LUT = 12;

/**
 * Encodes `c`. Input i uses `inputVars[i]` when given (to share inputs
 * between circuits), else a fresh variable.
 */
export function encodeCircuit(c: Circuit, sink: ClauseSink, inputVars?: readonly number[]): TseitinEncoding {
  if (inputVars && inputVars.length !== c.numInputs) throw new UsageError(`expected ${c.numInputs} input variables, got ${inputVars.length}`, 'io-mismatch');
  const nodeVar = new Int32Array(1 + c.numInputs + c.numGates);
  const zero = sink.newVar();
  sink.addClause([-zero]);
  nodeVar[0] = zero;
  for (let i = 0; i < c.numInputs; i++) nodeVar[i + 1] = inputVars ? inputVars[i]! : sink.newVar();
  const lit = (l: number): number => (l & 1 ? -nodeVar[l >>> 1]! : nodeVar[l >>> 1]!);
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const y = sink.newVar();
    nodeVar[first + g] = y;
    const fs = Array.from(gateFanins(c, g), lit);
    switch (c.kinds[g] as GateKind) {
      case GateKind.And:
        encodeAnd(sink, y, fs);
        break;
      case GateKind.Xor: {
        let acc = fs[0]!;
        for (let k = 1; k < fs.length; k++) {
          const t = k === fs.length - 1 ? y : sink.newVar();
          encodeXor2(sink, t, acc, fs[k]!);
          acc = t;
        }
        break;
      }
      case GateKind.Maj:
        if (fs.length === 3) {
          const [a, b, d] = fs as [number, number, number];
          sink.addClause([-a, -b, y]);
          sink.addClause([-a, -d, y]);
          sink.addClause([-b, -d, y]);
          sink.addClause([a, b, -y]);
          sink.addClause([a, d, -y]);
          sink.addClause([b, d, -y]);
        } else {
          encodeTable(sink, y, fs, (m) => 2 * popcount(m) > fs.length);
        }
        break;
      case GateKind.Lut: {
        const tt = c.luts.get(g)!;
        if (fs.length > MAX_DIRECT_LUT) throw new UsageError(`LUT gate ${g} has ${fs.length} inputs; decompose it (toAig) before encoding`, 'bad-lut');
        encodeTable(sink, y, fs, (m) => tt.get(m));
        break;
      }
    }
  }
  return { nodeVar, outputLits: Array.from(c.outputs, lit) };
}

/** y <-> AND(fs). */
export function encodeAnd(sink: ClauseSink, y: number, fs: readonly number[]): void {
  for (const f of fs) sink.addClause([-y, f]);
  sink.addClause([y, ...fs.map((f) => -f)]);
}

/** y <-> a XOR b. */
export function encodeXor2(sink: ClauseSink, y: number, a: number, b: number): void {
  sink.addClause([-y, a, b]);
  sink.addClause([-y, -a, -b]);
  sink.addClause([y, -a, b]);
  sink.addClause([y, a, -b]);
}

function encodeTable(sink: ClauseSink, y: number, fs: readonly number[], f: (m: number) => boolean): void {
  for (let m = 0; m < 1 << fs.length; m++) {
    const clause = fs.map((x, j) => ((m >>> j) & 1 ? -x : x));
    clause.push(f(m) ? y : -y);
    sink.addClause(clause);
  }
}

/** A miter of two circuits: satisfiable iff some input makes some output pair differ. */
export interface MiterEncoding {
  readonly inputVars: number[];
  readonly a: TseitinEncoding;
  readonly b: TseitinEncoding;
  /** diffVars[j] is true iff output j differs. */
  readonly diffVars: number[];
}

/**
 * Encodes the miter of `a` and `b` (same number of inputs and outputs, matched
 * by position) and asserts that some output differs. `outputs` restricts the
 * check to some output indices.
 */
export function encodeMiter(a: Circuit, b: Circuit, sink: ClauseSink, outputs?: readonly number[]): MiterEncoding {
  if (a.numInputs !== b.numInputs) throw new UsageError(`miter: ${a.numInputs} vs ${b.numInputs} inputs`, 'io-mismatch');
  if (a.outputs.length !== b.outputs.length) throw new UsageError(`miter: ${a.outputs.length} vs ${b.outputs.length} outputs`, 'io-mismatch');
  const inputVars = Array.from({ length: a.numInputs }, () => sink.newVar());
  const ea = encodeCircuit(a, sink, inputVars);
  const eb = encodeCircuit(b, sink, inputVars);
  const which = outputs ?? [...Array(a.outputs.length).keys()];
  const diffVars = which.map((j) => {
    const d = sink.newVar();
    encodeXor2(sink, d, ea.outputLits[j]!, eb.outputLits[j]!);
    return d;
  });
  sink.addClause(diffVars);
  return { inputVars, a: ea, b: eb, diffVars };
}
