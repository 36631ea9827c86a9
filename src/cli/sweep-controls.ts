/** What the commands that run sweeps (sweep, census) share around the run. */
import { createProgressPrinter, type SweepProgress } from '../index.js';
import type { CommandIo } from './command.js';

/** What a sweep-like run is given: an abort signal, and a progress callback unless quiet. */
export interface SweepControls {
  readonly signal: AbortSignal;
  readonly onProgress?: (p: SweepProgress) => void;
}

/**
 * Runs `run` with a progress line on stderr (unless `quiet`) and SIGINT or
 * SIGTERM turned into an abort of the run (the sweep then stops its workers
 * and keeps what it stored), and removes both when it ends.
 */
export async function withSweepControls<T>(io: CommandIo, quiet: boolean, run: (c: SweepControls) => Promise<T>): Promise<T> {
  const printer = quiet ? undefined : createProgressPrinter(io.err, process.stderr.isTTY === true);
  const ctl = new AbortController();
  const onSignal = (): void => ctl.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run({ signal: ctl.signal, ...(printer ? { onProgress: (p: SweepProgress) => printer.update(p) } : {}) });
  } finally {
    printer?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
