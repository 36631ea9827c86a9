/** The command table: every CLI command, in the order `waterloo --help` lists them. */
import type { Command } from '../command.js';
import { convertCommand } from './convert.js';
import { eqCommand } from './eq.js';
import { satCommand } from './sat.js';
import { showCommand } from './show.js';
import { simCommand } from './sim.js';
import { statsCommand } from './stats.js';

export const COMMANDS: readonly Command[] = [statsCommand, simCommand, convertCommand, showCommand, eqCommand, satCommand] as unknown as readonly Command[];
