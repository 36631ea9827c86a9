/**
 * Shared options, declared once (issue 16): every command's `--backend` takes
 * the backends of the registry and refuses anything else before it runs, and
 * `--json`, `--timeout`, `--seed` and `--basis` have one shape everywhere.
 */
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES, BASES } from '../../src/index.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { OptionSpec } from '../../src/cli/options.js';
import { runWaterloo } from '../helpers/cli.js';

const optionOf = (name: string) =>
  COMMANDS.flatMap((c) => {
    const spec = (c.options as Record<string, OptionSpec | undefined>)[name];
    return spec === undefined ? [] : [[c.name, spec] as const];
  });

describe('shared CLI options', () => {
  it('every --backend offers auto and every registered backend, and validates against them', () => {
    const backends = optionOf('backend');
    expect(backends.length).toBeGreaterThanOrEqual(10);
    for (const [cmd, spec] of backends) {
      expect(spec, cmd).toMatchObject({ type: 'string', default: 'auto' });
      expect('choices' in spec ? spec.choices : undefined, cmd).toEqual(['auto', ...BACKEND_NAMES]);
    }
  });

  it('--json, --timeout and --seed have one shape in every command', () => {
    for (const [cmd, spec] of optionOf('json')) expect(spec.type, cmd).toBe('boolean');
    for (const [cmd, spec] of optionOf('timeout')) expect(spec, cmd).toMatchObject({ type: 'number', metavar: 'S' });
    for (const [cmd, spec] of optionOf('seed')) expect(spec, cmd).toMatchObject({ type: 'int', min: 0, max: 2 ** 32 - 1, metavar: 'N' });
  });

  it('every --basis with choices offers only bases of the table', () => {
    const cli = new Set(Object.values(BASES).map((b) => b.cli));
    for (const [cmd, spec] of optionOf('basis')) {
      const choices = 'choices' in spec ? spec.choices : undefined;
      if (choices === undefined) continue;
      for (const c of choices) if (c !== 'auto') expect(cli.has(c), `${cmd} --basis ${c}`).toBe(true);
    }
  });

  it('`eq --backend frob` is a usage error (exit 2) naming the choices, even when no solver would run', () => {
    const r = runWaterloo(['eq', '--backend', 'frob', 'circuits/iscas85/c17.bench', 'circuits/iscas85/c17.bench']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--backend must be one of auto, minisat, z3, cadical, cadical-cli, portfolio');
  });

  it('`eq --backend portfolio` is accepted (eq used to omit it)', () => {
    const r = runWaterloo(['eq', '--backend', 'portfolio', '--method', 'sat', 'circuits/iscas85/c17.bench', 'circuits/iscas85/c17.bench']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
