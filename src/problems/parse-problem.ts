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
    if (!/^\d+$/.test(r)) return bad(`parameter ${p.name} must be a non-negative integer, got '${r}'`);
    const v = Number(r);
    if (v < p.min) return bad(`parameter ${p.name} = ${v} is below its minimum ${p.min}`);
    return v;
  });
  const why = info.check(params);
  if (why !== undefined) bad(why);
  return { name: [info.name, ...params].join(':'), family: info.name as FamilyName, params, ...info.generate(params) };
}
