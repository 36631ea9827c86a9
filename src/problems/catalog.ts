/**
 * The generated part of the data folder `problems/`: one JSON file per small
 * instance, `problems/<family>/<name with ':' replaced by '_'>.json`.
 * {@link renderProblemCatalog} builds the files in memory (the golden test
 * compares them with the disk); {@link writeProblemCatalog} writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { specToJson, type FunctionSpecJson } from '../tt/spec.js';
import { parseProblem } from './parse-problem.js';
import type { ProblemInstance } from './families.js';

/** Largest number of inputs of a catalogued instance. */
export const CATALOG_MAX_INPUTS = 6;

/** JSON form of a problem instance as stored in `problems/<family>/*.json`. */
export interface ProblemJson {
  readonly name: string;
  readonly family: string;
  readonly params: readonly number[];
  readonly description: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly spec: FunctionSpecJson;
}

/** Converts an instance to its stored JSON form. */
export function problemToJson(p: ProblemInstance): ProblemJson {
  return {
    name: p.name,
    family: p.family,
    params: p.params,
    description: p.description,
    inputNames: p.inputNames,
    outputNames: p.outputNames,
    spec: specToJson(p.spec),
  };
}

/** The names of the catalogued instances (all with at most {@link CATALOG_MAX_INPUTS} inputs), in a fixed order. */
export function catalogInstanceNames(): string[] {
  const out: string[] = [];
  for (let n = 2; n <= 6; n++) out.push(`and:${n}`, `or:${n}`, `xor:${n}`);
  for (const n of [3, 5]) out.push(`maj:${n}`);
  for (let n = 2; n <= 6; n++) for (let k = 1; k <= n; k++) out.push(`thr:${n}:${k}`);
  for (let n = 2; n <= 6; n++) for (let k = 0; k <= n; k++) out.push(`exact:${n}:${k}`);
  for (let n = 3; n <= 6; n++) for (let r = 0; r < 3; r++) out.push(`mod3:${n}:${r}`);
  for (let n = 4; n <= 6; n++) for (let r = 0; r < 4; r++) out.push(`mod:4:${n}:${r}`);
  for (let n = 2; n <= 6; n++) out.push(`sum:${n}`, `sort:${n}`);
  out.push('fa');
  for (let k = 1; k <= 3; k++) out.push(`add:${k}`, `mul:${k}`, `cmp:${k}`, `eq:${k}`);
  out.push('mux:1', 'mux:2');
  for (const p of [3, 5, 6, 7]) out.push(`addmod:${p}`);
  return out;
}

/** Relative path of an instance's file inside `problems/`. */
export function problemPath(p: ProblemInstance): string {
  return `${p.family}/${p.name.replaceAll(':', '_')}.json`;
}

/** JSON with 2-space indent, but arrays of numbers/strings/null kept on one line. */
function formatJson(v: unknown, indent = ''): string {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${v.map((x) => inner + formatJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    const inner = indent + '  ';
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** The generated files as relative path -> content (JSON, 2-space indent, short arrays on one line, trailing newline). */
export function renderProblemCatalog(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of catalogInstanceNames()) {
    const p = parseProblem(name);
    files.set(problemPath(p), formatJson(problemToJson(p)) + '\n');
  }
  return files;
}

/** Writes {@link renderProblemCatalog} under `dir` (e.g. the repository's `problems/`); returns the paths written. */
export function writeProblemCatalog(dir: string): string[] {
  const written: string[] = [];
  for (const [rel, text] of renderProblemCatalog()) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}
