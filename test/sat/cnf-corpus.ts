/** Small CNF families for the CaDiCaL and DRAT tests (not a test file itself). */

import { pigeonhole as php } from '../../src/sat/families.js';
import type { Cnf } from '../../src/sat/types.js';

export { mulberry32Random3Sat as random3Sat } from '../helpers/mulberry32.js';

/** Pigeonhole PHP(pigeons, holes): x(i,j) = i*holes + j + 1; UNSAT iff pigeons > holes. */
export function pigeonhole(pigeons: number, holes: number): Cnf {
  return php(holes, pigeons);
}

/** DIMACS text (a private helper so these tests do not depend on src/sat/dimacs.ts). */
export function toDimacs(cnf: Cnf): string {
  const lines = [`p cnf ${cnf.numVars} ${cnf.clauses.length}`];
  for (const c of cnf.clauses) lines.push(`${Array.from(c).join(' ')} 0`);
  return `${lines.join('\n')}\n`;
}
