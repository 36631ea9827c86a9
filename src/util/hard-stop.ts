/**
 * How long past its time limit a run may go before it is stopped from
 * outside (the CLI's supervised commands, sweep and queue workers).
 */

/**
 * Time allowed beyond a limit of `limitMs` before the run is killed: 2 s plus
 * 2 % of the limit, at most 10 s in all. A run normally stops by itself at its
 * limit and reports its own (fuller) answer; the grace lets it do so.
 */
export function hardStopGraceMs(limitMs: number): number {
  return Math.min(10_000, 2000 + Math.round(limitMs * 0.02));
}
