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
  /** Further peers on the same input; the ratio is against the fastest peer. */
  readonly otherPeers?: readonly TimedCommand[];
}

/** Median-of-runs result of a case. */
export interface BenchResult {
  readonly name: string;
  readonly waterlooMs: number;
  readonly peerMs: number;
  readonly ratio: number;
  readonly ok: boolean;
  readonly note?: string;
  /** Label of the fastest peer (the one `peerMs` is from). */
  readonly peerLabel?: string;
  /** The fastest peer ran out of time in most runs: `peerMs` is a lower bound, `ratio` an upper one. */
  readonly peerTimedOut?: boolean;
  /** Median time of every peer, by label. */
  readonly peerTimes?: Readonly<Record<string, number>>;
}

/** Whether an executable is on PATH. */
export function onPath(exe: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${exe}`], { stdio: 'ignore' }).status === 0;
}

/** Runs one command as a whole process and times it (wall clock). */
export function timeOnce(cmd: TimedCommand, timeoutMs: number): { ms: number; ok: boolean; out: string; timedOut: boolean } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd.argv[0]!, cmd.argv.slice(1), { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  const ok = !r.error && (cmd.expect ? cmd.expect(out) : r.status === 0);
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { ms, ok, out, timedOut };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs every case `runs` times (alternating the tools) and returns the medians; the ratio is against the fastest peer. */
export function runCases(cases: readonly BenchCase[], opts: { runs: number; timeoutMs: number; log: (s: string) => void }): BenchResult[] {
  const results: BenchResult[] = [];
  for (const c of cases) {
    const peers = [c.peer, ...(c.otherPeers ?? [])];
    const w: number[] = [];
    const p: number[][] = peers.map(() => []);
    let ok = true;
    let note: string | undefined;
    const peerTimeouts = peers.map(() => 0);
    for (let i = 0; i < opts.runs; i++) {
      const a = timeOnce(c.waterloo, opts.timeoutMs);
      w.push(a.ms);
      if (!a.ok) {
        ok = false;
        note = `waterloo: ${a.out.trim().split('\n').slice(-2).join(' | ')}`;
      }
      peers.forEach((peer, k) => {
        const b = timeOnce(peer, opts.timeoutMs);
        p[k]!.push(b.ms);
        // a peer that runs out of time is a result (its time a lower bound), not a failed run
        if (b.timedOut) peerTimeouts[k]!++;
        else if (!b.ok) {
          ok = false;
          note = `${peer.label}: ${b.out.trim().split('\n').slice(-2).join(' | ')}`;
        }
      });
    }
    const medians = p.map(median);
    let best = 0;
    medians.forEach((m, k) => {
      if (m < medians[best]!) best = k;
    });
    const peerTimes = Object.fromEntries(peers.map((peer, k) => [peer.label, medians[k]!]));
    const r: BenchResult = {
      name: c.name,
      waterlooMs: median(w),
      peerMs: medians[best]!,
      ratio: median(w) / medians[best]!,
      ok,
      ...(note ? { note } : {}),
      peerLabel: peers[best]!.label,
      ...(peers.length > 1 ? { peerTimes } : {}),
      // the median is the upper middle sample, a timed-out one when at least runs - floor(runs/2) runs timed out
      ...(peerTimeouts[best]! >= opts.runs - Math.floor(opts.runs / 2) ? { peerTimedOut: true } : {}),
    };
    opts.log(formatRow(r, peers.length > 1 ? `best of ${peers.map((x) => x.label).join('/')} (${peers[best]!.label})` : c.peer.label));
    results.push(r);
  }
  return results;
}

/** One printed row; a peer that timed out shows as `>T ms` and the ratio as an upper bound. */
export function formatRow(r: BenchResult, peer: string): string {
  const peerMs = `${r.peerTimedOut ? '>' : ''}${r.peerMs.toFixed(0)}`;
  const ratio = `${r.peerTimedOut ? '<=' : ''}${r.ratio.toFixed(2)}`;
  return `${r.name.padEnd(36)} waterloo ${r.waterlooMs.toFixed(0).padStart(7)} ms   ${peer} ${peerMs.padStart(7)} ms   ratio ${ratio.padStart(6)}${r.peerTimedOut ? '   (every peer timed out)' : ''}${r.ok ? '' : '   FAILED ' + (r.note ?? '')}`;
}
