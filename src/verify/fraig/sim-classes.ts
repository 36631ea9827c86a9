/**
 * Candidate classes of a SAT sweep: random simulation groups the nodes of an
 * AIG into classes that are equal up to complement, and counterexamples
 * split them (packed 32 to a simulation word; see {@link SimClasses.refine}).
 */
import type { Circuit } from '../../core/circuit.js';
import { randomPatterns, simulateNodes } from '../../core/simulate.js';
import { popcount } from '../../util/popcount.js';
import type { Rng } from '../../util/rng.js';
import { stillPaying, type FraigParams, type FraigStats } from './params.js';
import type { ReducedGraph } from './reduced-graph.js';

/** Neighbour rounds made before their success rate decides whether they go on (see SimClasses.refineByNeighbours). */
const NEIGHBOUR_TRIAL = 16;

/** The class of a node to query next: its representative r and the complement pol between them. */
export interface Candidate {
  readonly r: number;
  readonly pol: number;
}

/**
 * Simulation classes of the nodes of a {@link ReducedGraph}'s AIG. The sweep
 * visits nodes in order (`visit`); a class whose members all come before
 * the node being visited is finished and no longer refined.
 */
export class SimClasses {
  private readonly n: number;
  private readonly first: number;
  private readonly f0: Uint32Array;
  private readonly f1: Uint32Array;
  /** Words of random simulation per node, and the simulation (node v's words at v * w). */
  private readonly w: number;
  private readonly sim: Uint32Array;
  /** Bit 0 of a node's simulation: members are compared with this complement applied. */
  private readonly phase: Uint8Array;
  private readonly classOf: Int32Array;
  private readonly members: number[][] = [];
  /** Ids of the classes that may still be queried (pruned by refine). */
  private readonly live: number[] = [];
  /** Node being swept: classes whose members all come before it are finished. */
  private cursor = 0;
  /** One simulation word per node: lane j (bit j) holds the j-th counterexample since the last full refinement. */
  private readonly word: Uint32Array;
  /** Lanes of `word` in use, and their mask. */
  private lanes = 0;
  private laneMask = 0;
  /** No live class has a member after this node, so simulation stops there. */
  private liveMax: number;
  /** Node-words simulated by `refineByNeighbours` so far, and its pattern word. */
  private neighbourWork = 0;
  private neighbourWord: Uint32Array | undefined;

  constructor(
    private readonly aig: Circuit,
    private readonly graph: ReducedGraph,
    private readonly p: Pick<FraigParams, 'seed' | 'simWords' | 'neighbourShare' | 'neighbourRoundWork'>,
    private readonly rng: Rng,
    private readonly stats: FraigStats,
  ) {
    const n = (this.n = graph.n);
    this.first = graph.first;
    this.f0 = graph.f0;
    this.f1 = graph.f1;
    this.phase = new Uint8Array(n);
    this.word = new Uint32Array(n);
    this.liveMax = n - 1;
    this.classOf = new Int32Array(n).fill(-1);
    const w = (this.w = p.simWords || Math.max(2, Math.min(64, Math.floor((16 << 20) / n))));
    this.sim = simulateNodes(aig, randomPatterns(aig.numInputs, w, p.seed)).values;
    this.group();
  }

  /** Patterns of the random simulation (32 per word). */
  get patterns(): number {
    return 32 * this.w;
  }

  /** For every node, in how many random patterns it is 1. */
  onesCounts(): Uint32Array {
    const n = this.n, w = this.w, sim = this.sim;
    const ones = new Uint32Array(n);
    for (let u = 0; u < n; u++) {
      let c = 0;
      for (let i = u * w, end = i + w; i < end; i++) c += popcount(sim[i]!);
      ones[u] = c;
    }
    return ones;
  }

  /** An input vector on which the two literals differ in the random simulation, or null. */
  simulationDifference(a: number, b: number): boolean[] | null {
    const w = this.w;
    const ma = -(a & 1), mb = -(b & 1);
    const ba = (a >>> 1) * w, bb = (b >>> 1) * w;
    for (let i = 0; i < w; i++) {
      const d = (this.sim[ba + i]! ^ ma ^ this.sim[bb + i]! ^ mb) >>> 0;
      if (d) {
        const bit = 31 - Math.clz32(d & -d);
        return Array.from({ length: this.aig.numInputs }, (_, k) => ((this.sim[(k + 1) * w + i]! >>> bit) & 1) === 1);
      }
    }
    return null;
  }

  /** Id of node v's class, or -1 when v is in a class of its own. */
  classIdOf(v: number): number {
    return this.classOf[v]!;
  }

  /** The members of every class, by class id (copies). */
  classMembers(): number[][] {
    return this.members.map((m) => [...m]);
  }

  /** Marks node v as the one being swept. */
  visit(v: number): void {
    this.cursor = v;
  }

  /**
   * The representative of v's class (its first member that is still a root
   * of the graph) when that comes before v, else null (v has no class, or
   * leads it). Members merged since are dropped from the class on the way.
   */
  candidate(v: number): Candidate | null {
    const id = this.classOf[v]!;
    if (id < 0) return null;
    const list = this.members[id]!;
    const repr = this.graph.repr;
    while (list.length && repr[list[0]!] !== 2 * list[0]!) list.shift();
    const r = list[0];
    if (r === undefined || r >= v) return null;
    return { r, pol: this.phase[v]! ^ this.phase[r]! };
  }

  /**
   * Whether the counterexamples found since the last full refinement already
   * separate v from r ^ pol; if so, v's class is split by them.
   */
  splitIfSeparated(v: number, r: number, pol: number): boolean {
    const word = this.word;
    if (((word[v]! ^ word[r]! ^ -pol) & this.laneMask) === 0) return false;
    this.splitClass(this.classOf[v]!, this.laneMask);
    return true;
  }

  /** Drops node v from its class's members (it was merged; its class id stays). */
  removeMember(v: number): void {
    const list = this.members[this.classOf[v]!]!;
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
  }

  /** Takes node v out of its class (into a class of its own), so later members are not compared with it. */
  detach(v: number): void {
    const id = this.classOf[v]!;
    if (id < 0) return;
    const list = this.members[id]!;
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
    this.classOf[v] = -1;
  }

  /** Groups the nodes by their random simulation up to complement (a class needs two members). */
  private group(): void {
    const n = this.n, w = this.w, sim = this.sim;
    const phase = this.phase;
    const buckets = new Map<number, number[]>();
    for (let v = 0; v < n; v++) {
      const base = v * w;
      const ph = sim[base]! & 1;
      phase[v] = ph;
      const m = -ph;
      let h = 0x811c9dc5;
      for (let i = 0; i < w; i++) h = Math.imul(h ^ ((sim[base + i]! ^ m) >>> 0), 16777619);
      let list = buckets.get(h);
      if (!list) buckets.set(h, (list = []));
      list.push(v);
    }
    const same = (u: number, v: number): boolean => {
      const mu = -phase[u]!, mv = -phase[v]!;
      for (let i = 0; i < w; i++) if ((sim[u * w + i]! ^ mu) !== (sim[v * w + i]! ^ mv)) return false;
      return true;
    };
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      const groups: number[][] = [];
      for (const v of list) {
        const grp = groups.find((gp) => same(gp[0]!, v));
        if (grp) grp.push(v);
        else groups.push([v]);
      }
      for (const grp of groups) {
        if (grp.length < 2) continue;
        const id = this.members.length;
        this.members.push(grp);
        this.live.push(id);
        for (const v of grp) this.classOf[v] = id;
      }
    }
  }

  /**
   * Records a counterexample in the next free lane of the pattern word and
   * splits the class of the node being swept by it. Other classes are split
   * lazily (when one of their members is swept and differs from its
   * representative in some lane), and all live classes at once when the 32
   * lanes are full: one scan of the classes per 32 counterexamples instead of
   * one per counterexample (mem_ctrl: 750 counterexamples, 30k live classes).
   */
  refine(cex: boolean[]): void {
    this.stats.refinements++;
    const lane = this.lanes;
    const bit = 1 << lane;
    const pats = this.word;
    for (let i = 0; i < cex.length; i++) {
      if (cex[i]) pats[i + 1]! |= bit;
      else pats[i + 1]! &= ~bit;
    }
    this.lanes++;
    this.laneMask = this.lanes === 32 ? 0xffffffff : (1 << this.lanes) - 1;
    this.simulateWord(this.liveMax);
    const id = this.classOf[this.cursor]!;
    if (id >= 0) this.splitClass(id, this.laneMask);
    if (this.lanes === 32) {
      this.splitLiveClasses();
      // then the 32 counterexamples with one input flipped each: their distance-1
      // neighbours separate nodes that are rarely different, as the counterexamples were
      const k = cex.length;
      if (k > 0) {
        for (let j = 0; j < 32; j++) pats[1 + this.rng.below(k)]! ^= 1 << j;
        this.simulateWord(this.liveMax);
        this.splitLiveClasses();
      }
      this.lanes = 0;
      this.laneMask = 0;
    }
  }

  /**
   * Splits every live class by the distance-1 neighbours of a SAT
   * counterexample: the vector with one primary input flipped, for every
   * input, 32 to a simulation word. A counterexample sits where two nodes
   * that random simulation could not tell apart differ; its neighbours sit
   * there too and separate the rarely different nodes around them (ABC's
   * fraig resimulates counterexamples with distance-1 patterns as well).
   * EPFL priority vs its best LUT network: 267 SAT calls without, 176 with
   * (211 when only the inputs in the solver's cones are flipped: the others
   * are random in the counterexample and separate later classes).
   * A round is skipped when it would simulate more than neighbourRoundWork
   * node-words: on the large EPFL pairs (multiplier, sqrt, mem_ctrl) the
   * rounds cost 10-30% more time and saved no SAT call. Within the
   * neighbourShare budget, and after NEIGHBOUR_TRIAL rounds only while at
   * least a quarter of the rounds split some class.
   */
  refineByNeighbours(cex: boolean[]): void {
    const st = this.stats;
    const share = this.p.neighbourShare;
    if (share <= 0 || this.neighbourWork >= share * this.n) return;
    if (!stillPaying(st.neighbourRounds, st.neighbourSplits, NEIGHBOUR_TRIAL)) return;
    const words = Math.ceil((this.first - 1) / 32);
    const perWord = this.liveMax - this.first + 1 + this.live.length;
    if (words * perWord > this.p.neighbourRoundWork) return;
    const nv = (this.neighbourWord ??= new Uint32Array(this.n));
    for (let v = 1; v < this.first; v++) nv[v] = cex[v - 1] ? 0xffffffff : 0;
    let split = false;
    for (let base = 1; base < this.first; base += 32) {
      const end = Math.min(this.first, base + 32);
      for (let v = base; v < end; v++) nv[v]! ^= 1 << (v - base);
      this.simulateWord(this.liveMax, nv);
      const live = this.live;
      this.neighbourWork += this.liveMax - this.first + 1 + live.length;
      for (let t = 0, m = live.length; t < m; t++) split = this.splitClass(live[t]!, 0xffffffff, nv) || split;
      // back to the counterexample only after the split: inputs are class members too
      for (let v = base; v < end; v++) nv[v]! ^= 1 << (v - base);
    }
    st.neighbourRounds++;
    if (split) st.neighbourSplits++;
  }

  /** Splits every class that may still be queried by the full pattern word, dropping finished classes. */
  private splitLiveClasses(): void {
    const live = this.live;
    let kept = 0, max = this.cursor;
    for (const id of live) {
      const list = this.members[id]!;
      if (list.length < 2 || list[list.length - 1]! < this.cursor) continue;
      live[kept++] = id;
      max = Math.max(max, list[list.length - 1]!);
    }
    live.length = kept;
    this.liveMax = max;
    for (let t = 0; t < kept; t++) this.splitClass(live[t]!, 0xffffffff);
  }

  /** Splits class `id` by the lanes `mask` of a pattern word (the counterexamples' by default); new classes join the live list. Whether it split. */
  private splitClass(id: number, mask: number, nv: Uint32Array = this.word): boolean {
    const phase = this.phase;
    const list = this.members[id]!;
    if (list.length < 2) return false;
    const k0 = (nv[list[0]!]! ^ -phase[list[0]!]!) & mask;
    let i = 1;
    while (i < list.length && ((nv[list[i]!]! ^ -phase[list[i]!]!) & mask) === k0) i++;
    if (i === list.length) return false;
    const byKey = new Map<number, number[]>();
    for (const v of list) {
      const key = (nv[v]! ^ -phase[v]!) & mask;
      let l = byKey.get(key);
      if (!l) byKey.set(key, (l = []));
      l.push(v);
    }
    let firstGroup = true;
    for (const grp of byKey.values()) {
      if (firstGroup) {
        this.members[id] = grp;
        firstGroup = false;
        if (grp.length < 2) for (const v of grp) this.classOf[v] = -1;
        continue;
      }
      if (grp.length < 2) {
        this.classOf[grp[0]!] = -1;
        continue;
      }
      const nid = this.members.length;
      this.members.push(grp);
      this.live.push(nid);
      for (const v of grp) this.classOf[v] = nid;
    }
    return true;
  }

  /** One word of every node up to `limit`, from the input words already in `nv` (the counterexamples' by default). */
  private simulateWord(limit: number, nv: Uint32Array = this.word): Uint32Array {
    const f0 = this.f0, f1 = this.f1, first = this.first;
    nv[0] = 0;
    for (let v = first; v <= limit; v++) {
      const a = f0[v - first]!, b = f1[v - first]!;
      nv[v] = (nv[a >>> 1]! ^ -(a & 1)) & (nv[b >>> 1]! ^ -(b & 1));
    }
    return nv;
  }
}
