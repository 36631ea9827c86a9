/**
 * The multiplicative-complexity census: every affine class of n-input
 * functions (src/tt/affine.ts; 8 for n = 4, 48 for n = 5) solved with the mc
 * encoder, each answer optimal with its UNSAT certificate at one AND fewer
 * (or the degree bound when that is the answer), the circuit simulated by
 * the driver. Turan and Peralta: the maxima are 3 (n = 4) and 4 (n = 5).
 * Where the driver's answer rests on the degree bound alone (no SAT call
 * below it), the census still solves the instance one AND below and records
 * its UNSAT answer, so every row has a certificate from the encoding.
 */
import { InternalError } from '../errors.js';
import { formatListing } from '../io/listing.js';
import type { BackendName } from '../sat/registry.js';
import { affineClasses } from '../tt/affine.js';
import { specFromHex } from '../tt/spec.js';
import { createSolver } from '../sat/registry.js';
import { MC_ENCODER } from './encoders/mc.js';
import { cnfSha256, synthesize } from './synthesize.js';
import type { SymmetryBreaking } from './types.js';

/** One affine class in the census. */
export interface McCensusEntry {
  /** Representative truth table (hex, MSB first). */
  readonly representative: string;
  /** Functions in the class. */
  readonly functions: number;
  readonly status: 'optimal' | 'feasible' | 'unknown' | 'infeasible';
  /** Minimum AND count (optimal), best found (feasible), or undefined. */
  readonly ands?: number;
  /** Proven lower bound. */
  readonly lowerBound: number;
  /** How the bound is proven: `unsat at K (sha256 ...)` or the argument of the driver. */
  readonly evidence: string;
  /** Whether a DRAT proof of the UNSAT answer was checked. */
  readonly proofChecked: boolean;
  /** The circuit as a listing, when one was found. */
  readonly circuit?: string;
  readonly ms: number;
}

/** Parameters of {@link mcAffineCensus}. */
export interface McCensusParams {
  readonly backend: BackendName | 'auto';
  /** Per class (ms). */
  readonly timeLimitMs?: number;
  readonly symmetryBreaking?: Partial<SymmetryBreaking>;
  /** Ask for DRAT proofs (cadical backends) and check them. */
  readonly proof?: boolean;
  /** Only the first `limit` classes (for a partial run). */
  readonly limit?: number;
  readonly onEntry?: (e: McCensusEntry, index: number, total: number) => void;
}

/** Solves every affine class of n inputs for its multiplicative complexity. */
export async function mcAffineCensus(inputs: number, params: McCensusParams): Promise<McCensusEntry[]> {
  const classes = affineClasses(inputs);
  const digits = Math.max(1, 2 ** inputs / 4);
  const out: McCensusEntry[] = [];
  const todo = params.limit === undefined ? classes : classes.slice(0, params.limit);
  for (const [i, c] of todo.entries()) {
    const hex = c.representative.toString(16).padStart(digits, '0');
    const t0 = performance.now();
    const r = await synthesize(specFromHex([hex], inputs), {
      basis: 'MC',
      backend: params.backend,
      cegar: false,
      ...(params.timeLimitMs === undefined ? {} : { timeLimitMs: params.timeLimitMs }),
      ...(params.symmetryBreaking === undefined ? {} : { symmetryBreaking: params.symmetryBreaking }),
      ...(params.proof ? { proof: true } : {}),
    });
    const ms = performance.now() - t0;
    let e: McCensusEntry;
    if (r.status === 'optimal') {
      let cert: { size: number; backend: string; instances: readonly { cnfSha256: string; proof?: { checked: boolean } }[] } | null = r.lowerBound;
      if (cert === null && r.size > 0) {
        // the degree bound gave the answer: confirm it with the encoding (UNSAT at size - 1)
        const spec = specFromHex([hex], inputs);
        const [inst] = [...MC_ENCODER.encode({ spec, basis: 'MC', size: r.size - 1, ...(params.symmetryBreaking === undefined ? {} : { symmetryBreaking: params.symmetryBreaking }) })];
        const solver = await createSolver(params.backend);
        try {
          solver.addCnf(inst!.cnf);
          const res = await solver.solve(params.timeLimitMs === undefined ? {} : { timeLimitMs: params.timeLimitMs });
          if (res.status === 'sat') throw new InternalError(`internal error: mc ${hex}: the degree bound says ${r.size} ANDs, but ${r.size - 1} is SAT`);
          if (res.status === 'unsat') cert = { size: r.size - 1, backend: r.stats.backend, instances: [{ cnfSha256: cnfSha256(inst!.cnf) }] };
        } finally {
          solver.close();
        }
      }
      e = {
        representative: hex,
        functions: c.functions,
        status: 'optimal',
        ands: r.size,
        lowerBound: r.size,
        evidence: cert === null ? (r.lowerBoundArgument ?? 'no gate needed') : `unsat at ${cert.size} (${cert.backend}, cnf sha256 ${cert.instances.map((x) => x.cnfSha256.slice(0, 16)).join(',')})`,
        proofChecked: cert !== null && cert.instances.every((x) => x.proof?.checked === true),
        circuit: formatListing(r.circuit),
        ms,
      };
    } else if (r.status === 'feasible') {
      e = { representative: hex, functions: c.functions, status: 'feasible', ands: r.size, lowerBound: r.provenLowerBound, evidence: r.reason, proofChecked: false, circuit: formatListing(r.circuit), ms };
    } else if (r.status === 'unknown') {
      e = { representative: hex, functions: c.functions, status: 'unknown', lowerBound: r.provenLowerBound, evidence: r.reason, proofChecked: false, ms };
    } else {
      e = { representative: hex, functions: c.functions, status: 'infeasible', lowerBound: 0, evidence: r.reason, proofChecked: false, ms };
    }
    out.push(e);
    params.onEntry?.(e, i, todo.length);
  }
  return out;
}

/** The census as a Markdown table with its distribution (functions and classes per AND count). */
export function formatMcCensusMarkdown(inputs: number, entries: readonly McCensusEntry[], classesTotal: number, version: string): string {
  const lines: string[] = [];
  lines.push(`# Multiplicative complexity of the affine classes of ${inputs}-input functions`, '');
  lines.push(`Basis mc: minimum number of AND gates over {AND, XOR, NOT} (XOR, NOT, constants free). One row per affine class`);
  lines.push(`(f(Ax + b) + l(x) + c), computed by waterloo (src/tt/affine.ts: ${classesTotal} classes); each size is optimal: a circuit`);
  lines.push(`simulated against the function and UNSAT at one AND fewer (mc encoder, CNF hash) or the degree bound MC >= deg - 1.`);
  lines.push(`Generated by \`waterloo results mc --inputs ${inputs}\` at ${version}.`, '');
  const done = entries.filter((e) => e.status === 'optimal');
  if (entries.length < classesTotal || done.length < entries.length) lines.push(`**Partial: ${done.length} of ${classesTotal} classes solved to optimality.**`, '');
  lines.push('| # | representative | functions | ANDs | evidence | seconds |', '|---:|---|---:|---:|---|---:|');
  entries.forEach((e, i) => {
    lines.push(`| ${i + 1} | ${e.representative} | ${e.functions} | ${e.status === 'optimal' ? e.ands : `${e.status}${e.ands === undefined ? '' : ` <= ${e.ands}`} (>= ${e.lowerBound})`} | ${e.evidence}${e.proofChecked ? ', DRAT checked' : ''} | ${(e.ms / 1000).toFixed(2)} |`);
  });
  const byAnds = new Map<number, { classes: number; functions: number }>();
  for (const e of done) {
    const d = byAnds.get(e.ands!) ?? { classes: 0, functions: 0 };
    d.classes++;
    d.functions += e.functions;
    byAnds.set(e.ands!, d);
  }
  lines.push('', '## Distribution', '', '| ANDs | classes | functions |', '|---:|---:|---:|');
  for (const [k, d] of [...byAnds].sort((a, b) => a[0] - b[0])) lines.push(`| ${k} | ${d.classes} | ${d.functions} |`);
  if (done.length > 0) lines.push('', `Maximum: ${Math.max(...done.map((e) => e.ands!))} AND gates.`);
  return lines.join('\n') + '\n';
}
