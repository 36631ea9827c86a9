/**
 * `npm run bench -- extract [MODEL] [--output scores|argmax|bits] [--seed S]`:
 * import + extraction + neuron-by-neuron proof of one model, in this process,
 * printing each phase's time and the peak resident memory. MODEL defaults to
 * test/fixtures/qonnx/TFC_1W1A.onnx when present (read through
 * readIntModel, i.e. the QONNX importer's hook), else a seeded random
 * network of TFC-1W1A's shape (784 bipolar inputs, 64-64-64, 10 scores).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCircuitFile } from '../io/formats.js';
import { extractIntNetwork } from '../learn/qnn/extract.js';
import type { IntOutputMode } from '../learn/qnn/compile.js';
import type { IntNetwork } from '../learn/qnn/network.js';
import { readIntModel } from '../learn/qnn/read-int-model.js';
import { tfcShapedNetwork } from '../learn/qnn/random-network.js';

/** Options of the extract bench, from the command line after the suite name. */
export interface ExtractBenchOptions {
  readonly model?: string;
  readonly output?: IntOutputMode;
  readonly seed: number;
}

/** Parses `[MODEL] [--output M] [--seed S]` (the suite name already removed by the caller's argv scan). */
export function extractBenchOptions(argv: readonly string[], root: string): ExtractBenchOptions {
  const at = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !['--output', '--seed', '--runs', '--only', '--timeout'].includes(argv[i - 1] ?? ''));
  const fixture = join(root, 'test', 'fixtures', 'qonnx', 'TFC_1W1A.onnx');
  const model = positional[1] ?? (existsSync(fixture) ? fixture : undefined);
  const output = at('--output') as IntOutputMode | undefined;
  return { ...(model ? { model } : {}), ...(output ? { output } : {}), seed: Number(at('--seed') ?? 1) };
}

/** Runs the bench and logs its figures. */
export async function benchExtract(o: ExtractBenchOptions, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  let net: IntNetwork;
  let what: string;
  if (o.model) {
    net = (await readIntModel(o.model)).network;
    what = o.model;
  } else {
    net = tfcShapedNetwork(o.seed);
    what = `random network of TFC-1W1A's shape (784 bipolar inputs, 64-64-64 bipolar, 10 scores, +-1 weights), seed ${o.seed}`;
  }
  const tImport = performance.now() - t0;
  const output = o.output ?? (net.argmax.valid && net.layers[net.layers.length - 1]!.activation.kind === 'scores' ? 'argmax' : undefined);
  const r = extractIntNetwork(net, output ? { output } : {});
  const dir = mkdtempSync(join(tmpdir(), 'waterloo-bench-extract-'));
  const t1 = performance.now();
  await writeCircuitFile(r.circuit, join(dir, 'out.aig'));
  const tWrite = performance.now() - t1;
  rmSync(dir, { recursive: true, force: true });
  const total = performance.now() - t0;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  log(`bench extract: ${what}`);
  log(`  output ${r.compiled.output}: ${r.circuit.numInputs} input bits, ${r.circuit.outputs.length} outputs, ${r.stats.gates} AIG gates`);
  log(`  proof: ${r.status} (${Object.entries(r.stats.methods).map(([m, n]) => `${n} ${m}`).join(', ')}${r.unproven.length ? `; ${r.unproven.length} unproven` : ''}), replayed on ${r.stats.replayed} random inputs`);
  log(`  import ${(tImport / 1000).toFixed(2)} s, compile ${(r.stats.compileMs / 1000).toFixed(2)} s, proof ${(r.stats.proofMs / 1000).toFixed(2)} s, cleanup+replay ${((r.stats.ms - r.stats.compileMs - r.stats.proofMs) / 1000).toFixed(2)} s, write ${(tWrite / 1000).toFixed(2)} s`);
  log(`  total ${(total / 1000).toFixed(2)} s, peak RSS ${rssMb.toFixed(0)} MB`);
  if (r.status !== 'proven') process.exitCode = 1;
}
