/**
 * Signal names for the BENCH and BLIF writers: names that never collide, and
 * names for the gates a circuit leaves unnamed.
 */
import { numNodes, type Circuit } from '../core/circuit.js';

/**
 * Hands out signal names that never collide: a name is used as is when it is
 * still free (after `sanitize`), otherwise a suffix `_1`, `_2`, ... is added.
 */
export class NameAllocator {
  private readonly used = new Set<string>();
  /** @param sanitize maps a wanted name to one the format can write (must return a non-empty string). */
  constructor(private readonly sanitize: (name: string) => string) {}

  /** Whether the (sanitised) name is taken. */
  has(name: string): boolean {
    return this.used.has(this.sanitize(name));
  }

  /** The (sanitised) name itself when free, else a fresh variant of it; the result is now taken. */
  fresh(name: string): string {
    const base = this.sanitize(name);
    let s = base;
    for (let k = 1; this.used.has(s); k++) s = `${base}_${k}`;
    this.used.add(s);
    return s;
  }
}

/**
 * Names every gate node of `c` that `name` (indexed by node) leaves unnamed:
 * first with the gate's own name where it has one and that name denotes the
 * signal the writer writes for the gate (`writtenPolarity(v)` = 1 when the
 * writer writes the gate's complement; default 0: only names of the gate's
 * own value, see core/node-names.ts), then `n<node>` for the rest, so a
 * generated name never takes one the circuit already uses.
 */
export function nameRemainingGates(c: Circuit, name: (string | undefined)[], names: NameAllocator, writtenPolarity: (v: number) => number = () => 0): void {
  const first = c.numInputs + 1;
  for (let g = 0; g < c.numGates; g++) {
    const gn = c.gateNames.get(g);
    const negated = c.negatedGateNames?.has(g) ? 1 : 0;
    if (gn !== undefined && negated === writtenPolarity(first + g) && name[first + g] === undefined) name[first + g] = names.fresh(gn);
  }
  for (let v = first; v < numNodes(c); v++) if (name[v] === undefined) name[v] = names.fresh(`n${v}`);
}

/** Replaces every character matched by `bad` with `_`; the empty name becomes `_`. */
export function sanitizeName(name: string, bad: RegExp): string {
  const s = name.replace(bad, '_');
  return s.length ? s : '_';
}
