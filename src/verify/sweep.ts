/**
 * SAT sweeping (fraiging) of a combined AIG, the engine behind ABC's `cec`:
 * random simulation groups nodes into candidate classes (equal up to
 * complement), then nodes are visited in topological order and each is
 * proved equal to its class representative with an incremental SAT solver, or
 * separated by a counterexample that refines the classes. Proved nodes are
 * merged: later nodes are encoded over representatives, so the solver sees a
 * shrinking graph.
 */
import type { Circuit } from '../core/circuit.js';
import { randomPatterns, simulateNodes } from '../core/simulate.js';
import type { SatSolver } from '../sat/types.js';
import { Rng } from '../util/rng.js';

/** Parameters of a sweep. */
export interface SweepParams {
  /** Conflict limit per internal query (backends without one ignore it). */
  readonly conflictLimit: number;
  /** Deadline (ms since epoch) after which internal queries stop. */
  readonly deadline: number;
  readonly seed: number;
  /** Words of random simulation per node (32 patterns each); 0 picks by size. */
  readonly simWords: number;
}

/** State after sweeping: representatives and the solver encoding of nodes. */
export interface SweepState {
  /** repr[v] = literal (in the AIG) of the representative v was proved equal to, or 2*v. */
  readonly repr: Uint32Array;
  /** Solver variable of each encoded node (0 = not encoded). */
  readonly nodeVar: Int32Array;
  /** Solver variables of the primary inputs. */
  readonly inputVars: Int32Array;
  readonly stats: { satCalls: number; merged: number; refinements: number; undecided: number };
  /** Root literal of a literal (through proved merges). */
  root(lit: number): number;
  /** Solver literal of an AIG literal, encoding its cone on demand. */
  solverLit(lit: number): number;
  /** Input assignment of the last SAT model. */
  counterexample(model: Int8Array): boolean[];
}

/** Sweeps the AND gates of `aig` (an AIG: two-input ANDs only). */
export async function sweepAig(aig: Circuit, solver: SatSolver, p: SweepParams): Promise<SweepState> {
  const n = 1 + aig.numInputs + aig.numGates;
  const first = aig.numInputs + 1;
  const f0 = new Uint32Array(aig.numGates);
  const f1 = new Uint32Array(aig.numGates);
  for (let g = 0; g < aig.numGates; g++) {
    f0[g] = aig.fanins[aig.faninStart[g]!]!;
    f1[g] = aig.fanins[aig.faninStart[g]! + 1]!;
  }
  const repr = new Uint32Array(n);
  for (let v = 0; v < n; v++) repr[v] = 2 * v;
  const root = (lit: number): number => {
    let l = lit;
    while (repr[l >>> 1] !== 2 * (l >>> 1)) l = repr[l >>> 1]! ^ (l & 1);
    return l;
  };
  const nodeVar = new Int32Array(n);
  const inputVars = new Int32Array(aig.numInputs);
  const zero = solver.newVar();
  solver.addClause([-zero]);
  nodeVar[0] = zero;
  for (let i = 0; i < aig.numInputs; i++) nodeVar[i + 1] = inputVars[i] = solver.newVar();
  const stack: number[] = [];
  const solverLit = (lit: number): number => {
    const r = root(lit);
    encode(r >>> 1);
    const v = nodeVar[r >>> 1]!;
    return r & 1 ? -v : v;
  };
  // iterative Tseitin encoding of a node's cone over representatives (circuits can be 25k levels deep)
  const encode = (v0: number): void => {
    if (nodeVar[v0]) return;
    stack.push(v0);
    while (stack.length) {
      const v = stack[stack.length - 1]!;
      if (nodeVar[v]) {
        stack.pop();
        continue;
      }
      const g = v - first;
      const a = root(f0[g]!), b = root(f1[g]!);
      let pending = false;
      if (!nodeVar[a >>> 1]) {
        stack.push(a >>> 1);
        pending = true;
      }
      if (!nodeVar[b >>> 1]) {
        stack.push(b >>> 1);
        pending = true;
      }
      if (pending) continue;
      stack.pop();
      const y = solver.newVar();
      nodeVar[v] = y;
      const la = a & 1 ? -nodeVar[a >>> 1]! : nodeVar[a >>> 1]!;
      const lb = b & 1 ? -nodeVar[b >>> 1]! : nodeVar[b >>> 1]!;
      solver.addClause([-y, la]);
      solver.addClause([-y, lb]);
      solver.addClause([y, -la, -lb]);
    }
  };
  const counterexample = (model: Int8Array): boolean[] => Array.from(inputVars, (v) => model[v] === 1);
  const stats = { satCalls: 0, merged: 0, refinements: 0, undecided: 0 };

  // --- candidate classes by random simulation ---
  const w = p.simWords || Math.max(2, Math.min(64, Math.floor((24 << 20) / n)));
  const sim = simulateNodes(aig, randomPatterns(aig.numInputs, w, p.seed));
  const phase = new Uint8Array(n);
  const classOf = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  {
    const buckets = new Map<number, number[]>();
    for (let v = 0; v < n; v++) {
      const base = v * w;
      const ph = sim.values[base]! & 1;
      phase[v] = ph;
      const m = -ph;
      let h = 0x811c9dc5;
      for (let i = 0; i < w; i++) h = Math.imul(h ^ ((sim.values[base + i]! ^ m) >>> 0), 16777619);
      let list = buckets.get(h);
      if (!list) buckets.set(h, (list = []));
      list.push(v);
    }
    const same = (u: number, v: number): boolean => {
      const mu = -phase[u]!, mv = -phase[v]!;
      for (let i = 0; i < w; i++) if ((sim.values[u * w + i]! ^ mu) !== (sim.values[v * w + i]! ^ mv)) return false;
      return true;
    };
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      // split hash collisions exactly
      const groups: number[][] = [];
      for (const v of list) {
        const grp = groups.find((gp) => same(gp[0]!, v));
        if (grp) grp.push(v);
        else groups.push([v]);
      }
      for (const grp of groups) {
        if (grp.length < 2) continue;
        const id = members.length;
        members.push(grp);
        for (const v of grp) classOf[v] = id;
      }
    }
  }

  // --- refinement by counterexamples: simulate one word around the cex and split classes ---
  const rng = new Rng(p.seed ^ 0x5eed);
  const refine = (cex: boolean[]): void => {
    stats.refinements++;
    const pats = cex.map((bit) => {
      // pattern 0 is the cex itself, the others flip a few random inputs
      let word = bit ? 1 : 0;
      for (let k = 1; k < 32; k++) {
        const flip = rng.below(Math.max(1, cex.length)) < 2;
        word |= (bit !== flip ? 1 : 0) << k;
      }
      return Uint32Array.of(word >>> 0);
    });
    const nv = simulateNodes(aig, pats).values;
    const count = members.length;
    for (let id = 0; id < count; id++) {
      const list = members[id]!;
      if (list.length < 2) continue;
      const byKey = new Map<number, number[]>();
      for (const v of list) {
        const key = (nv[v]! ^ -phase[v]!) >>> 0;
        let l = byKey.get(key);
        if (!l) byKey.set(key, (l = []));
        l.push(v);
      }
      if (byKey.size === 1) continue;
      let firstGroup = true;
      for (const grp of byKey.values()) {
        if (firstGroup) {
          members[id] = grp;
          firstGroup = false;
          continue;
        }
        const nid = members.length;
        members.push(grp);
        for (const v of grp) classOf[v] = nid;
      }
    }
  };

  // --- the sweep ---
  for (let v = first; v < n; v++) {
    if (Date.now() > p.deadline) break;
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = classOf[v]!;
      if (id < 0) break;
      const r = members[id]![0]!;
      if (r === v) break;
      const pol = phase[v]! ^ phase[r]!;
      const lv = solverLit(2 * v);
      const lr = solverLit(2 * r + pol);
      if (lv === lr) {
        repr[v] = 2 * r + pol;
        stats.merged++;
        break;
      }
      // d <-> (v xor r'); ask for d
      const d = solver.newVar();
      solver.addClause([-d, lv, lr]);
      solver.addClause([-d, -lv, -lr]);
      stats.satCalls++;
      const res = await solver.solve({ assumptions: [d], conflictLimit: p.conflictLimit });
      if (res.status === 'unsat') {
        solver.addClause([-d]);
        solver.addClause([-lv, lr]);
        solver.addClause([lv, -lr]);
        repr[v] = 2 * r + pol;
        stats.merged++;
        break;
      }
      solver.addClause([-d]);
      if (res.status === 'sat') {
        refine(counterexample(res.model));
        continue;
      }
      stats.undecided++;
      // unknown: leave v in its own class so later members compare against it
      members[id] = members[id]!.filter((u) => u !== v);
      const nid = members.length;
      members.push([v]);
      classOf[v] = nid;
      break;
    }
  }
  return { repr, nodeVar, inputVars, stats, root, solverLit, counterexample };
}
