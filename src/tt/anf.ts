/**
 * Algebraic normal form (the Möbius transform over GF(2)): bit m of the ANF
 * is the coefficient of the monomial prod_{j in m} x_j, with the same bit
 * order as truth tables (x0 = LSB of m). The transform is an involution.
 */
import type { TruthTable } from './truth-table.js';

/** The ANF of a function of at most 5 inputs given as its 32-bit table word (also maps an ANF back to its table). */
export function anfWord(word: number, numVars: number): number {
  let a = word >>> 0;
  // step j: coefficient of m with bit j set ^= coefficient of m without it
  const masks = [0x55555555, 0x33333333, 0x0f0f0f0f, 0x00ff00ff, 0x0000ffff];
  for (let j = 0; j < numVars; j++) a = (a ^ ((a & masks[j]!) << (1 << j))) >>> 0;
  return numVars >= 5 ? a : a & ((1 << (1 << numVars)) - 1);
}

/** The algebraic degree of f (the largest monomial in its ANF); -1 for the constant 0. */
export function algebraicDegree(f: TruthTable): number {
  const n = f.numVars;
  const size = 2 ** n;
  const bits = new Uint8Array(size);
  for (let t = 0; t < size; t++) bits[t] = f.get(t) ? 1 : 0;
  for (let j = 0; j < n; j++) {
    const step = 1 << j;
    for (let m = 0; m < size; m++) if (m & step) bits[m] = bits[m]! ^ bits[m ^ step]!;
  }
  let deg = -1;
  for (let m = 0; m < size; m++) {
    if (!bits[m]) continue;
    let w = 0;
    for (let x = m; x; x &= x - 1) w++;
    if (w > deg) deg = w;
  }
  return deg;
}
