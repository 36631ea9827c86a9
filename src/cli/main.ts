#!/usr/bin/env node
/**
 * The waterloo command line. A client of the public API only (src/index.ts).
 * Human text goes to stderr, results to stdout; exit codes in exit-codes.ts.
 */
import { WaterlooError } from '../api/errors.js';
import type { Command, CommandIo } from './command.js';
import { EXIT, exitCodeForError } from './exit-codes.js';
import { COMMON_OPTIONS, formatOptions, parseOptions, type OptionTable } from './options.js';

/**
 * Commands whose module imports a public API facet (src/api/) instead of the
 * whole library: running one of them loads only that module, which saves
 * start-up time (`waterloo eq` on c432: ~240 -> ~150 ms CPU). Every other
 * command, and --help, goes through the full table in commands/index.ts.
 */
const LIGHT_COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  eq: async () => (await import('./commands/eq.js')).eqCommand as unknown as Command,
};

/** The full command table (loads every command and the whole library). */
async function allCommands(): Promise<readonly Command[]> {
  return (await import('./commands/index.js')).COMMANDS;
}

function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'usage: waterloo <command> [options] [files]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Run 'waterloo <command> --help' for a command's options. 'waterloo --version' prints the version.",
    'Exit codes: 0 ok, 1 negative verdict, 2 usage, 3 bad input, 4 unknown/limit, 5 backend missing or failed, 70 internal error.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const table: OptionTable = { ...c.options, ...COMMON_OPTIONS };
  return [`usage: waterloo ${c.name} ${c.usage}`, '', c.summary + '.', ...(c.description ? ['', c.description] : []), '', 'options:', formatOptions(table), ''].join('\n');
}

/** How {@link runCli} runs a command. */
export interface RunCliOptions {
  /**
   * Run a command that has a time limit in a supervised child process and
   * hold the limit from outside (hard-limit.ts). The CLI entry does; in-process
   * callers (tests, embedders) do not by default.
   */
  readonly supervise?: boolean;
}

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo, options: RunCliOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage(await allCommands()));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    const { waterlooVersion } = await import('../api/version.js');
    io.out(waterlooVersion() + '\n');
    return EXIT.ok;
  }
  const light = Object.hasOwn(LIGHT_COMMANDS, name) ? LIGHT_COMMANDS[name] : undefined;
  const command = light ? await light() : (await allCommands()).find((c) => c.name === name);
  if (!command) {
    io.err(`waterloo: unknown command '${name}'\n\n${usage(await allCommands())}`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseOptions(command.name, { ...command.options, ...COMMON_OPTIONS }, rest);
    if ((values as { help: boolean }).help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    const limit = options.supervise ? command.hardLimitSeconds?.(values as never) : undefined;
    if (limit !== undefined && limit > 0) return await runUnderHardLimit(command.name, argv, limit, (values as { json?: boolean }).json === true, io);
    return await command.run(values as never, positionals, io);
  } catch (e) {
    const code = exitCodeForError(e);
    if (e instanceof WaterlooError && code !== EXIT.internal) {
      io.err(`waterloo ${command.name}: ${e.message}\n`);
      if (code === EXIT.usage) io.err(`(see 'waterloo ${command.name} --help')\n`);
    } else {
      // an InternalError's stack starts with its message, so nothing is lost by printing only the stack
      io.err(`waterloo ${command.name}: internal error (please report this):\n${(e as Error)?.stack ?? String(e)}\n`);
    }
    return code;
  }
}

/** Runs `argv` in a supervised child and stops it from outside at the limit (hard-limit.ts). */
async function runUnderHardLimit(name: string, argv: readonly string[], limitSeconds: number, json: boolean, io: CommandIo): Promise<number> {
  const { cliEntryPath, defaultCheckpoint, superviseChild } = await import('./hard-limit.js');
  const { hardStopGraceMs } = await import('../api/hard-stop.js');
  const limitMs = limitSeconds * 1000;
  const r = await superviseChild({ modulePath: cliEntryPath(), args: argv, limitMs });
  if (r.kind === 'exited') return r.code;
  if (r.kind === 'signalled') {
    io.err(`waterloo ${name}: the solving process was ended by ${r.signal}\n`);
    return r.signal === 'SIGINT' ? 130 : r.signal === 'SIGTERM' ? 143 : EXIT.internal;
  }
  const c = r.checkpoint ?? defaultCheckpoint(json, limitSeconds);
  io.out(c.stdout);
  io.err(
    `waterloo ${name}: time limit of ${limitSeconds} s: stopped from outside after ${(r.elapsedMs / 1000).toFixed(1)} s ` +
      `(the run did not stop by itself within ${(hardStopGraceMs(limitMs) / 1000).toFixed(1)} s of the limit); printed what was proven by then\n`,
  );
  return c.exitCode;
}

// realpathSync.native: one realpath(3) call instead of an lstat per path component
const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${(await import('node:fs')).realpathSync.native(process.argv[1])}`).href;
if (isMain) {
  // A reader that closed the pipe (`waterloo sim f | head -1`) wants no more output: end quietly, as
  // SIGPIPE ends C tools, with the code the command has set so far (0 while it runs).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      throw e;
    });
  }
  // the variable is HARD_LIMIT_CHILD_ENV of hard-limit.ts, spelt out so that an unsupervised start does not load that module
  const child = process.env['WATERLOO_HARD_LIMIT_CHILD'] === '1' ? (await import('./hard-limit.js')).childReporting() : undefined;
  const io: CommandIo = child
    ? {
        out: (s) => {
          child.printing();
          process.stdout.write(s);
        },
        err: (s) => process.stderr.write(s),
        checkpoint: (c) => child.checkpoint(c),
      }
    : { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  process.exitCode = await runCli(process.argv.slice(2), io, { supervise: child === undefined });
  child?.finish();
}
