/**
 * The hard time limit of a command run with `--timeout S`.
 *
 * Library code honours its time limit by itself: it checks a deadline between
 * solver calls and hands the time left to the solver. That is cooperative, and
 * a solver that overruns its limit, a long synchronous loop (encoding, a DRAT
 * check, truth-table work) or a machine under heavy load can keep a run going
 * well past it. So the CLI runs such a command in a child process (this same
 * program) and holds the limit from outside: the parent does nothing but wait,
 * so its timer fires on time whatever the child is doing, and at the limit
 * plus a short grace ({@link hardStopGraceMs}) it kills the child's whole
 * process group (solver subprocesses and worker pools included) and prints
 * the child's last checkpoint: what the command had proven so far, formatted
 * as the command would print it (exit code from the checkpoint, else 4).
 *
 * The clock is the parent's: it starts when the process starts, so the limit
 * covers start-up and input reading too.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hardStopGraceMs } from '../api/hard-stop.js';
import { HARD_LIMIT_START_ENV } from './time-budget.js';

/** Set in the child's environment: it is the supervised run (and must not supervise itself again). */
export const HARD_LIMIT_CHILD_ENV = 'WATERLOO_HARD_LIMIT_CHILD';

/** Exit code of a hard stop without a checkpoint: unknown (limit). */
const EXIT_UNKNOWN = 4;


/** What the command would print if it were stopped now, and its exit code then. */
export interface Checkpoint {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Messages from the supervised child to the parent. */
type ChildMessage =
  | { readonly type: 'checkpoint'; readonly stdout: string; readonly exitCode: number }
  /** The child began printing its answer: it has finished computing. */
  | { readonly type: 'output' };

/** How a supervised run ended. */
export type SupervisedOutcome =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signalled'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'hard-stop'; readonly checkpoint: Checkpoint | undefined; readonly elapsedMs: number };

/** Parameters of {@link superviseChild}. */
export interface SuperviseParams {
  /** The script to fork and its arguments. */
  readonly modulePath: string;
  readonly args: readonly string[];
  /** The limit (ms), counted from `startedAt`. */
  readonly limitMs: number;
  /** `performance.now()` at which the limit starts (default: the process start, 0). */
  readonly startedAt?: number;
  /** Override of {@link hardStopGraceMs} (tests). */
  readonly graceMs?: number;
}

/** Extra time granted once when the child has started printing its answer at the deadline. */
const OUTPUT_GRACE_MS = 10_000;

/**
 * Forks `modulePath` with inherited stdio and an IPC channel, and kills its
 * process group at `limitMs + grace` after `startedAt`. SIGINT and SIGTERM
 * received meanwhile are passed on to the child's group.
 */
export function superviseChild(p: SuperviseParams): Promise<SupervisedOutcome> {
  const startedAt = p.startedAt ?? 0;
  const deadline = startedAt + p.limitMs + (p.graceMs ?? hardStopGraceMs(p.limitMs));
  // A child in a process group of its own can be killed together with its
  // solver subprocesses. Not when stdin is a terminal: a background group
  // that reads the terminal is stopped (SIGTTIN), and Ctrl-C reaches both.
  const detached = !process.stdin.isTTY;
  const child = fork(p.modulePath, [...p.args], {
    stdio: 'inherit',
    detached,
    execArgv: [],
    // the child counts its own limit from our start (time-budget.ts)
    env: { ...process.env, [HARD_LIMIT_CHILD_ENV]: '1', [HARD_LIMIT_START_ENV]: String(Math.round(performance.timeOrigin + startedAt)) },
  });
  let checkpoint: Checkpoint | undefined;
  let printing = false;
  let stopped = false;
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (detached && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  const forward = (signal: NodeJS.Signals): void => killGroup(signal);
  if (detached) {
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
  }
  return new Promise<SupervisedOutcome>((resolve, reject) => {
    let timer: NodeJS.Timeout;
    const arm = (at: number): void => {
      timer = setTimeout(onDeadline, Math.max(0, at - performance.now()));
    };
    const onDeadline = (): void => {
      if (printing) {
        // answering already: let it finish printing, once
        printing = false;
        arm(performance.now() + OUTPUT_GRACE_MS);
        return;
      }
      stopped = true;
      killGroup('SIGKILL');
    };
    arm(deadline);
    child.on('message', (m: ChildMessage) => {
      if (m?.type === 'checkpoint') checkpoint = { stdout: m.stdout, exitCode: m.exitCode };
      else if (m?.type === 'output') printing = true;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // the group may still hold solver subprocesses of a child that exited
      if (detached) killGroup('SIGKILL');
      if (stopped) resolve({ kind: 'hard-stop', checkpoint, elapsedMs: performance.now() - startedAt });
      else if (signal !== null) resolve({ kind: 'signalled', signal });
      else resolve({ kind: 'exited', code: code ?? 1 });
    });
  });
}

/**
 * In the supervised child: the parent's channel, or undefined when this
 * process is not supervised. The child exits when the channel closes (the
 * parent died), so that it never outlives its limit.
 */
function parentChannel(): ((m: ChildMessage) => void) | undefined {
  if (process.env[HARD_LIMIT_CHILD_ENV] !== '1' || process.send === undefined) return undefined;
  return (m) => {
    if (process.connected) process.send!(m);
  };
}

/** The parts of the CLI's io that a supervised child adds. */
export interface ChildReporting {
  /** Sends a checkpoint to the parent. */
  checkpoint(c: Checkpoint): void;
  /** Tells the parent that the answer is being printed (call before the first write to stdout). */
  printing(): void;
  /** The command has returned: closes the channel, so the process can exit with the command's code. */
  finish(): void;
}

/** The reporting channel of a supervised child, or undefined when this process is not one. */
export function childReporting(): ChildReporting | undefined {
  const send = parentChannel();
  if (send === undefined) return undefined;
  const orphaned = (): never => process.exit(EXIT_UNKNOWN);
  process.on('disconnect', orphaned);
  let told = false;
  return {
    checkpoint: (c) => send({ type: 'checkpoint', stdout: c.stdout, exitCode: c.exitCode }),
    printing: () => {
      if (told) return;
      told = true;
      send({ type: 'output' });
    },
    finish: () => {
      process.off('disconnect', orphaned);
      if (process.connected) process.disconnect();
    },
  };
}

/**
 * Path of the compiled CLI entry: next to this module, or in `dist/cli/`
 * when this module is loaded from the TypeScript sources (vitest).
 */
export function cliEntryPath(): string {
  const sibling = fileURLToPath(new URL('./main.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const m = /^(.*)[\\/]src[\\/]cli[\\/][^\\/]+$/.exec(fileURLToPath(import.meta.url));
  return m === null ? sibling : join(m[1]!, 'dist', 'cli', 'main.js');
}

/** What the parent prints when it stopped the child and no checkpoint came: nothing was proven. */
export function defaultCheckpoint(json: boolean, limitSeconds: number): Checkpoint {
  const stdout = json
    ? JSON.stringify({ status: 'unknown', reason: 'time', timeoutSeconds: limitSeconds }) + '\n'
    : `unknown: time limit of ${limitSeconds} s reached before anything was proven\n`;
  return { stdout, exitCode: EXIT_UNKNOWN };
}
