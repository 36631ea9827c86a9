/**
 * The clause database behind `checkDrat` (and the cube split's probes,
 * src/cubes/cube-probe.ts): a typed-array clause arena, two
 * watched literals per clause, a top-level trail with reasons, temporary
 * RUP/RAT checks above it, and implication-graph marking for backward
 * (core-first) checking.
 *
 * Literal codes: DIMACS literal d becomes 2*d (positive) or 2*|d|+1
 * (negative); `code ^ 1` negates.
 */

/** DIMACS literal to internal code. */
export function toCode(d: number): number {
  return d > 0 ? 2 * d : -2 * d + 1;
}

/** Thrown when an invariant of the checker breaks (a bug, never a verdict on the proof). */
export class DratInternalError extends Error {
  override name = 'DratInternalError';
}

export class ClauseDb {
  // Clause arena: clause c has literals arena[cStart[c] .. cStart[c] + cLen[c]).
  private arena: Int32Array = new Int32Array(1 << 16);
  private arenaSize = 0;
  private cStart: Int32Array = new Int32Array(1024);
  private cLen: Int32Array = new Int32Array(1024);
  /** 1 while the clause is in the database. */
  cActive: Uint8Array = new Uint8Array(1024);
  /** 1 when backward checking found the clause in a derivation (core). */
  cMark: Uint8Array = new Uint8Array(1024);
  /** First literal of a lemma as written (the RAT pivot). */
  private cPivot: Int32Array = new Int32Array(1024);
  /** 1 for tautologies (never watched, never propagate). */
  private cTaut: Uint8Array = new Uint8Array(1024);
  numClauses = 0;

  private readonly watches: Int32Array[];
  private readonly wSize: Int32Array;
  private readonly val: Int8Array;
  private readonly reason: Int32Array;
  private readonly trailPos: Int32Array;
  private readonly trail: Int32Array;
  private trailSize = 0;
  private qhead = 0;
  private readonly litStamp: Int32Array;
  private stamp = 0;
  private readonly varSeen: Int32Array;
  private seenStamp = 0;
  private readonly units: number[] = [];
  private readonly byHash = new Map<number, number[]>();
  propagations = 0;

  constructor(maxVar: number) {
    const nLits = 2 * (maxVar + 1);
    this.watches = new Array<Int32Array>(nLits);
    for (let i = 0; i < nLits; i++) this.watches[i] = new Int32Array(4);
    this.wSize = new Int32Array(nLits);
    this.val = new Int8Array(nLits);
    this.reason = new Int32Array(maxVar + 1).fill(-1);
    this.trailPos = new Int32Array(maxVar + 1);
    this.trail = new Int32Array(maxVar + 1);
    this.litStamp = new Int32Array(nLits);
    this.varSeen = new Int32Array(maxVar + 1);
  }

  /** Stores a clause (duplicates removed, first literal kept first); does not attach it. */
  store(lits: Int32Array, from: number, to: number): number {
    const c = this.numClauses;
    if (c === this.cStart.length) this.growClauses();
    this.reserveArena(to - from);
    const start = this.arenaSize;
    const st = ++this.stamp;
    let taut = 0;
    for (let i = from; i < to; i++) {
      const l = toCode(lits[i]!);
      if (this.litStamp[l] === st) continue;
      if (this.litStamp[l ^ 1] === st) taut = 1;
      this.litStamp[l] = st;
      this.arena[this.arenaSize++] = l;
    }
    this.cStart[c] = start;
    this.cLen[c] = this.arenaSize - start;
    this.cPivot[c] = this.arenaSize > start ? this.arena[start]! : -1;
    this.cTaut[c] = taut;
    this.cActive[c] = 0;
    this.cMark[c] = 0;
    this.numClauses++;
    const h = this.hashOf(start, this.arenaSize);
    const bucket = this.byHash.get(h);
    if (bucket === undefined) this.byHash.set(h, [c]);
    else bucket.push(c);
    if (this.cLen[c] === 1) this.units.push(c);
    return c;
  }

  /** The most recent active clause with exactly the literal set of lits[from..to), or -1. */
  find(lits: Int32Array, from: number, to: number): number {
    const st = ++this.stamp;
    let n = 0;
    let h = 0;
    for (let i = from; i < to; i++) {
      const l = toCode(lits[i]!);
      if (this.litStamp[l] === st) continue;
      this.litStamp[l] = st;
      n++;
      h = (h + Math.imul(l + 1, 0x9e3779b1)) | 0;
    }
    const bucket = this.byHash.get((h + n) | 0);
    if (bucket === undefined) return -1;
    for (let k = bucket.length - 1; k >= 0; k--) {
      const c = bucket[k]!;
      if (this.cActive[c] === 0 || this.cLen[c] !== n) continue;
      const s = this.cStart[c]!;
      let same = true;
      for (let i = s; i < s + n; i++) {
        if (this.litStamp[this.arena[i]!] !== st) {
          same = false;
          break;
        }
      }
      if (same) return c;
    }
    return -1;
  }

  /** Length of clause c (after duplicate removal). */
  length(c: number): number {
    return this.cLen[c]!;
  }

  /** True when clause c is the reason of a top-level assignment (deleting it would change the trail). */
  isReason(c: number): boolean {
    const n = this.cLen[c]!;
    const s = this.cStart[c]!;
    for (let i = s; i < s + Math.min(n, 2); i++) {
      const v = this.arena[i]! >> 1;
      if (this.reason[v] === c && this.val[this.arena[i]!] !== 0) return true;
    }
    return false;
  }

  /**
   * Adds clause c to the database and propagates at top level. Returns the
   * conflict clause when the database becomes inconsistent, else -1.
   */
  attach(c: number): number {
    this.cActive[c] = 1;
    const n = this.cLen[c]!;
    const s = this.cStart[c]!;
    if (n === 0) return c;
    if (this.cTaut[c] === 1) return -1;
    if (n === 1) {
      const l = this.arena[s]!;
      const v = this.val[l]!;
      if (v === -1) return c;
      if (v === 0) this.assign(l, c);
      return this.propagate();
    }
    // Move up to two non-false literals to the watched positions 0 and 1.
    let found = 0;
    for (let i = s; i < s + n && found < 2; i++) {
      if (this.val[this.arena[i]!] !== -1) {
        const t = this.arena[s + found]!;
        this.arena[s + found] = this.arena[i]!;
        this.arena[i] = t;
        found++;
      }
    }
    this.watch(this.arena[s]!, c);
    this.watch(this.arena[s + 1]!, c);
    if (found === 0) return c;
    if (found === 1 && this.val[this.arena[s]!] === 0) this.assign(this.arena[s]!, c);
    return this.propagate();
  }

  /**
   * Removes clause c. If it was the reason of a top-level assignment, the
   * trail is cut there and rebuilt by propagation from scratch.
   */
  detach(c: number): void {
    const n = this.cLen[c]!;
    const s = this.cStart[c]!;
    const wasReason = this.isReason(c);
    let cut = this.trailSize;
    if (wasReason) {
      for (let i = s; i < s + Math.min(n, 2); i++) {
        const v = this.arena[i]! >> 1;
        if (this.reason[v] === c && this.val[this.arena[i]!] !== 0) cut = Math.min(cut, this.trailPos[v]!);
      }
    }
    this.cActive[c] = 0;
    if (n >= 2 && this.cTaut[c] === 0) {
      this.unwatch(this.arena[s]!, c);
      this.unwatch(this.arena[s + 1]!, c);
    }
    if (wasReason) {
      this.backtrack(cut);
      this.qhead = 0;
      for (const u of this.units) {
        if (this.cActive[u] === 0) continue;
        const l = this.arena[this.cStart[u]!]!;
        if (this.val[l] === 0) this.assign(l, u);
        else if (this.val[l] === -1) throw new DratInternalError('unit clause falsified while rebuilding the trail');
      }
      if (this.propagate() >= 0) throw new DratInternalError('conflict while rebuilding the trail');
    }
  }

  /**
   * RUP check of the clause made of clause a's literals plus clause b's
   * literals except `skip` (b = -1 for a plain RUP check of a). When `mark`
   * is set, marks every clause in the derivation found.
   */
  rup(a: number, b: number, skip: number, mark: boolean): boolean {
    const saved = this.trailSize;
    let conflict = -1;
    let trivial = false;
    const ranges = b < 0 ? [a] : [a, b];
    outer: for (const c of ranges) {
      const s = this.cStart[c]!;
      const e = s + this.cLen[c]!;
      for (let i = s; i < e; i++) {
        const l = this.arena[i]!;
        if (c === b && l === skip) continue;
        const v = this.val[l]!;
        if (v === 1) {
          const r = this.reason[l >> 1]!;
          if (r >= 0) conflict = r;
          else trivial = true; // complementary literals: a tautology
          break outer;
        }
        if (v === 0) this.assign(l ^ 1, -1);
      }
    }
    if (conflict < 0 && !trivial) conflict = this.propagate();
    const ok = trivial || conflict >= 0;
    if (ok && mark && conflict >= 0) this.analyze(conflict);
    this.backtrack(saved);
    return ok;
  }

  /** RAT check of lemma c on its first literal against every active clause with the negated pivot. */
  rat(c: number, mark: boolean): boolean {
    const p = this.cPivot[c]!;
    if (p < 0) return false;
    const np = p ^ 1;
    const candidates: number[] = [];
    for (let d = 0; d < this.numClauses; d++) {
      if (this.cActive[d] === 0 || d === c) continue;
      const s = this.cStart[d]!;
      const e = s + this.cLen[d]!;
      for (let i = s; i < e; i++) {
        if (this.arena[i] === np) {
          candidates.push(d);
          break;
        }
      }
    }
    for (const d of candidates) {
      if (!this.rup(c, d, np, mark)) return false;
      if (mark) this.cMark[d] = 1;
    }
    return true;
  }

  /** Marks clause `confl` and, transitively, the reasons of its literals. */
  analyze(confl: number): void {
    const st = ++this.seenStamp;
    const stack = [confl];
    while (stack.length > 0) {
      const c = stack.pop()!;
      this.cMark[c] = 1;
      const s = this.cStart[c]!;
      const e = s + this.cLen[c]!;
      for (let i = s; i < e; i++) {
        const v = this.arena[i]! >> 1;
        if (this.varSeen[v] === st) continue;
        this.varSeen[v] = st;
        const r = this.reason[v]!;
        if (r >= 0 && r !== c) stack.push(r);
      }
    }
  }

  private assign(l: number, r: number): void {
    this.val[l] = 1;
    this.val[l ^ 1] = -1;
    const v = l >> 1;
    this.reason[v] = r;
    this.trailPos[v] = this.trailSize;
    this.trail[this.trailSize++] = l;
  }

  private backtrack(to: number): void {
    for (let i = this.trailSize - 1; i >= to; i--) {
      const l = this.trail[i]!;
      this.val[l] = 0;
      this.val[l ^ 1] = 0;
      this.reason[l >> 1] = -1;
    }
    this.trailSize = to;
    if (this.qhead > to) this.qhead = to;
  }

  /** Unit propagation from qhead; returns a conflict clause or -1. */
  private propagate(): number {
    const arena = this.arena;
    const val = this.val;
    while (this.qhead < this.trailSize) {
      const falseLit = this.trail[this.qhead++]! ^ 1;
      this.propagations++;
      const ws = this.watches[falseLit]!;
      const n = this.wSize[falseLit]!;
      let i = 0;
      let j = 0;
      while (i < n) {
        const c = ws[i++]!;
        const s = this.cStart[c]!;
        if (arena[s] === falseLit) {
          arena[s] = arena[s + 1]!;
          arena[s + 1] = falseLit;
        }
        const other = arena[s]!;
        if (val[other] === 1) {
          ws[j++] = c;
          continue;
        }
        const e = s + this.cLen[c]!;
        let moved = false;
        for (let k = s + 2; k < e; k++) {
          const l = arena[k]!;
          if (val[l] !== -1) {
            arena[s + 1] = l;
            arena[k] = falseLit;
            this.watch(l, c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = c;
        if (val[other] === -1) {
          while (i < n) ws[j++] = ws[i++]!;
          this.wSize[falseLit] = j;
          return c;
        }
        this.assign(other, c);
      }
      this.wSize[falseLit] = j;
    }
    return -1;
  }

  private watch(l: number, c: number): void {
    let ws = this.watches[l]!;
    const n = this.wSize[l]!;
    if (n === ws.length) {
      const next = new Int32Array(n * 2);
      next.set(ws);
      this.watches[l] = ws = next;
    }
    ws[n] = c;
    this.wSize[l] = n + 1;
  }

  private unwatch(l: number, c: number): void {
    const ws = this.watches[l]!;
    const n = this.wSize[l]!;
    for (let i = 0; i < n; i++) {
      if (ws[i] === c) {
        ws.copyWithin(i, i + 1, n);
        this.wSize[l] = n - 1;
        return;
      }
    }
    throw new DratInternalError(`clause ${c} not found in a watch list`);
  }

  private hashOf(from: number, to: number): number {
    let h = 0;
    for (let i = from; i < to; i++) h = (h + Math.imul(this.arena[i]! + 1, 0x9e3779b1)) | 0;
    return (h + (to - from)) | 0;
  }

  private reserveArena(extra: number): void {
    if (this.arenaSize + extra <= this.arena.length) return;
    let cap = this.arena.length * 2;
    while (cap < this.arenaSize + extra) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.arena.subarray(0, this.arenaSize));
    this.arena = next;
  }

  private growClauses(): void {
    const cap = this.cStart.length * 2;
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const grow8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.cStart = grow32(this.cStart);
    this.cLen = grow32(this.cLen);
    this.cPivot = grow32(this.cPivot);
    this.cActive = grow8(this.cActive);
    this.cMark = grow8(this.cMark);
    this.cTaut = grow8(this.cTaut);
  }
}
