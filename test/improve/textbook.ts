/** Textbook (naive) circuits for the improve tests, built from the problem families' definitions. */
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import type { Lit } from '../../src/core/literal.js';

/** Full adder in B2: 5 gates (2 XOR, 2 AND, 1 OR). */
function fullAdder(b: CircuitBuilder, x: Lit, y: Lit, z: Lit): { sum: Lit; carry: Lit } {
  const t = b.xor(x, y);
  const sum = b.xor(t, z);
  const carry = b.or(b.and(x, y), b.and(t, z));
  return { sum, carry };
}

/** Half adder: 2 gates. */
function halfAdder(b: CircuitBuilder, x: Lit, y: Lit): { sum: Lit; carry: Lit } {
  return { sum: b.xor(x, y), carry: b.and(x, y) };
}

/**
 * SUM_n (number of ones in binary, LSB first) as a carry-save tree of full
 * adders: columns of bits of equal weight are compressed by full adders
 * (half adders for the last two bits of a column).
 */
export function sumCircuit(n: number): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(n);
  const outs = Math.ceil(Math.log2(n + 1));
  let col: Lit[] = xs;
  for (let j = 0; j < outs; j++) {
    const next: Lit[] = [];
    while (col.length > 2) {
      const fa = fullAdder(b, col.shift()!, col.shift()!, col.shift()!);
      col.push(fa.sum);
      next.push(fa.carry);
    }
    if (col.length === 2) {
      const ha = halfAdder(b, col[0]!, col[1]!);
      col = [ha.sum];
      next.push(ha.carry);
    }
    b.addOutput(col[0] ?? 0, `s${j}`);
    col = next;
  }
  return b.build();
}

/**
 * MOD_3^{n,r} naively: a running residue mod 3 in one-hot form (r0, r1, r2)
 * updated by each input bit x: r_i' = (r_i & !x) | (r_{i-1} & x).
 */
export function mod3Circuit(n: number, r: number): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(n);
  // after x0: r0 = !x0, r1 = x0, r2 = 0
  let rs: Lit[] = [xs[0]! ^ 1, xs[0]!, 0];
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    rs = [0, 1, 2].map((k) => {
      const stay = rs[k]!;
      const move = rs[(k + 2) % 3]!;
      if (stay === 0 && move === 0) return 0;
      if (move === 0) return b.and(stay, x ^ 1);
      if (stay === 0) return b.and(move, x);
      return b.or(b.and(stay, x ^ 1), b.and(move, x));
    });
  }
  b.addOutput(rs[r]!, 'f');
  return b.build();
}

/** THR_n^k naively: unary counters c_j = "at least j ones so far" for j = 1..k. */
export function thresholdCircuit(n: number, k: number): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(n);
  let c: Lit[] = Array.from({ length: k + 1 }, (_, j) => (j === 0 ? 1 : 0));
  for (const x of xs) {
    const next: Lit[] = [1];
    for (let j = 1; j <= k; j++) {
      const prev = c[j - 1]!;
      const cur = c[j]!;
      const inc = prev === 1 ? x : prev === 0 ? 0 : b.and(prev, x);
      next.push(cur === 0 ? inc : inc === 0 ? cur : b.or(cur, inc));
    }
    c = next;
  }
  b.addOutput(c[k]!, 'f');
  return b.build();
}

/**
 * SUM_n as a ripple counter: a binary accumulator to which each input bit
 * is added by a chain of half adders (2 gates each), the most naive circuit.
 */
export function rippleSumCircuit(n: number): Circuit {
  const b = new CircuitBuilder({ strash: false });
  const xs = b.addInputs(n);
  const outs = Math.ceil(Math.log2(n + 1));
  let acc: Lit[] = [xs[0]!];
  for (let i = 1; i < n; i++) {
    let carry: Lit = xs[i]!;
    const next: Lit[] = [];
    for (const a of acc) {
      const ha = halfAdder(b, a, carry);
      next.push(ha.sum);
      carry = ha.carry;
    }
    if (next.length < outs) next.push(carry);
    acc = next;
  }
  for (let j = 0; j < outs; j++) b.addOutput(acc[j] ?? 0, `s${j}`);
  return b.build();
}
