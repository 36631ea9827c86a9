/** The command table: every CLI command, in the order `waterloo --help` lists them. */
import type { Command } from '../command.js';
import { convertCommand } from './convert.js';
import { eqCommand } from './eq.js';
import { correspondCommand } from './correspond.js';
import { satCommand } from './sat.js';
import { problemCommand } from './problem.js';
import { basisCommand } from './basis.js';
import { npnCommand } from './npn.js';
import { minCommand } from './min.js';
import { censusCommand } from './census.js';
import { showCommand } from './show.js';
import { simCommand } from './sim.js';
import { statsCommand } from './stats.js';
import { improveCommand } from './improve.js';
import { findCommand } from './find.js';
import { censusWindowsCommand } from './census-windows.js';
import { tableCommand } from './table.js';
import { plotCommand } from './plot.js';
import { resultsCommand } from './results.js';
import { sweepCommand } from './sweep.js';
import { mergeCommand } from './merge.js';
import { queueCommand } from './queue.js';
import { extractCommand } from './extract.js';
import { trainCommand } from './train.js';
import { experimentCommand } from './experiment.js';

export const COMMANDS: readonly Command[] = [minCommand, censusCommand, improveCommand, statsCommand, simCommand, convertCommand, showCommand, eqCommand, correspondCommand, satCommand, problemCommand, basisCommand, npnCommand, findCommand, censusWindowsCommand, tableCommand, plotCommand, resultsCommand, sweepCommand, mergeCommand, queueCommand, extractCommand, trainCommand, experimentCommand] as unknown as readonly Command[];
