/**
 * `parseProblem('thr:5:3')`: resolves a problem name against
 * {@link PROBLEM_FAMILIES} and generates the instance.
 */
import { UsageError } from '../errors.js';
import { PROBLEM_FAMILIES, type FamilyInfo, type FamilyName, type ProblemInstance } from './families.js';

/** The family registered under `name` or one of its aliases (case-insensitive), or undefined. */
export function familyByName(name: string): FamilyInfo | undefined {
  const lower = name.toLowerCase();
  for (const info of Object.values(PROBLEM_FAMILIES)) {
    if (info.name === lower || info.aliases?.includes(lower)) return info;
  }
  return undefined;
}

/**
 * Parses `family:p1:p2...` (decimal parameters, in the order of the family's
 * syntax) and generates the instance. Throws UsageError with code
 * `unknown-problem` for an unknown family and `bad-problem` for a wrong
 * number of parameters or a value out of range; messages quote the syntax.
 */
export function parseProblem(text: string): ProblemInstance {
  const s = text.trim();
  const [fam = '', ...rest] = s.split(':');
  const info = familyByName(fam);
  if (info === undefined) {
    const known = Object.values(PROBLEM_FAMILIES).map((f) => f.syntax).join(', ');
    throw new UsageError(`unknown problem family '${fam}' in '${s}'; known: ${known}`, 'unknown-problem');
  }
  const bad = (why: string): never => {
    throw new UsageError(`${s}: ${why} (syntax ${info.syntax}: ${info.description})`, 'bad-problem');
  };
  if (rest.length !== info.params.length) {
    bad(`expected ${info.params.length} parameter(s), got ${rest.length}`);
  }
  const params = rest.map((r, i) => {
    const p = info.params[i]!;
    if (p.hexDigits !== undefined) {
      // at most 13 significant digits (52 bits) so the value is exact; the family's check bounds it further
      if (!/^[0-9a-fA-F]+$/.test(r) || r.replace(/^0+/, '').length > 13) return bad(`parameter ${p.name} must be a hex number of at most 13 significant digits, got '${r}'`);
      return parseInt(r, 16);
    }
    if (!/^\d+$/.test(r)) return bad(`parameter ${p.name} must be a non-negative integer, got '${r}'`);
    const v = Number(r);
    if (v < p.min) return bad(`parameter ${p.name} = ${v} is below its minimum ${p.min}`);
    return v;
  });
  const why = info.check(params);
  if (why !== undefined) bad(why);
  return { name: canonicalProblemName(info, params), family: info.name as FamilyName, params, ...info.generate(params) };
}

/** `family:p1:p2...`, decimal parameters as they are, hex ones lower-case with their family's number of digits. */
export function canonicalProblemName(info: FamilyInfo, params: readonly number[]): string {
  const spelled = params.map((v, i) => {
    const digits = info.params[i]?.hexDigits?.(params.slice(0, i));
    return digits === undefined ? String(v) : v.toString(16).padStart(digits, '0');
  });
  return [info.name, ...spelled].join(':');
}

/**
 * One item of a `--problem` list: a family (`thr`), a family with its leading
 * parameters (`mod3:5`), or a full instance name (`maj:5`).
 */
export interface ProblemItem {
  readonly family: FamilyInfo;
  /** The parameters given, in the family's order (all of them when `full`). */
  readonly params: readonly number[];
  /** Whether the item names one instance (then `name` is its canonical spelling). */
  readonly full: boolean;
  readonly name?: string;
}

/**
 * Parses one `--problem` item (see {@link ProblemItem}).
 * @throws UsageError `unknown-problem` for an unknown family (the message lists the known ones), `bad-problem` for bad parameters.
 */
export function parseProblemItem(item: string): ProblemItem {
  const s = item.trim();
  const [fam = '', ...rest] = s.split(':');
  const info = familyByName(fam);
  if (info === undefined || rest.length >= info.params.length) {
    const p = parseProblem(s); // the parser's message for unknown families and bad full names
    return { family: familyByName(p.family)!, params: p.params, full: true, name: p.name };
  }
  if (!rest.every((r) => /^\d+$/.test(r))) throw new UsageError(`--problem ${s}: parameters must be non-negative integers (syntax ${info.syntax})`, 'bad-problem');
  return { family: info, params: rest.map(Number), full: false };
}

/**
 * A comma-separated `--problem` list (as sweep, queue push and table take it), in the order given.
 * @throws UsageError as {@link parseProblemItem}, or for an empty list.
 */
export function parseProblemList(text: string): ProblemItem[] {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError('--problem: no problem given', 'bad-problem');
  return items.map(parseProblemItem);
}

/** Whether the instance (family, params) is one the item selects. */
export function problemItemMatches(item: ProblemItem, instance: { readonly family: string; readonly params: readonly number[] }): boolean {
  return instance.family === item.family.name && item.params.every((v, i) => instance.params[i] === v) && (!item.full || instance.params.length === item.params.length);
}
