/**
 * `npm run bench -- fuzz [--mutants N] [--seed S] [--cli-every K]`: a seeded
 * fuzz run of every reader (AIGER ASCII and binary, BENCH, BLIF, IWLS .truth,
 * hex tables) and of extract's JSON, ONNX and QONNX readers, on mutants of the
 * files in test/fixtures.
 *
 * Every mutant is read IN-PROCESS by the entry the CLI uses (the format
 * table's reader, the truth parsers of spec-input, and for models the parser
 * plus extractBnn under a time limit) and classified: `ok`, a clean error (a
 * WaterlooError whose message names the file; `located` when it starts with
 * `file:line:col:`), or a failure: any other exception, an internal error, an
 * error that does not name the file, or a run over the per-input budget.
 * Every K-th mutant also goes through the real CLI (`stats`, `min`,
 * `extract`) under `prlimit --as` (4 GB) and a wall-clock limit: a failure
 * there is an exit code outside the command's contract, a stack trace, an
 * exit 3 that does not name the file, a kill (memory) or a hang.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaterlooError } from '../errors.js';
import { FORMATS } from '../io/formats.js';
import { parseHexTruth, parseIwlsTruth } from '../io/truth.js';
import { extractBnn } from '../learn/bnn/extract.js';
import { parseBnnJson } from '../learn/formats/bnn-json.js';
import type { BnnNetwork } from '../learn/bnn/network.js';
import { parseOnnx } from '../learn/formats/onnx-read.js';
import { decodeQonnx, isQonnxGraph } from '../learn/qnn/qonnx-read.js';
import { qonnxToIntNetwork } from '../learn/qnn/to-int-network.js';
import { Rng } from '../util/rng.js';
import { mutateBytes, mutateText } from './fuzz-mutate.js';

/** The formats fuzzed, by the extension their mutants are written with. */
export type FuzzFormatName = 'aag' | 'aig' | 'bench' | 'blif' | 'truth' | 'hex' | 'json' | 'onnx' | 'qonnx';

interface FuzzFormat {
  readonly name: FuzzFormatName;
  /** Mutated as bytes (binary formats) or as latin1 text with a dictionary. */
  readonly binary: boolean;
  readonly dictionary: readonly string[];
  /** Seed files under test/fixtures. */
  readonly seeds: (root: string) => Uint8Array[];
  /** Reads a mutant in-process as the CLI would; throws what the CLI would catch. */
  readonly read: (bytes: Uint8Array, file: string, budgetMs: number) => Promise<void>;
  /** CLI arguments for the mutant at `file` (`tmp` is a scratch directory). */
  readonly cli: (file: string, tmp: string) => string[];
  /** Exit codes the command's contract allows (3 must also name the file). */
  readonly cliExits: readonly number[];
}

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/** The `input.<ext>` files of every fixture case under `dir` (valid cases and `_error_` cases). */
function fixtureFiles(dir: string, name: (f: string) => boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const sub of [dir, join(dir, '_error_')]) {
    if (!existsSync(sub)) continue;
    for (const d of readdirSync(sub, { withFileTypes: true })) {
      if (!d.isDirectory() || d.name === '_error_') continue;
      for (const f of readdirSync(join(sub, d.name))) if (name(f)) out.push(readFileSync(join(sub, d.name, f)));
    }
  }
  return out;
}

async function extractModel(net: BnnNetwork, budgetMs: number): Promise<void> {
  await extractBnn(net, { timeLimitMs: budgetMs });
}

const CIRCUIT_DICTIONARY = ['\n', ' ', '0', '1', '2', '-1', '4294967296', '99999999999', 'aag', 'aig', 'INPUT(', 'OUTPUT(', 'AND(', 'LUT 0x', '.names', '.inputs', '.outputs', '.end', '.model', '.latch', '\\\n', '#', 'c\n', 'i0 a\n', '\u00e9'];
const TRUTH_DICTIONARY = ['\n', ' ', '0', '1', '-', 'inputs', 'inputs 24', 'inputs 99', 'care', '#', 'e8', 'ffffffffffffffff', '0x', '.i', '.o', '01', '\r\n'];
const JSON_DICTIONARY = ['{', '}', '[', ']', ',', ':', '"', '-', '0', '1', '1e308', '1048576', '65536', '-1048577', '0.5', 'null', 'true', '"sign"', '"step"', '"bipolar"', '"layers"', '"weights"', '"bias"', '[[4, 4, 1]]', '[1, 1, 1]', '\\u0000', '"inputs": 64', '1e400'];

const CIRCUIT_CLI = (file: string): string[] => ['stats', file];

/** Every fuzzed format. */
export const FUZZ_FORMATS: readonly FuzzFormat[] = [
  {
    name: 'aag',
    binary: true,
    dictionary: [],
    seeds: (root) => fixtureFiles(join(root, 'test/fixtures/aiger'), (f) => f.endsWith('.aag')),
    read: async (b, file) => void FORMATS.aag.read!(b, file),
    cli: CIRCUIT_CLI,
    cliExits: [0, 3],
  },
  {
    name: 'aig',
    binary: true,
    dictionary: [],
    seeds: (root) => [
      ...fixtureFiles(join(root, 'test/fixtures/aiger'), (f) => f.endsWith('.aig')),
      ...['c17', 'c432', 'int2float', 'ctrl'].map((n) => readFileSync(join(root, 'test/fixtures/abc-opt', `${n}.aig`))),
    ],
    read: async (b, file) => void FORMATS.aig.read!(b, file),
    cli: CIRCUIT_CLI,
    cliExits: [0, 3],
  },
  {
    name: 'bench',
    binary: false,
    dictionary: CIRCUIT_DICTIONARY,
    seeds: (root) => fixtureFiles(join(root, 'test/fixtures/bench'), (f) => f.endsWith('.bench')),
    read: async (b, file) => void FORMATS.bench.read!(b, file),
    cli: CIRCUIT_CLI,
    cliExits: [0, 3],
  },
  {
    name: 'blif',
    binary: false,
    dictionary: CIRCUIT_DICTIONARY,
    seeds: (root) => fixtureFiles(join(root, 'test/fixtures/blif'), (f) => f.endsWith('.blif')),
    read: async (b, file) => void FORMATS.blif.read!(b, file),
    cli: CIRCUIT_CLI,
    cliExits: [0, 3],
  },
  {
    name: 'truth',
    binary: false,
    dictionary: TRUTH_DICTIONARY,
    seeds: (root) => fixtureFiles(join(root, 'test/fixtures/truth'), (f) => f.endsWith('.truth')),
    read: async (b, file) => void parseIwlsTruth(latin1(b), { fileName: file }),
    // `min` reads the spec exactly as here; a size cap and a time limit keep the synthesis after it short
    cli: (file) => ['min', file, '--max-size', '2', '--timeout', '5'],
    cliExits: [0, 1, 3, 4],
  },
  {
    name: 'hex',
    binary: false,
    dictionary: TRUTH_DICTIONARY,
    seeds: (root) => fixtureFiles(join(root, 'test/fixtures/truth'), (f) => f.endsWith('.tt')),
    read: async (b, file) => void parseHexTruth(latin1(b), { fileName: file }),
    cli: (file) => ['min', file, '--max-size', '2', '--timeout', '5'],
    cliExits: [0, 1, 3, 4],
  },
  {
    name: 'json',
    binary: false,
    dictionary: JSON_DICTIONARY,
    seeds: (root) => [
      readFileSync(join(root, 'test/fixtures/nn/fa-sign.json')),
      // the network that crashed the threshold compiler (issue 15), and a two-layer step/sign one
      Buffer.from('{"format": "waterloo-bnn", "version": 1, "inputs": 3, "inputEncoding": "binary", "layers": [{"weights": [[4, 4, 1]], "bias": [-5], "activation": "step"}]}\n'),
      Buffer.from(
        '{"format": "waterloo-bnn", "version": 1, "inputs": 4, "inputEncoding": "bipolar", "inputNames": ["a", "b", "c", "d"],\n "layers": [\n  {"weights": [[1, -2, 3, 0], [2, 2, -1, 1]], "bias": [1, -3], "activation": "step"},\n  {"weights": [[1, -1]], "bias": [0], "activation": "sign"}\n ],\n "outputNames": ["y"]}\n',
      ),
      // wider, with large weights: 8 inputs, 3 + 2 neurons
      Buffer.from(
        '{"format": "waterloo-bnn", "version": 1, "inputs": 8, "inputEncoding": "binary",\n "layers": [\n  {"weights": [[65536, 3, -1, 1048576, 0, 2, -2, 1], [1, 1, 1, 1, 1, 1, 1, 1], [-3, 2, 0, 0, 5, -7, 1, 1]], "bias": [-65537, -4, 0], "activation": "sign"},\n  {"weights": [[1, 1, 1], [2, -1, 1]], "bias": [0, -1], "activation": "step"}\n ]}\n',
      ),
    ],
    read: async (b, file, budgetMs) => extractModel(parseBnnJson(Buffer.from(b).toString('utf8'), file), budgetMs),
    cli: (file, tmp) => ['extract', file, '--out', join(tmp, 'out.aag'), '--timeout', '5'],
    cliExits: [0, 3, 4],
  },
  {
    name: 'onnx',
    binary: true,
    dictionary: [],
    seeds: (root) => ['fa-sign.onnx', 'exact1-maj3-byhand.onnx'].map((f) => readFileSync(join(root, 'test/fixtures/nn', f))),
    read: async (b, file, budgetMs) => extractModel(await parseOnnx(b, file), budgetMs),
    cli: (file, tmp) => ['extract', file, '--out', join(tmp, 'out.aag'), '--timeout', '5'],
    cliExits: [0, 3, 4],
  },
  {
    // quantized (QONNX) models: decoded and folded into an integer network (TFC_1W1A is too slow a seed for 300 mutants)
    name: 'qonnx',
    binary: true,
    dictionary: [],
    seeds: (root) => ['small-bipolar-bn.onnx', 'small-quant-multithreshold.onnx'].map((f) => readFileSync(join(root, 'test/fixtures/qonnx', f))),
    read: async (b, file) => {
      const g = await decodeQonnx(b, file);
      if (isQonnxGraph(g)) qonnxToIntNetwork(g);
    },
    // the CLI reads models by extension: the mutant is copied next to itself as .onnx
    cli: (file, tmp) => {
      writeFileSync(`${file}.onnx`, readFileSync(file));
      return ['extract', `${file}.onnx`, '--out', join(tmp, 'out.aag'), '--timeout', '5'];
    },
    cliExits: [0, 3, 4],
  },
];

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  /** Repository root (for test/fixtures and dist/cli/main.js). */
  readonly root: string;
  readonly seed: number;
  /** Mutants per format. */
  readonly mutants: number;
  /** Every K-th mutant also runs through the CLI (0 = none). */
  readonly cliEvery: number;
  /** In-process budget per input (ms); extraction gets it as its time limit. */
  readonly budgetMs: number;
  /** Formats to run (default all). */
  readonly formats?: readonly FuzzFormatName[];
  readonly log?: (line: string) => void;
}

/** The bench command line's fuzz options (`--mutants N --seed S --cli-every K --budget MS --formats a,b`), with the defaults of the acceptance run. */
export function fuzzBenchOptions(argv: readonly string[]): Omit<FuzzOptions, 'root' | 'log'> {
  const num = (flag: string, dflt: number): number => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? Number(argv[i + 1]) : dflt;
    if (!Number.isInteger(v) || v < 0) throw new Error(`bench fuzz: ${flag} needs a non-negative integer`);
    return v;
  };
  const i = argv.indexOf('--formats');
  const formats = i >= 0 ? (argv[i + 1] ?? '').split(',') : undefined;
  const known = FUZZ_FORMATS.map((f) => f.name as string);
  if (formats?.some((f) => !known.includes(f))) throw new Error(`bench fuzz: --formats takes a comma-separated list of ${known.join(' ')}`);
  return {
    seed: num('--seed', 0xf0015),
    mutants: num('--mutants', 10_000),
    cliEvery: num('--cli-every', 200),
    budgetMs: num('--budget', 5000),
    ...(formats ? { formats: formats as FuzzFormatName[] } : {}),
  };
}

/** One failing mutant, with enough to reproduce it. */
export interface FuzzFailure {
  readonly format: FuzzFormatName;
  readonly index: number;
  readonly where: 'in-process' | 'cli';
  readonly what: string;
  /** The mutant, base64. */
  readonly input: string;
}

/** Figures of one format. */
export interface FuzzFormatStats {
  readonly format: FuzzFormatName;
  runs: number;
  ok: number;
  /** Clean errors, and those among them located at file:line:col. */
  clean: number;
  located: number;
  failures: number;
  maxMs: number;
  cliRuns: number;
  cliExits: Record<number, number>;
  cliFailures: number;
  cliMaxMs: number;
}

/** What {@link runFuzz} found. */
export interface FuzzReport {
  readonly seed: number;
  readonly stats: FuzzFormatStats[];
  readonly failures: FuzzFailure[];
}

const STACK = /\n\s+at |internal error/;
const CLI_MEMORY_BYTES = 4_000_000_000;
const CLI_WALL_MS = 60_000;

/** Classifies an in-process error: undefined when clean, else what is wrong. */
function classifyError(e: unknown, file: string): { located: boolean } | string {
  if (!(e instanceof WaterlooError)) return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`;
  if (e.code === 'internal' || e.name === 'InternalCheckError') return `internal error: ${e.message}`;
  if (!e.message.includes(file)) return `error does not name the file: ${e.constructor.name} ${e.code}: ${e.message}`;
  return { located: e.message.startsWith(`${file}:`) && /^[^\n]*:\d+:\d+: /.test(e.message) };
}

/** Runs the fuzz campaign; see the module doc. */
export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const log = o.log ?? (() => {});
  const cliPath = join(o.root, 'dist', 'cli', 'main.js');
  if (o.cliEvery > 0 && !existsSync(cliPath)) throw new Error('fuzz: dist/cli/main.js is missing; build first');
  const tmp = mkdtempSync(join(tmpdir(), 'waterloo-fuzz-'));
  const failures: FuzzFailure[] = [];
  const all: FuzzFormatStats[] = [];
  log(`fuzz: seed ${o.seed}, ${o.mutants} mutants per format, CLI every ${o.cliEvery || 'never'}, budget ${o.budgetMs} ms per input`);
  try {
    for (const f of FUZZ_FORMATS.filter((x) => !o.formats || o.formats.includes(x.name))) {
      const seeds = f.seeds(o.root);
      if (seeds.length === 0) throw new Error(`fuzz: no seed files for ${f.name}`);
      // one stream per format, so the mutants of a format do not depend on which others ran
      const rng = new Rng(o.seed ^ Math.imul(FUZZ_FORMATS.indexOf(f) + 1, 0x9e3779b1));
      const s: FuzzFormatStats = { format: f.name, runs: 0, ok: 0, clean: 0, located: 0, failures: 0, maxMs: 0, cliRuns: 0, cliExits: {}, cliFailures: 0, cliMaxMs: 0 };
      const fail = (index: number, where: FuzzFailure['where'], what: string, bytes: Uint8Array): void => {
        failures.push({ format: f.name, index, where, what, input: Buffer.from(bytes).toString('base64') });
        if (failures.length <= 20) log(`  FAIL ${f.name} #${index} (${where}): ${what.split('\n').slice(0, 4).join(' | ')}`);
      };
      for (let k = 0; k < o.mutants; k++) {
        let bytes = seeds[rng.below(seeds.length)]!;
        const rounds = 1 + rng.below(3);
        for (let r = 0; r < rounds; r++) bytes = f.binary ? mutateBytes(bytes, rng) : Buffer.from(mutateText(latin1(bytes), rng, f.dictionary), 'latin1');
        const file = `fuzz-${k}.${f.name}`;
        s.runs++;
        const t0 = performance.now();
        let bad: string | undefined;
        try {
          await f.read(bytes, file, o.budgetMs);
          s.ok++;
        } catch (e) {
          const c = classifyError(e, file);
          if (typeof c === 'string') bad = c;
          else {
            s.clean++;
            if (c.located) s.located++;
          }
        }
        const ms = performance.now() - t0;
        s.maxMs = Math.max(s.maxMs, ms);
        // extraction has the budget as its limit; allow it the time to stop and report
        if (bad === undefined && ms > 2 * o.budgetMs + 1000) bad = `took ${ms.toFixed(0)} ms (budget ${o.budgetMs} ms)`;
        if (bad !== undefined) {
          s.failures++;
          fail(k, 'in-process', bad, bytes);
        }
        if (o.cliEvery > 0 && k % o.cliEvery === 0) {
          const path = join(tmp, `m${k}.${f.name === 'hex' ? 'hex' : f.name}`);
          writeFileSync(path, bytes);
          const c0 = performance.now();
          const r = spawnSync('prlimit', [`--as=${CLI_MEMORY_BYTES}`, process.execPath, cliPath, ...f.cli(path, tmp)], { encoding: 'utf8', timeout: CLI_WALL_MS, maxBuffer: 1 << 26 });
          const cms = performance.now() - c0;
          s.cliRuns++;
          s.cliMaxMs = Math.max(s.cliMaxMs, cms);
          const code = r.status ?? -1;
          s.cliExits[code] = (s.cliExits[code] ?? 0) + 1;
          const stderr = r.stderr ?? '';
          let cliBad: string | undefined;
          if (r.error || r.signal) cliBad = `killed (${r.signal ?? String(r.error)}) after ${cms.toFixed(0)} ms`;
          else if (!f.cliExits.includes(code)) cliBad = `exit ${code}: ${stderr}`;
          else if (STACK.test(stderr)) cliBad = `stack trace or internal error (exit ${code}): ${stderr}`;
          else if (code === 3 && !stderr.includes(path)) cliBad = `exit 3 without the file name: ${stderr}`;
          if (cliBad !== undefined) {
            s.cliFailures++;
            fail(k, 'cli', cliBad, bytes);
          }
          rmSync(path, { force: true });
        }
      }
      all.push(s);
      log(
        `  ${f.name.padEnd(5)} runs ${s.runs}, ok ${s.ok}, clean errors ${s.clean} (${s.located} at file:line:col), failures ${s.failures}, max ${s.maxMs.toFixed(0)} ms` +
          (s.cliRuns ? `; CLI runs ${s.cliRuns}, exits ${JSON.stringify(s.cliExits)}, failures ${s.cliFailures}, max ${s.cliMaxMs.toFixed(0)} ms` : ''),
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const total = all.reduce((n, s) => n + s.failures + s.cliFailures, 0);
  log(`fuzz: ${all.reduce((n, s) => n + s.runs, 0)} in-process runs, ${all.reduce((n, s) => n + s.cliRuns, 0)} CLI runs, ${total} failures`);
  return { seed: o.seed, stats: all, failures };
}
