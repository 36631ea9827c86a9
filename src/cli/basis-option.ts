/**
 * `--basis`, declared once: its values come from the basis table
 * (src/core/basis.ts), narrowed per command to the bases it supports.
 */
import { BASES, basisByName, parseOpsBasis, type BasisName } from '../api/bases.js';
import { UsageError } from '../api/errors.js';

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

/** CLI names of the bases `min` accepts by name (every basis in the table); custom bases are `ops:HEX,...`. */
export const MIN_BASIS_CHOICES: readonly string[] = Object.freeze(Object.values(BASES).map((b) => b.cli));

/**
 * The `--basis` option of exact synthesis (`min`): a named basis or a custom
 * two-input basis `ops:HEX,HEX,...`, checked by {@link anyBasisOf} (not by
 * a choices list, since custom bases are open-ended).
 */
export function anyBasisOption(help: string, defaultBasis: string) {
  return { type: 'string', help: `${help}: ${MIN_BASIS_CHOICES.join('|')} or ops:HEX,HEX,... (two-input ops as 4-bit tables, x0 = LSB; waterloo basis --list)`, default: defaultBasis, metavar: 'B' } as const;
}

/** The basis name of an {@link anyBasisOption} value. @throws UsageError (`unknown-basis`) for an unknown name or a malformed op list. */
export function anyBasisOf(cliName: string): BasisName {
  if (cliName.trim().toLowerCase().startsWith('ops:')) return parseOpsBasis(cliName);
  const b = basisByName(cliName);
  if (b === undefined) throw new UsageError(`--basis must be one of ${MIN_BASIS_CHOICES.join(', ')} or ops:HEX,HEX,..., got '${cliName}'`, 'unknown-basis');
  return b.name;
}
