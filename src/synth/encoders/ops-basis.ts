/**
 * What the SSV encoder needs to know about a custom two-input basis
 * `ops:...` (see src/core/basis.ts): which symmetry-breaking rules stay sound
 * for it, and whether it can compute every function at all.
 *
 * Gates read an unordered pair of nodes (j < k) and compute op(x_j, x_k) for
 * an op in P = the listed ops and their fanin swaps ({@link opsBasisPairOps}),
 * so the fanin order of the basis's gates is free. Internal edges are never
 * complemented (a NOT costs a gate, if the basis has one); output negations
 * are free as in every basis.
 *
 * Why each SSV rule (see ssv.ts) holds for a subset P, or is switched off:
 * - allUsed, noDuplicates, colex, symmetricInputs: their arguments only
 *   remove unused or duplicate gates, reorder gates and permute inputs within
 *   a symmetry class; none of that changes any gate's op, so they hold for
 *   every P.
 * - normal (op(0,0) = 0, output polarity fixed by the spec): complementing a
 *   gate needs its complemented op in P and every reader's op with that fanin
 *   complemented in P. Sound iff P is closed under complementing the output
 *   and either input ({@link opsBasisNegationClosed}); off otherwise.
 * - nonTrivial (no constant or projection gates): a projection gate is a
 *   wire (bypass it: a smaller circuit), so it never appears in a minimum
 *   circuit; a constant or negated-literal gate can be absorbed only when P
 *   is negation closed (the B2 argument). Sound iff P is negation closed or
 *   its only trivial ops are the projections; off otherwise.
 * - noReapplication (A): a gate reading (j, i) or (k, i) where gate i reads
 *   (j, k) computes h(x_j, x_k) = op2(x_j, op1(x_j, x_k)) resp.
 *   op2(x_k, op1(x_j, x_k)); the ssv argument replaces it by one gate on
 *   (j, k), which needs h in P, or h a projection (bypass), or (negation
 *   closed P) h trivial (absorbed). Checked over all op1, op2 in P; off when
 *   some h fails. (B), a gate reading two gates with the same pair: likewise
 *   for h = op3(op1(a, b), op2(a, b)).
 */
import { isOpsBasis, opsBasisPairOps, type BasisName, type OpsBasisName } from '../../core/basis.js';
import { opIsNormalBinary, opNegateFirst, opNegateSecond } from '../../core/gate.js';
import type { SymmetryBreaking } from '../types.js';

const PROJECTIONS = [0xa, 0xc];

/** Whether P is closed under complementing the output and either input. */
export function opsBasisNegationClosed(basis: OpsBasisName): boolean {
  const p = new Set(opsBasisPairOps(basis));
  for (const op of p) if (!p.has(op ^ 0xf) || !p.has(opNegateFirst(op)) || !p.has(opNegateSecond(op))) return false;
  return true;
}

/** op2 applied to (u(a, b), v(a, b)) as a 4-bit table over (a, b). */
function compose(op2: number, u: number, v: number): number {
  let r = 0;
  for (let m = 0; m < 4; m++) {
    const x = (u >> m) & 1, y = (v >> m) & 1;
    r |= ((op2 >> (x + 2 * y)) & 1) << m;
  }
  return r;
}

/** Ops a replacement gate may have: P, the projections, and (negation closed) the trivial ops. */
function replaceable(basis: OpsBasisName): Set<number> {
  const s = new Set([...opsBasisPairOps(basis), ...PROJECTIONS]);
  if (opsBasisNegationClosed(basis)) for (let op = 0; op < 16; op++) if (!opIsNormalBinary(op)) s.add(op);
  return s;
}

/** Whether rule (A) of noReapplication is sound for the basis (see the module notes). */
export function opsReapplicationSound(basis: OpsBasisName): boolean {
  const p = opsBasisPairOps(basis);
  const ok = replaceable(basis);
  for (const op1 of p) {
    for (const op2 of p) {
      // reader reads (j, i) resp. (k, i): its first operand is x_j = a resp. x_k = b
      if (!ok.has(compose(op2, 0xa, op1)) || !ok.has(compose(op2, 0xc, op1))) return false;
    }
  }
  return true;
}

/** Whether rule (B) of noReapplication (a gate reading two gates with the same pair) is sound for the basis. */
export function opsSharedPairRuleSound(basis: OpsBasisName): boolean {
  const p = opsBasisPairOps(basis);
  const ok = replaceable(basis);
  for (const op1 of p) for (const op2 of p) for (const op3 of p) if (!ok.has(compose(op3, op1, op2))) return false;
  return true;
}

/** The switches with every rule that is not sound for a custom basis turned off (other bases: unchanged). */
export function soundSymmetryBreaking(basis: BasisName, sb: SymmetryBreaking): SymmetryBreaking {
  if (!isOpsBasis(basis)) return sb;
  const closed = opsBasisNegationClosed(basis);
  const trivialOnlyProjections = opsBasisPairOps(basis).every((op) => opIsNormalBinary(op) || PROJECTIONS.includes(op));
  return {
    ...sb,
    normal: sb.normal && closed,
    nonTrivial: sb.nonTrivial && (closed || trivialOnlyProjections),
    noReapplication: sb.noReapplication && opsReapplicationSound(basis),
  };
}

/**
 * Whether every non-constant function of any number of inputs is computable
 * over the basis up to output negation, else a function of 3 inputs that is
 * not (as hex). Checked on the 3-input functions by closure; that decides it: by
 * Post's lattice, a clone C with every 3-input f or !f in C lies in none of
 * M, D, A (XOR3 resp. AND resp. AND and NAND would be missing in both
 * polarities), nor in T0 ∩ T1 (x0 ^ x1) nor in T0^k, T1^k for k >= 2
 * (x0 | x1 resp. x0 & x1), so C is T0, T1 or everything, and each of those
 * holds f or !f for every f.
 */
export function opsBasisCompleteness(basis: OpsBasisName): { readonly complete: true } | { readonly complete: false; readonly missing: string } {
  const p = opsBasisPairOps(basis);
  const seen = new Uint8Array(256);
  const list = [0xaa, 0xcc, 0xf0];
  for (const f of list) seen[f] = 1;
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j <= i; j++) {
      for (const op of p) {
        for (const [u, v] of [[list[i]!, list[j]!], [list[j]!, list[i]!]] as const) {
          let r = 0;
          for (let m = 0; m < 8; m++) r |= ((op >> (((u >> m) & 1) + 2 * ((v >> m) & 1))) & 1) << m;
          if (!seen[r]) {
            seen[r] = 1;
            list.push(r);
          }
        }
      }
    }
  }
  // constants are outputs the driver handles at no cost
  for (let f = 1; f < 255; f++) if (!seen[f] && !seen[f ^ 0xff]) return { complete: false, missing: f.toString(16).padStart(2, '0') };
  return { complete: true };
}
