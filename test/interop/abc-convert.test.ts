/**
 * Interoperability with ABC: every ISCAS'85 and EPFL circuit in circuits/,
 * converted by `waterloo convert` to .aig, .bench and .blif, is proved
 * equivalent to the original by ABC (`cec -n`), and ABC's print_stats sees
 * the same I/O counts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABC_AVAILABLE, ABC_MISSING_REASON, abc, abcCecVerdict, abcIo } from '../helpers/abc.js';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

const dirs = ['circuits/iscas85', 'circuits/epfl/arithmetic', 'circuits/epfl/random_control'];
const files = dirs.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.(bench|aig)$/.test(f))
    .map((f) => join(d, f)),
);

describe.skipIf(!ABC_AVAILABLE)(`waterloo convert vs ABC ${ABC_AVAILABLE ? '' : `(skipped: ${ABC_MISSING_REASON})`}`, () => {
  const dir = tempDir('waterloo-abc-');
  it('covers every ISCAS\'85 and EPFL circuit', () => {
    expect(files.length).toBe(11 + 10 + 10);
  });
  for (const file of files) {
    it(`${file} -> .aig .bench .blif is equivalent under ABC cec -n`, () => {
      const orig = join(ROOT, file);
      const ref = abcIo(abc(`read ${orig}; print_stats`));
      const base = file.replace(/[/.]/g, '_');
      for (const ext of ['aig', 'bench', 'blif']) {
        const out = join(dir, `${base}.${ext}`);
        const r = runWaterloo(['convert', orig, out]);
        expect(r.code, r.stderr).toBe(0);
        expect(abcIo(abc(`read ${out}; print_stats`)), `${ext} I/O counts`).toEqual(ref);
        const verdict = abcCecVerdict(abc(`cec -n ${orig} ${out}`, 600_000));
        expect(verdict, `${file} vs ${ext}`).toBe('equivalent');
      }
    }, 600_000);
  }
});
