/**
 * Entry point of the worker thread started by {@link createWorkerSolver}:
 * builds one in-process backend and answers `add` / `solve` messages.
 * Not part of the public API.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { createCadicalCliSolver } from './backends/cadical-cli.js';
import { createCadicalNativeSolver } from './backends/cadical-native.js';
import { createMinisatSolver } from './backends/minisat.js';
import { createZ3Solver } from './backends/z3.js';
import { unflattenClauses } from './clause-log.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';
import type { SatSolver, SolveResult } from './types.js';

const init = workerData as WorkerInit;
const port = parentPort!;

function createBackend(): SatSolver {
  switch (init.backend) {
    case 'minisat':
      return createMinisatSolver({ workerForLimits: false });
    case 'z3':
      return createZ3Solver(init.options.seed === undefined ? {} : { seed: init.options.seed });
    case 'cadical':
      return createCadicalNativeSolver();
    case 'cadical-cli':
      return createCadicalCliSolver(init.options.proofPath === undefined ? {} : { proofPath: init.options.proofPath });
  }
}

const solver = createBackend();
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: ToWorker) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: ToWorker): Promise<void> {
  if (msg.kind === 'add') {
    solver.addCnf({ numVars: msg.numVars, clauses: unflattenClauses(msg.flat) });
    return;
  }
  let reply: FromWorker;
  try {
    const left = msg.deadlineEpochMs === undefined ? undefined : msg.deadlineEpochMs - Date.now();
    const result: SolveResult =
      left !== undefined && left <= 0
        ? { status: 'unknown', reason: 'time' }
        : await solver.solve({
            assumptions: msg.assumptions,
            ...(msg.conflictLimit === undefined ? {} : { conflictLimit: msg.conflictLimit }),
            ...(left === undefined ? {} : { timeLimitMs: left }),
          });
    reply = { kind: 'result', id: msg.id, result };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = (err as { code?: unknown }).code;
    reply = { kind: 'error', id: msg.id, name: err.name, code: typeof code === 'string' ? code : 'error', message: err.message };
  }
  port.postMessage(reply);
}
