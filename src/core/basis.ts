/**
 * Bases: named, explicit sets of allowed gates, plus the cost model that says
 * what counts toward a circuit's size. Sizes in the literature depend on these
 * choices, so every size waterloo reports names its basis.
 */
import type { GateOp } from './gate.js';
import { opIsXorType, opSwap } from './gate.js';
import { UsageError } from '../errors.js';

/** Names of the named bases (exhaustive; see {@link BASES}). */
export type NamedBasisName = 'B2' | 'U2' | 'AIG' | 'XAIG' | 'MIG' | 'MC' | 'LUT3';

/**
 * A custom two-input basis (Cirbo's list of gate types): `ops:` and its ops
 * as lower-case hex digits in our op convention (see {@link GateOp}),
 * ascending and comma separated, e.g. `ops:6,8,e`. See {@link opsBasis}.
 */
export type OpsBasisName = `ops:${string}`;

/** Names of the bases: a named one or a custom two-input basis. */
export type BasisName = NamedBasisName | OpsBasisName;

/** What a basis allows and how size is counted. */
export interface BasisInfo {
  readonly name: BasisName;
  /** Lower-case CLI spelling. */
  readonly cli: string;
  /**
   * Allowed two-input ops as 4-bit tables. For AIG and XAIG these are AND (8)
   * and XOR (6), with any complementation of fanins and output also allowed.
   */
  readonly ops: ReadonlySet<GateOp>;
  /** Whether MAJ3 gates are allowed. */
  readonly majority: boolean;
  /**
   * Whether complemented edges are part of the basis (AIG, XAIG, MIG). In B2
   * and U2 a negated fanin is instead absorbed into the consuming gate's op.
   * Either way internal negations cost nothing; see cost.ts for outputs.
   */
  readonly freeNegations: boolean;
  /** What one unit of size is (the cost model records name with the basis). */
  readonly costModel: string;
  readonly description: string;
}

const ALL_OPS = [...Array(16).keys()];

/** Every basis waterloo knows. */
export const BASES: Readonly<Record<NamedBasisName, BasisInfo>> = {
  B2: {
    name: 'B2',
    cli: 'b2',
    ops: new Set(ALL_OPS),
    majority: false,
    freeNegations: false,
    costModel: 'two-input gates',
    description: 'all 16 two-input functions; size = number of binary gates (synthesis only ever needs the 10 that depend on both inputs)',
  },
  U2: {
    name: 'U2',
    cli: 'u2',
    ops: new Set(ALL_OPS.filter((o) => !opIsXorType(o))),
    majority: false,
    freeNegations: false,
    costModel: 'two-input gates',
    description: 'B2 without XOR and XNOR (the De Morgan basis with negations absorbed); size = number of binary gates',
  },
  AIG: {
    name: 'AIG',
    cli: 'aig',
    ops: new Set([0x8]),
    majority: false,
    freeNegations: true,
    costModel: 'AND gates',
    description: 'two-input AND with complemented edges (AIGER); size = number of ANDs',
  },
  XAIG: {
    name: 'XAIG',
    cli: 'xaig',
    ops: new Set([0x8, 0x6]),
    majority: false,
    freeNegations: true,
    costModel: 'AND and XOR gates',
    description: 'two-input AND and XOR with complemented edges; size = number of ANDs and XORs',
  },
  MIG: {
    name: 'MIG',
    cli: 'mig',
    ops: new Set(),
    majority: true,
    freeNegations: true,
    costModel: 'MAJ gates',
    description: 'three-input majority with complemented edges and constant fanins (AND = MAJ(a,b,0)); size = number of MAJ gates',
  },
  MC: {
    name: 'MC',
    cli: 'mc',
    ops: new Set([0x8, 0x6]),
    majority: false,
    freeNegations: true,
    costModel: 'AND gates (XOR and NOT free): multiplicative complexity',
    description: 'multiplicative complexity: {AND, XOR, NOT} where only AND gates count (XORs, negations and constants are free)',
  },
  LUT3: {
    name: 'LUT3',
    cli: 'lut3',
    ops: new Set(ALL_OPS),
    majority: false,
    freeNegations: true,
    costModel: 'gates of at most three inputs (any function)',
    description: 'arbitrary gates (LUTs) of up to three inputs; size = number of gates',
  },
};

const OPS_PREFIX = 'ops:';

/** Whether a basis name is a custom two-input basis (`ops:...`). */
export function isOpsBasis(name: BasisName): name is OpsBasisName {
  return name.startsWith(OPS_PREFIX);
}

/**
 * Parses a custom two-input basis `ops:HEX,HEX,...` (each HEX one digit 0-f,
 * a {@link GateOp}; any case, any order, repeats allowed) into its canonical
 * name (sorted, lower case).
 * @throws UsageError (`bad-basis`) for a malformed list.
 */
export function parseOpsBasis(text: string): OpsBasisName {
  const t = text.trim().toLowerCase();
  if (!t.startsWith(OPS_PREFIX)) throw new UsageError(`basis '${text}': a custom basis is ops:HEX,HEX,... (two-input ops as 4-bit tables, x0 = LSB)`, 'unknown-basis');
  const parts = t.slice(OPS_PREFIX.length).split(',').map((x) => x.trim());
  const ops = new Set<number>();
  for (const p of parts) {
    if (!/^(0x)?[0-9a-f]$/.test(p)) throw new UsageError(`basis '${text}': '${p}' is not a two-input op (one hex digit 0-f)`, 'unknown-basis');
    ops.add(parseInt(p.replace(/^0x/, ''), 16));
  }
  return `${OPS_PREFIX}${[...ops].sort((a, b) => a - b).map((o) => o.toString(16)).join(',')}`;
}

/** The ops of a custom basis name (as named; see {@link opsBasisPairOps} for the fanin-order closure). */
export function opsOfBasis(name: OpsBasisName): number[] {
  return name.slice(OPS_PREFIX.length).split(',').map((x) => parseInt(x, 16));
}

/**
 * The ops a gate of a custom basis may compute on its fanins in either order:
 * the named ops and their fanin swaps (a gate reading (b, a) with op computes
 * opSwap(op) of (a, b)), ascending.
 */
export function opsBasisPairOps(name: OpsBasisName): number[] {
  const s = new Set<number>();
  for (const op of opsOfBasis(name)) {
    s.add(op);
    s.add(opSwap(op));
  }
  return [...s].sort((a, b) => a - b);
}

/**
 * The info of a custom two-input basis: exactly the listed ops (fanin order
 * free), size = number of gates. Complemented fanins are folded into the op
 * as in B2 and must land in the basis; output negations are free as in every
 * basis (Knuth's C(f) = C(!f)).
 */
export function opsBasis(name: OpsBasisName): BasisInfo {
  const ops = opsOfBasis(name);
  return {
    name,
    cli: name,
    ops: new Set(ops),
    majority: false,
    freeNegations: false,
    costModel: 'two-input gates',
    description: `custom two-input basis {${ops.map((o) => o.toString(16)).join(', ')}} (ops as 4-bit tables, x0 = LSB; fanin order free, output negations free); size = number of gates`,
  };
}

/** The info of any basis name (named or custom). */
export function basisInfo(name: BasisName): BasisInfo {
  return isOpsBasis(name) ? opsBasis(name) : BASES[name];
}

/** Looks a basis up by its name in any case (`b2`, `XAIG`, `ops:8,6,e`, ...); undefined for an unknown or malformed name. */
export function basisByName(name: string): BasisInfo | undefined {
  if (name.trim().toLowerCase().startsWith(OPS_PREFIX)) {
    try {
      return opsBasis(parseOpsBasis(name));
    } catch {
      return undefined;
    }
  }
  const key = name.toUpperCase() as NamedBasisName;
  return Object.prototype.hasOwnProperty.call(BASES, key) ? BASES[key] : undefined;
}
