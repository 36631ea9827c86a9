/**
 * `--basis`, declared once: its values come from the basis table
 * (src/core/basis.ts), narrowed per command to the bases it supports.
 */
import { BASES, basisByName, type BasisName } from '../api/bases.js';

/** CLI names of every basis in the table (`b2`, `u2`, `aig`, `xaig`, `mig`). */
export const ALL_BASIS_CHOICES: readonly string[] = Object.freeze(Object.values(BASES).map((b) => b.cli));

/** CLI names of the bases exact synthesis supports: every basis but MIG. */
export const SYNTHESIS_BASIS_CHOICES: readonly string[] = Object.freeze(Object.values(BASES).filter((b) => b.name !== 'MIG').map((b) => b.cli));

/** The `--basis` option over `choices` (a subset of the table), with a default. */
export function basisOption(help: string, defaultBasis: string, choices: readonly string[] = SYNTHESIS_BASIS_CHOICES) {
  return { type: 'string', help, default: defaultBasis, choices, metavar: 'B' } as const;
}

/** The table name (`B2`) of a basis CLI name that {@link basisOption} accepted. */
export function basisOf(cliName: string): BasisName {
  return basisByName(cliName)!.name;
}
