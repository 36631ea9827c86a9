/**
 * The blocks of a `waterloo find --json` report as coloured clusters for a
 * static picture (`waterloo show --highlight FIND.json --svg OUT`): the
 * disjoint matches that coverage counts, one colour per library function.
 */
import type { Circuit } from '../core/circuit.js';
import { nodeNames } from '../core/node-names.js';
import { coneNodes } from '../cuts/cut-function.js';
import { ValidationError } from '../errors.js';
import type { DotBlock } from '../io/dot.js';

/** Pastel fills, one per library function in order of first appearance. */
export const BLOCK_COLORS: readonly string[] = ['#bfdbfe', '#fde68a', '#bbf7d0', '#fecaca', '#ddd6fe', '#fed7aa', '#a5f3fc', '#fbcfe8', '#d9f99d', '#e2e8f0'];

interface FindJsonMatch {
  name: string;
  roots: number[];
  leaves: number[];
  leafNames?: string[];
  outputSignals?: string[];
  inputSignals?: string[];
}

const isIntArray = (x: unknown): x is number[] => Array.isArray(x) && x.every((v) => Number.isInteger(v));

/**
 * Reads `find --json` output for circuit `c` and returns its disjoint
 * matches (all matches when the report has no `disjointMatches`) as blocks.
 * Throws ValidationError `bad-json` when the text is not such a report or
 * belongs to another circuit (a node out of range, leaf names that differ),
 * `not-a-cut` when a match's leaves do not cut its roots in `c`.
 */
export function blocksFromFindJson(text: string, c: Circuit, file = '<find.json>'): DotBlock[] {
  let j: { matches?: unknown; disjointMatches?: unknown };
  try {
    j = JSON.parse(text) as typeof j;
  } catch (e) {
    throw new ValidationError(`${file}: not JSON (${(e as Error).message})`, 'bad-json');
  }
  if (typeof j !== 'object' || j === null || !Array.isArray(j.matches)) throw new ValidationError(`${file}: expected the output of 'waterloo find --json' (an object with "matches")`, 'bad-json');
  const n = 1 + c.numInputs + c.numGates;
  const names = nodeNames(c).name;
  const matches = j.matches as unknown[];
  const chosen = isIntArray(j.disjointMatches) ? j.disjointMatches : matches.map((_, i) => i);
  const colors = new Map<string, string>();
  return chosen.map((i) => {
    const m = matches[i] as FindJsonMatch | undefined;
    if (!m || typeof m.name !== 'string' || !isIntArray(m.roots) || !isIntArray(m.leaves)) throw new ValidationError(`${file}: match ${i} is not a find match (name, roots, leaves)`, 'bad-json');
    for (const v of [...m.roots, ...m.leaves]) if (v < 0 || v >= n) throw new ValidationError(`${file}: match ${i} refers to node ${v}, and the circuit has nodes 0..${n - 1} (a report of another circuit?)`, 'bad-json');
    if (m.leafNames && m.leafNames.some((nm, k) => nm !== names[m.leaves[k]!])) {
      throw new ValidationError(`${file}: match ${i} names its leaves ${m.leafNames.join(', ')}, the circuit ${m.leaves.map((v) => names[v]).join(', ')} (a report of another circuit, or of an older find: run find again)`, 'bad-json');
    }
    if (!colors.has(m.name)) colors.set(m.name, BLOCK_COLORS[colors.size % BLOCK_COLORS.length]!);
    const label = m.outputSignals && m.inputSignals ? `${m.outputSignals.join(', ')} = ${m.name}(${m.inputSignals.join(', ')})` : m.name;
    return { label, nodes: coneNodes(c, m.roots, m.leaves), color: colors.get(m.name)! };
  });
}
