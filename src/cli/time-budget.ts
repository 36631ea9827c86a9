/**
 * The time a command run with `--timeout S` has left for its own work.
 *
 * A supervised run (hard-limit.ts) is a child process started after the
 * parent, and the parent's clock is the one that counts: it holds the limit
 * from the parent's start. The child's start-up (Node, imports, reading the
 * input) takes a noticeable part of a short limit, and a child that counted
 * its limit from its own start would stop that much later, often past the
 * parent's grace, and be killed instead of answering with what it proved.
 * So the parent passes its start time, and the child takes off what has
 * already gone.
 */

/** Set in a supervised child's environment: the parent's start, as a `Date.now()` time. */
export const HARD_LIMIT_START_ENV = 'WATERLOO_HARD_LIMIT_START';

/**
 * The limit in ms for a command's library call, given `--timeout seconds`
 * (undefined for 0, no limit): the whole limit, less the time since the
 * supervising parent started when this process is a supervised child
 * (both variables set by hard-limit.ts).
 * At least 1 ms, so that a used-up budget still means "a limit".
 */
export function commandTimeLimitMs(seconds: number, env: NodeJS.ProcessEnv = process.env, now: number = Date.now()): number | undefined {
  if (!(seconds > 0)) return undefined;
  // only in the supervised child itself (HARD_LIMIT_CHILD_ENV of hard-limit.ts, spelt out so that this module stays light)
  const start = env['WATERLOO_HARD_LIMIT_CHILD'] === '1' ? Number(env[HARD_LIMIT_START_ENV]) : NaN;
  const used = Number.isFinite(start) && start > 0 ? Math.max(0, now - start) : 0;
  return Math.max(1, Math.round(seconds * 1000 - used));
}
