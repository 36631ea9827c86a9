/**
 * Side-by-side benchmark harness: runs waterloo and a peer tool (ABC, native
 * CaDiCaL, ...) as whole processes on the same inputs, repeats each run, and
 * prints the median wall-clock times and their ratio.
 */
import { spawnSync } from 'node:child_process';

/** One command to time. */
export interface TimedCommand {
  readonly label: string;
  readonly argv: readonly string[];
  /** Optional check of the command's stdout (e.g. that ABC printed "equivalent"). */
  readonly expect?: (stdout: string) => boolean;
}

/** One benchmark case: waterloo's command and the peer's, on the same input. */
export interface BenchCase {
  readonly name: string;
  readonly waterloo: TimedCommand;
  readonly peer: TimedCommand;
}

/** Median-of-runs result of a case. */
export interface BenchResult {
  readonly name: string;
  readonly waterlooMs: number;
  readonly peerMs: number;
  readonly ratio: number;
  readonly ok: boolean;
  readonly note?: string;
}

/** Whether an executable is on PATH. */
export function onPath(exe: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${exe}`], { stdio: 'ignore' }).status === 0;
}

function timeOnce(cmd: TimedCommand, timeoutMs: number): { ms: number; ok: boolean; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd.argv[0]!, cmd.argv.slice(1), { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  const ok = !r.error && (cmd.expect ? cmd.expect(out) : r.status === 0);
  return { ms, ok, out };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs every case `runs` times (alternating the two tools) and returns the medians. */
export function runCases(cases: readonly BenchCase[], opts: { runs: number; timeoutMs: number; log: (s: string) => void }): BenchResult[] {
  const results: BenchResult[] = [];
  for (const c of cases) {
    const w: number[] = [];
    const p: number[] = [];
    let ok = true;
    let note: string | undefined;
    for (let i = 0; i < opts.runs; i++) {
      const a = timeOnce(c.waterloo, opts.timeoutMs);
      const b = timeOnce(c.peer, opts.timeoutMs);
      w.push(a.ms);
      p.push(b.ms);
      if (!a.ok) {
        ok = false;
        note = `waterloo: ${a.out.trim().split('\n').slice(-2).join(' | ')}`;
      }
      if (!b.ok) {
        ok = false;
        note = `${c.peer.label}: ${b.out.trim().split('\n').slice(-2).join(' | ')}`;
      }
    }
    const r: BenchResult = { name: c.name, waterlooMs: median(w), peerMs: median(p), ratio: median(w) / median(p), ok, ...(note ? { note } : {}) };
    opts.log(formatRow(r, c.peer.label));
    results.push(r);
  }
  return results;
}

/** One printed row. */
export function formatRow(r: BenchResult, peer: string): string {
  return `${r.name.padEnd(36)} waterloo ${r.waterlooMs.toFixed(0).padStart(7)} ms   ${peer} ${r.peerMs.toFixed(0).padStart(7)} ms   ratio ${r.ratio.toFixed(2).padStart(6)}${r.ok ? '' : '   FAILED ' + (r.note ?? '')}`;
}
