/**
 * Bases: named, explicit sets of allowed gates, plus the cost model that says
 * what counts toward a circuit's size. Sizes in the literature depend on these
 * choices, so every size waterloo reports names its basis.
 */
import type { GateOp } from './gate.js';
import { opIsXorType } from './gate.js';

/** Names of the bases (exhaustive; see {@link BASES}). */
export type BasisName = 'B2' | 'U2' | 'AIG' | 'XAIG' | 'MIG';

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
  readonly description: string;
}

const ALL_OPS = [...Array(16).keys()];

/** Every basis waterloo knows. */
export const BASES: Readonly<Record<BasisName, BasisInfo>> = {
  B2: {
    name: 'B2',
    cli: 'b2',
    ops: new Set(ALL_OPS),
    majority: false,
    freeNegations: false,
    description: 'all 16 two-input functions; size = number of binary gates (synthesis only ever needs the 10 that depend on both inputs)',
  },
  U2: {
    name: 'U2',
    cli: 'u2',
    ops: new Set(ALL_OPS.filter((o) => !opIsXorType(o))),
    majority: false,
    freeNegations: false,
    description: 'B2 without XOR and XNOR (the De Morgan basis with negations absorbed); size = number of binary gates',
  },
  AIG: {
    name: 'AIG',
    cli: 'aig',
    ops: new Set([0x8]),
    majority: false,
    freeNegations: true,
    description: 'two-input AND with complemented edges (AIGER); size = number of ANDs',
  },
  XAIG: {
    name: 'XAIG',
    cli: 'xaig',
    ops: new Set([0x8, 0x6]),
    majority: false,
    freeNegations: true,
    description: 'two-input AND and XOR with complemented edges; size = number of ANDs and XORs',
  },
  MIG: {
    name: 'MIG',
    cli: 'mig',
    ops: new Set(),
    majority: true,
    freeNegations: true,
    description: 'three-input majority with complemented edges and constant fanins (AND = MAJ(a,b,0)); size = number of MAJ gates',
  },
};

/** Looks a basis up by its name in any case (`b2`, `XAIG`, ...). */
export function basisByName(name: string): BasisInfo | undefined {
  const key = name.toUpperCase() as BasisName;
  return Object.prototype.hasOwnProperty.call(BASES, key) ? BASES[key] : undefined;
}
