/**
 * A hash map from a pair of 32-bit unsigned integers to a 32-bit unsigned
 * value, by open addressing over typed arrays. Packing the pair into one
 * JavaScript number (`a * 2^32 + b`) stops being exact once `a` passes 2^21
 * (the product leaves the 53-bit integer range) and distinct pairs then share
 * a key; this keeps both halves, so keys cannot collide.
 */

/** Mixes two 32-bit integers into a 32-bit hash (murmur-style finaliser). */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
}

/** Map (a, b) -> value for a, b, value in [0, 2^32). */
export class PairMap {
  private keyA: Uint32Array;
  private keyB: Uint32Array;
  private vals: Uint32Array;
  /** 1 where a slot holds an entry (keys may be 0, so they cannot mark empty slots). */
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.keyA = new Uint32Array(size);
    this.keyB = new Uint32Array(size);
    this.vals = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** Number of entries. */
  get size(): number {
    return this.count;
  }

  /** The value stored for (a, b), or undefined. */
  get(a: number, b: number): number | undefined {
    let h = hashPair(a, b) & this.mask;
    while (this.used[h]) {
      if (this.keyA[h] === a && this.keyB[h] === b) return this.vals[h];
      h = (h + 1) & this.mask;
    }
    return undefined;
  }

  /** Stores value for (a, b), replacing any earlier value. */
  set(a: number, b: number, value: number): void {
    let h = hashPair(a, b) & this.mask;
    while (this.used[h]) {
      if (this.keyA[h] === a && this.keyB[h] === b) {
        this.vals[h] = value;
        return;
      }
      h = (h + 1) & this.mask;
    }
    this.used[h] = 1;
    this.keyA[h] = a;
    this.keyB[h] = b;
    this.vals[h] = value;
    // load factor at most 1/2 keeps probe sequences short
    if (2 * ++this.count > this.used.length) this.grow();
  }

  private grow(): void {
    const { keyA, keyB, vals, used } = this;
    const size = used.length * 2;
    this.keyA = new Uint32Array(size);
    this.keyB = new Uint32Array(size);
    this.vals = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (let i = 0; i < used.length; i++) {
      if (!used[i]) continue;
      let h = hashPair(keyA[i]!, keyB[i]!) & this.mask;
      while (this.used[h]) h = (h + 1) & this.mask;
      this.used[h] = 1;
      this.keyA[h] = keyA[i]!;
      this.keyB[h] = keyB[i]!;
      this.vals[h] = vals[i]!;
    }
  }
}
