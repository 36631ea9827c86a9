/**
 * Pairing the inputs and outputs of two circuits, by name or by position.
 * Benchmark suites rename I/O (c499 vs c1355, EPFL best results), so both
 * modes are needed.
 */
import type { Circuit } from '../core/circuit.js';
import { ValidationError } from '../errors.js';

/** How inputs and outputs are paired. */
export type MatchMode = 'name' | 'position';

/** The pairing: input i of A is input `inputMap[i]` of B; outputs pair up as listed. */
export interface IoMatching {
  readonly mode: MatchMode;
  readonly inputMap: readonly number[];
  readonly outputPairs: readonly { readonly a: number; readonly b: number; readonly name: string }[];
}

/**
 * Pairs the I/O of two circuits; throws ValidationError (code `io-mismatch`)
 * when they cannot be paired. `labels` name the circuits in messages (file
 * names in the CLI; default `A`, `B`).
 */
export function matchIo(a: Circuit, b: Circuit, mode: MatchMode, labels: readonly [string, string] = ['A', 'B']): IoMatching {
  const [la, lb] = labels;
  const counts = (what: string, x: number, y: number): string => `${la} has ${x} ${what}${x === 1 ? '' : 's'} and ${lb} has ${y}: equivalence needs the same number of ${what}s`;
  if (a.numInputs !== b.numInputs) throw new ValidationError(counts('input', a.numInputs, b.numInputs), 'io-mismatch');
  if (a.outputs.length !== b.outputs.length) throw new ValidationError(counts('output', a.outputs.length, b.outputs.length), 'io-mismatch');
  if (mode === 'position') {
    return {
      mode,
      inputMap: [...Array(a.numInputs).keys()],
      outputPairs: a.outputNames.map((name, j) => ({ a: j, b: j, name })),
    };
  }
  const index = (names: readonly string[], what: string, circuit: string): Map<string, number> => {
    const m = new Map<string, number>();
    names.forEach((n, i) => {
      if (m.has(n)) throw new ValidationError(`${what} name '${n}' occurs twice in circuit ${circuit}; match by position instead`, 'io-mismatch');
      m.set(n, i);
    });
    return m;
  };
  const bin = index(b.inputNames, 'input', lb);
  const bout = index(b.outputNames, 'output', lb);
  index(a.inputNames, 'input', la);
  index(a.outputNames, 'output', la);
  const inputMap = a.inputNames.map((n) => {
    const i = bin.get(n);
    if (i === undefined) throw new ValidationError(`input '${n}' of ${la} has no namesake in ${lb} (try --match position)`, 'io-mismatch');
    return i;
  });
  const outputPairs = a.outputNames.map((n, j) => {
    const k = bout.get(n);
    if (k === undefined) throw new ValidationError(`output '${n}' of ${la} has no namesake in ${lb} (try --match position)`, 'io-mismatch');
    return { a: j, b: k, name: n };
  });
  return { mode, inputMap, outputPairs };
}
