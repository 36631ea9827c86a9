import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDrat } from '../../src/sat/drat-check.js';
import { parseDratProof, type DratSteps } from '../../src/sat/drat-parse.js';
import type { Cnf } from '../../src/sat/types.js';
import { cadicalBinaryPath } from '../../src/sat/backends/cadical-cli.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { pigeonhole, random3Sat, toDimacs } from './cnf-corpus.js';

const cnf = (numVars: number, clauses: number[][]): Cnf => ({ numVars, clauses: clauses.map((c) => Int32Array.from(c)) });

/** All 8 clauses over variables 1..3: UNSAT, and no single literal propagates. */
const ALL8 = cnf(
  3,
  [0, 1, 2, 3, 4, 5, 6, 7].map((m) => [1, 2, 3].map((v, i) => ((m >> i) & 1 ? -v : v))),
);

interface Step {
  del: boolean;
  lits: number[];
}

function stepsOf(s: DratSteps): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < s.count; i++) out.push({ del: s.kinds[i] === 1, lits: Array.from(s.lits.subarray(s.starts[i], s.starts[i + 1])) });
  return out;
}

function toText(steps: Step[]): string {
  return steps.map((s) => `${s.del ? 'd ' : ''}${[...s.lits, 0].join(' ')}\n`).join('');
}

function toBinary(steps: Step[]): Uint8Array {
  const bytes: number[] = [];
  for (const s of steps) {
    bytes.push(s.del ? 0x64 : 0x61);
    for (const lit of [...s.lits, 0]) {
      let u = lit === 0 ? 0 : 2 * Math.abs(lit) + (lit < 0 ? 1 : 0);
      while (u > 127) {
        bytes.push((u & 127) | 128);
        u = Math.floor(u / 128);
      }
      bytes.push(u);
    }
  }
  return Uint8Array.from(bytes);
}

const MODES = ['backward', 'forward'] as const;

describe('checkDrat on hand-made proofs', () => {
  it.each(MODES)('accepts a RUP proof in text and binary (%s)', (mode) => {
    // (1 2)(1 -2)(-1 3)(-1 -3): lemma 1 is RUP, then the empty clause.
    const f = cnf(3, [[1, 2], [1, -2], [-1, 3], [-1, -3]]);
    const proof = '1 0\n0\n';
    expect(checkDrat(f, proof, { mode }).verdict).toBe('verified');
    const bin = toBinary([{ del: false, lits: [1] }, { del: false, lits: [] }]);
    const r = checkDrat(f, bin, { mode });
    expect(r.verdict).toBe('verified');
    expect(r.stats.format).toBe('binary');
  });

  it.each(MODES)('accepts RAT lemmas that the refutation needs (%s)', (mode) => {
    // Extension 5 <-> -1 by two RAT lemmas (neither is RUP), then RUP steps using both.
    const proof = 'c extended resolution\n5 1 0\n-5 -1 0\n5 2 0\n5 0\n-5 2 0\n0\n';
    const r = checkDrat(ALL8, proof, { mode });
    expect(r.verdict).toBe('verified');
    expect(r.stats.ratLemmas).toBe(2);
    expect(checkDrat(ALL8, toBinary(stepsOf((parseDratProof(proof) as { ok: true; steps: DratSteps }).steps)), { mode }).verdict).toBe('verified');
  });

  it.each(MODES)('rejects a lemma that is neither RUP nor RAT (%s)', (mode) => {
    // (-1 2)(-1 -2) is satisfiable; lemma 1 would refute it.
    const r = checkDrat(cnf(2, [[-1, 2], [-1, -2]]), '1 0\n0\n', { mode });
    expect(r.verdict).toBe('rejected');
    expect(r.failedStep).toBe(1);
  });

  it.each(MODES)('rejects an empty-clause claim without derivation (%s)', (mode) => {
    expect(checkDrat(ALL8, '0\n', { mode }).verdict).toBe('rejected');
    // Lemma 1 is RAT, but the empty clause does not follow from it by propagation.
    expect(checkDrat(ALL8, '1 0\n0\n', { mode }).verdict).toBe('rejected');
  });

  it.each(MODES)('rejects a proof that stops before a conflict, and one that deletes what it needs (%s)', (mode) => {
    expect(checkDrat(ALL8, '5 1 0\n-5 -1 0\n5 2 0\n', { mode }).verdict).toBe('rejected');
    expect(checkDrat(ALL8, '', { mode }).verdict).toBe('rejected');
    const f = cnf(3, [[1, 2], [1, -2], [-1, 3], [-1, -3]]);
    expect(checkDrat(f, 'd 1 -2 0\n1 0\n0\n', { mode }).verdict).toBe('rejected');
  });

  it('ignores deletions of unit clauses and of missing clauses, as drat-trim does', () => {
    const f = cnf(3, [[1], [-1, 2], [-2, 3], [-3, -1]]);
    const r = checkDrat(f, 'd 1 0\nd 2 3 0\n0\n');
    expect(r.verdict).toBe('verified');
  });

  it('verifies a formula refuted by unit propagation with an empty proof', () => {
    expect(checkDrat(cnf(1, [[1], [-1]]), '').verdict).toBe('verified');
    expect(checkDrat(cnf(1, [[]]), '').verdict).toBe('verified');
  });

  it('rejects malformed proofs with a reason', () => {
    for (const bad of ['1 2 x 0\n', '1 2\n', '- 0\n']) {
      const r = checkDrat(ALL8, bad);
      expect(r.verdict).toBe('rejected');
      expect(r.reason).toMatch(/malformed/);
    }
    expect(checkDrat(ALL8, Uint8Array.of(0x61, 0x02)).verdict).toBe('rejected');
    expect(checkDrat(ALL8, Uint8Array.of(0x78, 0x02, 0x00)).verdict).toBe('rejected');
  });

  it('returns unknown when the time limit is reached', () => {
    const r = checkDrat(ALL8, '5 1 0\n-5 -1 0\n5 2 0\n5 0\n-5 2 0\n0\n', { timeLimitMs: -1 });
    expect(r.verdict).toBe('unknown');
  });
});

const cadical = cadicalBinaryPath();

describe.skipIf(cadical === null)('checkDrat on CaDiCaL proofs (needs the cadical binary)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-drat-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function proofOf(f: Cnf, format: 'text' | 'binary'): Uint8Array {
    const cnfPath = join(dir, 'f.cnf');
    const proofPath = join(dir, `f.${format}.drat`);
    writeFileSync(cnfPath, toDimacs(f));
    const run = spawnSync(cadical!, ['-q', ...(format === 'text' ? ['--no-binary'] : []), cnfPath, proofPath]);
    expect(run.status).toBe(20);
    return new Uint8Array(readFileSync(proofPath));
  }

  const SEED = 20240611;
  const instances: [string, Cnf][] = [
    ['PHP(5,4)', pigeonhole(5, 4)],
    ['PHP(6,5)', pigeonhole(6, 5)],
    ['PHP(7,6)', pigeonhole(7, 6)],
    [`random 3-SAT n=80 m=400 seed=${SEED}`, random3Sat(80, 400, SEED)],
  ];

  for (const [name, f] of instances) {
    for (const format of ['text', 'binary'] as const) {
      it(`accepts ${format} DRAT for ${name} in both modes`, () => {
        const proof = proofOf(f, format);
        for (const mode of MODES) {
          const r = checkDrat(f, proof, { mode });
          expect(r.verdict, r.reason).toBe('verified');
          expect(r.stats.format).toBe(format);
        }
      });
    }
  }

  it('rejects every proof when a clause is removed and the formula becomes satisfiable', () => {
    for (const n of [4, 5, 6]) {
      const f = pigeonhole(n + 1, n);
      const proof = proofOf(f, 'binary');
      // Without pigeon 0's at-least-one-hole clause, PHP(n+1, n) is satisfiable.
      const weakened: Cnf = { numVars: f.numVars, clauses: f.clauses.slice(1) };
      for (const mode of MODES) expect(checkDrat(weakened, proof, { mode }).verdict).toBe('rejected');
    }
  });

  it(`rejects seeded corruptions of PHP(6,5) and PHP(7,6) proofs (seed ${SEED})`, () => {
    for (const f of [pigeonhole(6, 5), pigeonhole(7, 6)]) {
      const parsed = parseDratProof(proofOf(f, 'binary'));
      if (!parsed.ok) throw new Error(parsed.reason);
      const original = stepsOf(parsed.steps);
      const emptyAt = original.findIndex((s) => !s.del && s.lits.length === 0);
      expect(emptyAt).toBeGreaterThan(0);
      // CaDiCaL writes the final top-level units after the database is already refuted by
      // propagation; the checker stops at that point, so corruptions go into the prefix it reads.
      const readLemmas = checkDrat(f, toText(original)).stats.lemmas;
      const lemmaIdx = original
        .map((s, i) => (!s.del && s.lits.length > 0 && i < emptyAt ? i : -1))
        .filter((i) => i >= 0)
        .slice(0, readLemmas);
      const r = mulberry32(SEED);
      const corruptions: [string, Step[]][] = [];
      // Empty clause claimed right at the start.
      corruptions.push(['empty clause first', [{ del: false, lits: [] }, ...original]]);
      // The last quarter of the lemmas removed (and the empty clause with them). Note that
      // CaDiCaL's final lemmas are often units implied by propagation, so removing only the
      // last few leaves a valid proof.
      const cut = lemmaIdx[Math.floor(lemmaIdx.length * 0.75)];
      corruptions.push(['last quarter removed', original.slice(0, cut)]);
      // The same, but with the empty-clause claim kept.
      corruptions.push(['last quarter removed, claim kept', [...original.slice(0, cut), { del: false, lits: [] }]]);
      // Lemma corruptions. An UNSAT formula implies every clause, so a corrupted lemma can still be
      // RUP at its position (CaDiCaL often writes a clause and then a strengthening of it, so
      // flipping a literal of the first gives a valid clause). Such proofs are rightly accepted;
      // the test requires that such proofs pass forward checking (every lemma is checked there), that
      // at least 3 of the 8 seeded lemma corruptions are rejected, and that the ones above always are.
      const late = lemmaIdx.slice(-60);
      const lemmaCorruptions: [string, Step[]][] = [];
      for (let k = 0; k < 8; k++) {
        const at = late[Math.floor(r() * late.length)]!;
        const lits = [...original[at]!.lits];
        let what: string;
        if (k < 5) {
          const pos = Math.floor(r() * lits.length);
          lits[pos] = -lits[pos]!;
          what = `literal flipped in step ${at + 1}`;
        } else {
          const v = 1 + Math.floor(r() * f.numVars);
          lits.splice(0, lits.length, r() < 0.5 ? v : -v);
          what = `step ${at + 1} replaced by unit ${lits[0]}`;
        }
        const changed = original.map((s) => ({ ...s, lits: [...s.lits] }));
        changed[at] = { del: false, lits };
        lemmaCorruptions.push([what, changed]);
      }
      let rejected = 0;
      for (const [what, steps] of lemmaCorruptions) {
        const verdicts = MODES.flatMap((mode) => [toText(steps), toBinary(steps)].map((p) => checkDrat(f, p, { mode }).verdict));
        // Text and binary encodings always agree.
        expect(verdicts[0]).toBe(verdicts[1]);
        expect(verdicts[2]).toBe(verdicts[3]);
        if (verdicts.every((v) => v === 'rejected')) {
          rejected++;
        } else {
          // Accepted somewhere: then forward checking (which checks every lemma) must accept it too.
          expect(verdicts[2], `${what}: backward accepts but forward rejects`).toBe('verified');
          console.log(`seed ${SEED}: ${what} still gives a valid proof (every lemma RUP)`);
        }
      }
      expect(rejected).toBeGreaterThanOrEqual(3);
      for (const [what, steps] of corruptions) {
        for (const mode of MODES) {
          for (const proof of [toText(steps), toBinary(steps)]) {
            const res = checkDrat(f, proof, { mode });
            expect(res.verdict, `${what} (${mode}) was accepted`).toBe('rejected');
          }
        }
      }
    }
  });
});
