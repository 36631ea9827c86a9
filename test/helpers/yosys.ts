/**
 * Test helpers (not a fixture): run the written Verilog through yosys and
 * prove it equivalent with ABC. Used by test/io/verilog*.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Circuit } from '../../src/core/circuit.js';
import { simulateTruthTables } from '../../src/core/simulate.js';
import { ttIsConst } from '../../src/tt/truth-table.js';

const hasTool = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const HAVE_YOSYS = hasTool('yosys', '-V');
const HAVE_ABC = spawnSync('berkeley-abc', ['-c', 'quit'], { stdio: 'ignore' }).status === 0;
/** Why the yosys round trips cannot run here ('' when they can). */
export const YOSYS_SKIP_REASON = !HAVE_YOSYS ? 'yosys is not installed (apt-get install yosys)' : !HAVE_ABC ? 'berkeley-abc is not installed' : '';

const tmp = mkdtempSync(join(tmpdir(), 'waterloo-verilog-'));
/** Removes the scratch directory (call from afterAll). */
export function removeYosysTmp(): void {
  rmSync(tmp, { recursive: true, force: true });
}

/** Runs yosys on the Verilog text; returns the path of the BLIF it wrote (escape backslashes removed). */
export function yosysToBlif(verilog: string, name: string, top: string): string {
  const v = join(tmp, `${name}.v`);
  const blif = join(tmp, `${name}.blif`);
  writeFileSync(v, verilog);
  execFileSync('yosys', ['-q', '-p', `read_verilog ${v}; synth -flatten -top ${top}; abc -g AND; opt_clean -purge; write_blif ${blif}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // yosys writes non-simple names in their escaped form (\22); ABC wants the plain name
  writeFileSync(blif, readFileSync(blif, 'utf8').replace(/\\/g, ''));
  return blif;
}

/** ABC's combinational equivalence check; byName matches ports by name (ABC's default), else by order (`cec -n`). */
export function abcCec(reference: string, impl: string, byName: boolean): string {
  return execFileSync('berkeley-abc', ['-c', `cec ${byName ? '' : '-n '}${reference} ${impl}`], { encoding: 'utf8' });
}

/** A BLIF reference with one sum of minterms per output over all inputs, from exhaustive simulation. */
export function truthTableReference(c: Circuit, name: string): string {
  const tts = simulateTruthTables(c);
  const lines = ['.model reference', `.inputs ${c.inputNames.join(' ')}`, `.outputs ${c.outputNames.join(' ')}`];
  c.outputNames.forEach((n, j) => {
    const tt = tts[j]!;
    if (ttIsConst(tt)) {
      // ABC wants constants without fanins
      lines.push(`.names ${n}`, ...(tt.get(0) ? ['1'] : []));
      return;
    }
    lines.push(`.names ${[...c.inputNames, n].join(' ')}`);
    for (let m = 0; m < tt.numBits; m++) {
      if (!tt.get(m)) continue;
      let cube = '';
      for (let i = 0; i < c.numInputs; i++) cube += (m >>> i) & 1 ? '1' : '0';
      lines.push(`${cube} 1`);
    }
  });
  lines.push('.end');
  const path = join(tmp, `${name}.ref.blif`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
