/**
 * An independent DRAT proof checker, so that an UNSAT answer from CaDiCaL
 * (or any solver that writes DRAT) can be re-checked inside waterloo.
 *
 * Semantics (as drat-trim): every added lemma must be RUP (unit propagation
 * of its negation on the current clause database yields a conflict) or RAT on
 * its first literal; deletions remove clauses, except that deletions of unit
 * clauses and of reasons of top-level assignments are ignored (keeping a
 * clause is always sound); the proof succeeds once the database is refuted by
 * unit propagation (normally by deriving the empty clause).
 *
 * The default `backward` mode first runs the proof forward without checks
 * until the conflict, then walks back and checks only the lemmas that the
 * conflict (transitively) depends on, as drat-trim does. `forward` checks
 * every lemma in order.
 */

import type { Cnf } from './types.js';
import { ClauseDb, DratInternalError } from './drat-db.js';
import { parseDratProof } from './drat-parse.js';

/** Options for {@link checkDrat}. */
export interface CheckDratOptions {
  /** Give up with verdict `unknown` after this many milliseconds. */
  readonly timeLimitMs?: number;
  /** `backward` (default, checks only the core) or `forward` (checks every lemma). */
  readonly mode?: 'backward' | 'forward';
  /** Proof encoding; `auto` (default) detects binary DRAT by its 0 bytes. Strings are always text. */
  readonly format?: 'auto' | 'text' | 'binary';
}

/** Counters of one {@link checkDrat} run. */
export interface DratCheckStats {
  /** Encoding the proof was read as (undefined when it did not parse). */
  format?: 'text' | 'binary';
  /** Proof size in bytes. */
  proofBytes: number;
  /** Steps in the proof (additions plus deletions). */
  steps: number;
  /** Lemma additions read up to the conflict. */
  lemmas: number;
  /** Deletions applied. */
  deletions: number;
  /** Deletions of unit or reason clauses that were ignored. */
  ignoredDeletions: number;
  /** Deletions of clauses that are not in the database (ignored). */
  missingDeletions: number;
  /** Lemmas actually checked (all lemmas forward, core lemmas backward). */
  checkedLemmas: number;
  /** Checked lemmas that needed the RAT check. */
  ratLemmas: number;
  /** Top-level and check propagations (trail literals processed). */
  propagations: number;
  /** Wall time in milliseconds (parse plus check). */
  ms: number;
}

/** Outcome of {@link checkDrat}. `reason` says why a proof was rejected or left unknown. */
export interface DratCheckResult {
  readonly verdict: 'verified' | 'rejected' | 'unknown';
  readonly reason?: string;
  /** 1-based index of the proof step that failed, for `rejected` verdicts on a lemma. */
  readonly failedStep?: number;
  readonly stats: DratCheckStats;
}

class TimeUp extends Error {}

/**
 * Checks a DRAT refutation of `cnf`. Returns `verified` only when the proof
 * shows that `cnf` is unsatisfiable; a malformed, incomplete or wrong proof is
 * `rejected` with a reason; running out of time is `unknown`.
 */
export function checkDrat(cnf: Cnf, proof: Uint8Array | string, opts: CheckDratOptions = {}): DratCheckResult {
  const started = performance.now();
  const proofBytes = typeof proof === 'string' ? Buffer.byteLength(proof) : proof.length;
  const stats: DratCheckStats = {
    proofBytes,
    steps: 0,
    lemmas: 0,
    deletions: 0,
    ignoredDeletions: 0,
    missingDeletions: 0,
    checkedLemmas: 0,
    ratLemmas: 0,
    propagations: 0,
    ms: 0,
  };
  const finish = (verdict: DratCheckResult['verdict'], reason?: string, failedStep?: number): DratCheckResult => {
    stats.ms = performance.now() - started;
    return {
      verdict,
      ...(reason !== undefined ? { reason } : {}),
      ...(failedStep !== undefined ? { failedStep } : {}),
      stats,
    };
  };

  const parsed = parseDratProof(proof, opts.format ?? 'auto');
  if (!parsed.ok) return finish('rejected', `malformed proof: ${parsed.reason}`);
  const steps = parsed.steps;
  stats.format = steps.format;
  stats.steps = steps.count;

  let maxVar = Math.max(cnf.numVars, steps.maxVar);
  for (const c of cnf.clauses) for (const l of c) maxVar = Math.max(maxVar, l < 0 ? -l : l);
  const db = new ClauseDb(maxVar);
  const deadline = opts.timeLimitMs !== undefined ? started + opts.timeLimitMs : Infinity;
  const tick = (i: number): void => {
    if ((i & 255) === 0 && performance.now() > deadline) throw new TimeUp();
  };
  const forward = opts.mode === 'forward';

  try {
    // Original clauses.
    for (const c of cnf.clauses) {
      const id = db.store(c, 0, c.length);
      if (db.attach(id) >= 0) {
        stats.propagations = db.propagations;
        return finish('verified', 'the formula is refuted by unit propagation alone');
      }
    }

    // Forward pass: apply the proof until the database is refuted by propagation.
    const stepClause = new Int32Array(steps.count).fill(-1);
    let conflict = -1;
    let conflictStep = -1;
    for (let i = 0; i < steps.count && conflict < 0; i++) {
      tick(i);
      const from = steps.starts[i]!;
      const to = steps.starts[i + 1]!;
      if (steps.kinds[i] === 1) {
        const d = db.find(steps.lits, from, to);
        if (d < 0) {
          stats.missingDeletions++;
        } else if (db.length(d) <= 1 || db.isReason(d)) {
          stats.ignoredDeletions++;
        } else {
          db.detach(d);
          stepClause[i] = d;
          stats.deletions++;
        }
        continue;
      }
      stats.lemmas++;
      const c = db.store(steps.lits, from, to);
      stepClause[i] = c;
      if (forward) {
        stats.checkedLemmas++;
        if (!db.rup(c, -1, 0, false)) {
          stats.ratLemmas++;
          if (!db.rat(c, false)) {
            stats.propagations = db.propagations;
            return finish('rejected', `lemma at step ${i + 1} is neither RUP nor RAT`, i + 1);
          }
        }
      }
      conflict = db.attach(c);
      if (conflict >= 0) conflictStep = i;
    }
    if (conflict < 0) {
      stats.propagations = db.propagations;
      return finish('rejected', 'the proof does not derive the empty clause (no conflict by unit propagation at its end)');
    }
    if (forward) {
      stats.propagations = db.propagations;
      return finish('verified');
    }

    // Backward pass: check the lemmas the conflict depends on, newest first.
    db.analyze(conflict);
    for (let i = conflictStep; i >= 0; i--) {
      tick(i);
      const c = stepClause[i]!;
      if (c < 0) continue;
      if (steps.kinds[i] === 1) {
        if (db.attach(c) >= 0) throw new DratInternalError('conflict when restoring a deleted clause');
        continue;
      }
      db.detach(c);
      if (db.cMark[c] === 0) continue;
      stats.checkedLemmas++;
      if (!db.rup(c, -1, 0, true)) {
        stats.ratLemmas++;
        if (!db.rat(c, true)) {
          stats.propagations = db.propagations;
          return finish('rejected', `lemma at step ${i + 1} is neither RUP nor RAT`, i + 1);
        }
      }
    }
    stats.propagations = db.propagations;
    return finish('verified');
  } catch (err) {
    stats.propagations = db.propagations;
    if (err instanceof TimeUp) return finish('unknown', 'time limit reached');
    if (err instanceof DratInternalError) return finish('unknown', `internal checker error: ${err.message}`);
    throw err;
  }
}
