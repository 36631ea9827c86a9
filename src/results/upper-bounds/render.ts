/** The Markdown table of the upper-bound attempt (DIR/tables/upper-bounds.md). */
import { BEST_KNOWN_NOTES } from './best-known.js';
import type { UpperBoundEntry, UpperBoundsFile } from './run.js';

/** Whether a size below the listed value is also below what circuit_improvement's own files give (see BEST_KNOWN_NOTES). */
function belowEverything(e: UpperBoundEntry): boolean {
  const note = BEST_KNOWN_NOTES[e.id];
  return e.comparison === 'below' && (note === undefined || e.size < note.bound);
}

function versus(e: UpperBoundEntry): string {
  const d = e.size - e.bestKnown;
  if (e.comparison === 'below') return belowEverything(e) ? `**BELOW (${d})**` : `below the listed value (${d}), not below ${BEST_KNOWN_NOTES[e.id]!.bound} (see note)`;
  return e.comparison === 'equal' ? 'equal' : `above (+${d})`;
}

/** The table, one row per entry in file order, with a count by comparison. */
export function formatUpperBoundsMarkdown(f: UpperBoundsFile): string {
  const count = (c: UpperBoundEntry['comparison']): number => f.entries.filter((e) => e.comparison === c).length;
  const lines = [
    '# Upper bounds: waterloo vs the best known circuits',
    '',
    `Smallest verified ${f.basis} circuit found (all two-input gates, each counted once) per instance, against the best known size from ${f.source}. ` +
      'Start: the smallest of the textbook constructions (full and half adders for SUM; count and compare for MAJ; Batcher\'s merge exchange, and count and compare, for SORT), ' +
      'ABC\'s optimisation of the smallest construction and the Shannon circuit (the size of each is in the JSON); then `improve` from that start for the limit (n > 8: three times as long). Every circuit file (`circuits/upper-bounds/<id>.bench`) was read back and checked by exhaustive simulation against the spec and, where marked, by ABC `cec` against the truth tables. ' +
      'Regenerate with `waterloo results upper-bounds` (instances in the JSON are skipped; `--retry` re-runs them and keeps the smaller circuit).',
    '',
    `Entries: ${f.entries.length}; below the listed best known value: ${count('below')} (below circuit_improvement's own circuits too: ${f.entries.filter(belowEverything).length}), equal: ${count('equal')}, above: ${count('above')}.`,
    '',
    '| instance | problem | best known (circuit_improvement) | start | ours | vs best known | time (s) | limit (s) | seed | ABC cec |',
    '|:--|:--|--:|--:|--:|:--|--:|--:|--:|:--|',
  ];
  const notes: string[] = [];
  for (const e of f.entries) {
    const note = BEST_KNOWN_NOTES[e.id];
    if (note !== undefined) notes.push(`[${notes.length + 1}] ${e.id}: ${note.text}.`);
    lines.push(`| ${e.family}_${e.n} | \`${e.problem}\` | ${e.bestKnown}${note === undefined ? '' : ` [${notes.length}]`} | ${e.startSize} (${e.startFrom}) | ${e.size} | ${versus(e)} | ${e.seconds.toFixed(1)} | ${e.timeoutSeconds} | ${e.seed} | ${e.checks.abcCec} |`);
  }
  if (notes.length) lines.push('', ...notes.flatMap((n) => [n, '']).slice(0, -1));
  lines.push('', `MAJ_n is [sum >= n/2]: \`maj:n\` for odd n, \`thr:n:n/2\` for even n. Solver and version of each row: \`upper-bounds.json\`.`, '');
  return lines.join('\n');
}
