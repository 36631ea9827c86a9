/** Running Debian's ABC (`berkeley-abc`) as a reference peer in tests. */
import { spawnSync } from 'node:child_process';

/** Whether ABC is installed; tests that need it skip with this reason otherwise. */
export const ABC_AVAILABLE = spawnSync('sh', ['-c', 'command -v berkeley-abc'], { stdio: 'ignore' }).status === 0;
export const ABC_MISSING_REASON = 'berkeley-abc is not installed (apt-get install berkeley-abc)';

/** Runs an ABC script and returns its combined output. */
export function abc(script: string, timeoutMs = 120_000): string {
  const r = spawnSync('berkeley-abc', ['-c', script], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return (r.stdout ?? '') + (r.stderr ?? '');
}

/** I/O counts from `print_stats` output. */
export function abcIo(out: string): { inputs: number; outputs: number } {
  const m = /i\/o\s*=\s*(\d+)\s*\/\s*(\d+)/.exec(out);
  if (!m) throw new Error(`no i/o counts in ABC output:\n${out}`);
  return { inputs: Number(m[1]), outputs: Number(m[2]) };
}

/** ABC's `cec` verdict. */
export function abcCecVerdict(out: string): 'equivalent' | 'different' | 'unknown' {
  if (/Networks are equivalent/i.test(out)) return 'equivalent';
  if (/NOT EQUIVALENT/i.test(out)) return 'different';
  return 'unknown';
}
