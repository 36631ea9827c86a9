/**
 * Entry of a sweep worker process (forked by sweep.ts): solves the instances
 * it is sent, one at a time, and replies with their records; also solves
 * cubes of one size query (src/cubes/) and replies with their outcomes. It writes
 * nothing itself, and it exits as soon as the IPC channel closes, so a sweep
 * killed with SIGKILL leaves no workers behind (beyond the end of a solver
 * call that blocks the event loop).
 */
import { errorKind, WaterlooError } from '../errors.js';
import type { SynthesisProgress } from '../synth/synthesize.js';
import { solveInstance } from './solve-instance.js';
import type { CubeMessage, SolveMessage, WorkerReply } from './worker-protocol.js';
import { solveCube } from '../cubes/cube-task.js';

function send(reply: WorkerReply): void {
  if (process.connected) process.send!(reply);
}

process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the sweep decides (it kills its workers), so that an interrupt is not reported as crashed workers
process.on('SIGINT', () => undefined);
/** What a failed solve or cube sends: a bug travels with its stack, bad input with its message. */
function failure(id: number, e: unknown): WorkerReply {
  const err = e instanceof Error ? e : new Error(String(e));
  const kind = errorKind(e);
  const code = e instanceof WaterlooError ? e.code : 'internal';
  return { type: 'failed', id, error: { name: err.name, kind, code, message: kind === 'internal' ? (err.stack ?? err.message) : err.message } };
}

process.on('message', (m: SolveMessage | CubeMessage) => {
  if (m?.type === 'cube') {
    solveCube(m.task).then(
      (outcome) => send({ type: 'cube-done', id: m.id, outcome }),
      (e: unknown) => send(failure(m.id, e)),
    );
    return;
  }
  if (m?.type !== 'solve') return;
  const onProgress = (p: SynthesisProgress): void =>
    send({ type: 'progress', id: m.id, provenLowerBound: p.provenLowerBound, bestSize: p.best?.size });
  solveInstance(m.instance, { backend: m.backend, command: m.command, onProgress }).then(
    (record) => send({ type: 'done', id: m.id, record }),
    (e: unknown) => send(failure(m.id, e)),
  );
});
send({ type: 'ready' });
