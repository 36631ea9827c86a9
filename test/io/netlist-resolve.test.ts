import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import type { Token } from '../../src/io/line-lexer.js';
import { resolveNetlist, type NamedDefinition } from '../../src/io/netlist-resolve.js';

// the seeds of the line-lexer properties continue here (that file uses SEED and SEED + 1)
const SEED = 0x1e7e;
const RUNS = 2000;

/** The order-by-recursion definition of resolveNetlist: build a definition after its fanins, in file order. */
function referenceResolve(known: ReadonlyMap<string, number>, defs: readonly NamedDefinition<null>[]): string[] | { error: string } {
  const index = new Map(defs.map((d, i) => [d.name.text, i]));
  for (const d of defs) for (const f of d.fanins) if (!known.has(f.text) && !index.has(f.text)) return { error: `undefined-signal ${f.line}:${f.column}` };
  const state = new Uint8Array(defs.length);
  const order: string[] = [];
  const visit = (i: number): string | undefined => {
    state[i] = 1;
    for (const f of defs[i]!.fanins) {
      const j = known.has(f.text) ? undefined : index.get(f.text);
      if (j === undefined || state[j] === 2) continue;
      if (state[j] === 1) return `cycle ${f.line}:${f.column}`;
      const e = visit(j);
      if (e) return e;
    }
    state[i] = 2;
    order.push(`${defs[i]!.name.text}(${defs[i]!.fanins.map((f) => f.text).join(',')})`);
    return undefined;
  };
  for (let i = 0; i < defs.length; i++) {
    if (state[i] !== 0) continue;
    const e = visit(i);
    if (e) return { error: e };
  }
  return order;
}

describe(`resolveNetlist agrees with the recursive definition (fast-check seed ${SEED + 2})`, () => {
  it('same build order, fanin literals and first error', () => {
    const tok = (text: string, line: number, column: number): Token => ({ text, line, column });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 3 }), { maxLength: 10 }),
        (numInputs, faninLists) => {
          // signal s<k>: inputs are s0..s<numInputs-1>; definition i defines s<numInputs+i>; indices past the end are undefined
          const known = new Map(Array.from({ length: numInputs }, (_, k) => [`s${k}`, 2 * (k + 1)] as [string, number]));
          const defs: NamedDefinition<null>[] = faninLists.map((fs, i) => ({
            name: tok(`s${numInputs + i}`, i + 1, 1),
            fanins: fs.map((k, j) => tok(`s${k}`, i + 1, j + 3)),
            payload: null,
          }));
          const built: string[] = [];
          const litOf = new Map<string, number>(known);
          let actual: string[] | { error: string };
          try {
            const lits = resolveNetlist('f', known, defs, (d, fanins) => {
              expect(fanins).toEqual(d.fanins.map((f) => litOf.get(f.text)));
              const lit = 100 + 2 * built.length;
              litOf.set(d.name.text, lit);
              built.push(`${d.name.text}(${d.fanins.map((f) => f.text).join(',')})`);
              return lit;
            });
            expect(new Map([...lits].sort())).toEqual(new Map([...litOf].sort()));
            actual = built;
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
            actual = { error: `${e.code} ${e.line}:${e.column}` };
          }
          expect(actual).toEqual(referenceResolve(known, defs));
        },
      ),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
