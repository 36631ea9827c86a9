/**
 * The sweep's progress on stderr: on a terminal one line redrawn in place
 * (bar, done/total, running, failed, ETA), refreshed every second so the
 * clock moves during long instances; elsewhere (logs, CI, tests) one plain
 * line per finished instance.
 */
import type { SweepProgress } from './sweep.js';

/** Formats seconds as `1:02:03`, `2:03` or `5 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0'), rr = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${rr}` : `${mm}:${rr}`;
}

/** One status line: `[=====>     ] 12/25 done (3 stored before), 2 running, 1 failed, ETA 0:34`. */
export function progressLine(p: SweepProgress, width = 24): string {
  const done = p.skipped + p.finished;
  const filled = p.total === 0 ? width : Math.floor((done / p.total) * width);
  const bar = '='.repeat(filled) + (filled < width ? '>' + ' '.repeat(width - filled - 1) : '');
  const eta = p.etaSeconds === undefined ? 'ETA ?' : `ETA ${formatDuration(p.etaSeconds)}`;
  return `[${bar}] ${done}/${p.total} done${p.skipped > 0 ? ` (${p.skipped} already stored)` : ''}, ${p.running} running${p.failed > 0 ? `, ${p.failed} failed` : ''}, ${eta}`;
}

/** What just finished, for the plain (non-terminal) output. */
function finishedLine(p: SweepProgress): string {
  const done = p.skipped + p.finished;
  const l = p.last!;
  const what = `${l.instance.problem} ${l.instance.basis} ${l.instance.encoder}`;
  const r = l.record;
  const outcome = r === undefined
    ? `FAILED: ${l.error ?? ''}`
    : `${r.status}${r.size !== undefined ? ` ${r.size}` : ''}${r.status !== 'optimal' ? ` (lower bound ${r.lowerBound})` : ''}, ${r.seconds.toFixed(2)} s`;
  return `[${done}/${p.total}] ${what}: ${outcome}; ${p.running} running, ETA ${p.etaSeconds === undefined ? '?' : formatDuration(p.etaSeconds)}`;
}

/** A progress reporter: `update` after every event, `stop` at the end (clears the timer, ends the line). */
export interface ProgressPrinter {
  update(p: SweepProgress): void;
  stop(): void;
}

/** Writes progress to `write`; `tty` selects in-place redraw. */
export function createProgressPrinter(write: (text: string) => void, tty: boolean): ProgressPrinter {
  let last: SweepProgress | undefined;
  let lastAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = (): void => {
    if (last === undefined) return;
    // ETA and elapsed move on between events
    const dt = (performance.now() - lastAt) / 1000;
    const p = { ...last, elapsedSeconds: last.elapsedSeconds + dt, etaSeconds: last.etaSeconds === undefined ? undefined : Math.max(0, last.etaSeconds - dt) };
    write(`\r\x1b[K${progressLine(p)}`);
  };
  return {
    update(p) {
      last = p;
      lastAt = performance.now();
      if (tty) {
        if (p.last?.error !== undefined) write(`\r\x1b[K${p.last.instance.problem} ${p.last.instance.basis}: FAILED: ${p.last.error}\n`);
        draw();
        timer ??= setInterval(draw, 1000).unref();
      } else if (p.last !== undefined) {
        write(finishedLine(p) + '\n');
      } else {
        write(`sweep: ${p.total} instance(s), ${p.skipped} already stored, ${p.total - p.skipped} to run\n`);
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (tty && last !== undefined) write('\n');
    },
  };
}
