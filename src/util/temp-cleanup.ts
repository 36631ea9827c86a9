/**
 * Temporary files that must not outlive an interrupted process. A signal
 * cannot interrupt synchronous JavaScript, but with no listener installed
 * SIGINT/SIGTERM/SIGHUP kill the process in the middle of a synchronous
 * write, leaving the temporary file behind. While a file is tracked, a
 * listener is installed: the signal then waits for the write to finish, the
 * listener removes whatever is still tracked, and, when no other listener
 * handles the signal, re-raises it so that the process still ends by it.
 * The listeners stay once installed: removing them right after a write could
 * drop a signal that arrived during the write.
 */
import { rmSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const tracked = new Set<string>();
let installed = false;

function removeTracked(): void {
  for (const p of tracked) rmSync(p, { force: true });
  tracked.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTracked();
  process.off(signal, onSignal);
  // another listener decides what the signal does; alone, restore the default action (end the process)
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed || !isMainThread) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeTracked);
}

/** Removes `path` if the process is ended by a signal or exits before {@link untrackTempFile}. */
export function trackTempFile(path: string): void {
  install();
  tracked.add(path);
}

/** Stops tracking `path` (it was renamed into place or removed). */
export function untrackTempFile(path: string): void {
  tracked.delete(path);
}
