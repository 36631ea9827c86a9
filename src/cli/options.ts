/**
 * Option tables, declared once per command: the parseArgs config, the help
 * text, range checks and the parsed value types all come from one table.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../api/errors.js';

/** One option's declaration. */
export type OptionSpec =
  | { readonly type: 'boolean'; readonly help: string; readonly short?: string }
  | { readonly type: 'string'; readonly help: string; readonly short?: string; readonly default?: string; readonly choices?: readonly string[]; readonly metavar?: string; readonly multiple?: boolean }
  | { readonly type: 'int' | 'number'; readonly help: string; readonly short?: string; readonly default?: number; readonly min?: number; readonly max?: number; readonly metavar?: string };

/** A command's option table. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** Parsed values of an option table. */
export type ParsedOptions<T extends OptionTable> = {
  [K in keyof T]: T[K] extends { type: 'boolean' }
    ? boolean
    : T[K] extends { type: 'int' | 'number'; default: number }
      ? number
      : T[K] extends { type: 'int' | 'number' }
        ? number | undefined
        : T[K] extends { type: 'string'; multiple: true }
          ? string[]
          : T[K] extends { type: 'string'; choices: readonly (infer C)[]; default: string }
            ? C
          : T[K] extends { type: 'string'; choices: readonly (infer C)[] }
            ? C | undefined
          : T[K] extends { type: 'string'; default: string }
            ? string
            : string | undefined;
};

/** Options every command has. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: 'print this help' },
} as const satisfies OptionTable;

/** `--timeout S`: a time limit in seconds, 0 = none unless `min` forbids it; `help` says what it limits. */
export function timeoutOption(help: string, defaultSeconds = 0, min = 0) {
  return { type: 'number', help, default: defaultSeconds, min, metavar: 'S' } as const;
}

/** `--json`: machine output on stdout; `help` says what the object holds. */
export function jsonOption(help = 'print one JSON object') {
  return { type: 'boolean', help } as const;
}

/** `--seed N`: the seed of a command's randomness (any 32-bit unsigned integer). */
export function seedOption(help: string, defaultSeed = 1) {
  return { type: 'int', help, default: defaultSeed, min: 0, max: 2 ** 32 - 1, metavar: 'N' } as const;
}

/** Parses argv against a table; errors are UsageErrors naming the command. */
export function parseOptions<T extends OptionTable>(
  command: string,
  table: T,
  argv: readonly string[],
): { values: ParsedOptions<T>; positionals: string[] } {
  const config: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(table)) {
    config[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
    if (spec.short) config[name]!.short = spec.short;
    if (spec.type === 'string' && spec.multiple) config[name]!.multiple = true;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const raw = (parsed.values as Record<string, unknown>)[name];
    if (spec.type === 'boolean') {
      values[name] = raw === true;
    } else if (spec.type === 'string') {
      if (spec.multiple) {
        values[name] = (raw as string[] | undefined) ?? [];
        continue;
      }
      const v = (raw as string | undefined) ?? spec.default;
      if (v !== undefined && spec.choices && !spec.choices.includes(v.toLowerCase())) {
        throw new UsageError(`${command}: --${name} must be one of ${spec.choices.join(', ')}, got '${v}'`);
      }
      values[name] = v !== undefined && spec.choices ? v.toLowerCase() : v;
    } else {
      if (raw === undefined) {
        values[name] = spec.default;
        continue;
      }
      const s = raw as string;
      const v = Number(s);
      if (s.trim() === '' || !Number.isFinite(v) || (spec.type === 'int' && !Number.isInteger(v))) {
        throw new UsageError(`${command}: --${name} expects ${spec.type === 'int' ? 'an integer' : 'a number'}, got '${s}'`);
      }
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
        throw new UsageError(`${command}: --${name} must be in ${spec.min ?? '-inf'}..${spec.max ?? 'inf'}, got ${v}`);
      }
      values[name] = v;
    }
  }
  return { values: values as ParsedOptions<T>, positionals: parsed.positionals };
}

/** Help text of an option table. */
export function formatOptions(table: OptionTable): string {
  const rows = Object.entries(table).map(([name, spec]) => {
    const meta = spec.type === 'boolean' ? '' : ` ${'metavar' in spec && spec.metavar ? spec.metavar : spec.type === 'string' ? 'S' : 'N'}`;
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${meta}`;
    const extra: string[] = [];
    if ('default' in spec && spec.default !== undefined) extra.push(`default ${spec.default}`);
    if ('choices' in spec && spec.choices) extra.push(`one of ${spec.choices.join('|')}`);
    if ('min' in spec && (spec.min !== undefined || spec.max !== undefined)) extra.push(`range ${spec.min ?? ''}..${spec.max ?? ''}`);
    return [flag, spec.help + (extra.length ? ` (${extra.join('; ')})` : '')] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`).join('\n');
}
