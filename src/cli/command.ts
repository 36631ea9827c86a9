/** The shape of one CLI command. */
import type { Checkpoint } from './hard-limit.js';
import type { OptionTable, ParsedOptions } from './options.js';

/** Where a command writes: stdout for results (JSON with --json), stderr for people. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * Under a hard time limit (see hard-limit.ts): what to print if the run is
   * stopped from outside now. A command calls it whenever it has proven more;
   * absent when nobody listens.
   */
  checkpoint?(c: Checkpoint): void;
}

/** A CLI command: its option table, usage and the function that runs it. */
export interface Command<T extends OptionTable = OptionTable> {
  readonly name: string;
  readonly summary: string;
  /** Usage line after `waterloo <name> `. */
  readonly usage: string;
  readonly options: T;
  /** Longer description printed by --help. */
  readonly description?: string;
  /**
   * The command's time limit in seconds under these options (0 or undefined:
   * none). The CLI then holds it from outside (hard-limit.ts).
   */
  hardLimitSeconds?(values: ParsedOptions<T>): number | undefined;
  run(values: ParsedOptions<T>, positionals: string[], io: CommandIo): Promise<number>;
}

/** Declares a command with its option types inferred from the table. */
export function defineCommand<T extends OptionTable>(c: Command<T>): Command<T> {
  return c;
}

/** Prints one JSON object on stdout. */
export function printJson(io: CommandIo, value: unknown): void {
  io.out(JSON.stringify(value) + '\n');
}
