import { createServer } from 'node:http';
import {
  buildPageData,
  censusWindows,
  findFunctions,
  parseProvenanceMap,
  readCircuitFile,
  readInputFile,
  renderExplorerHtml,
  UsageError,
  writeFileAtomic,
  type FindFunctionsResult,
  type WindowMinimality,
} from '../../index.js';
import { basename } from 'node:path';
import { defineCommand, type CommandIo } from '../command.js';
import { timeoutOption } from '../options.js';
import { autoBasis } from './census-windows.js';

/** Serves one page on 127.0.0.1 until SIGINT or SIGTERM. */
async function serve(html: string, port: number, io: CommandIo): Promise<number> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/' && req.url !== '/index.html')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new UsageError(`explore: cannot listen on 127.0.0.1:${port} (${e.code})`) : e));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  io.err(`serving http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/ (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** `waterloo explore`: one self-contained HTML page to look at a circuit, its blocks and windows. */
export const exploreCommand = defineCommand({
  name: 'explore',
  summary: 'write one self-contained HTML page to explore a circuit: layers, blocks found by find, windows, neurons',
  usage: 'CIRCUIT [--find] [--windows] [--provenance MAP] [--out FILE.html] [--serve [--port P]]',
  description:
    'The page (no network access at view time: script, styles and data inlined) draws the circuit in layers, inputs at the bottom, ' +
    'with zoom, pan and search by name. --find lists the blocks `waterloo find` confirms (click one: its gates light up; click a gate: ' +
    'its blocks, its function over its fanins as a truth table, its NPN class). --windows runs `census-windows` (default k, --timeout) ' +
    'and colours the gates of non-minimal windows by size - minimum, with the verified smaller circuit on click and the proven minimum of the windows rooted at a gate. ' +
    '--provenance MAP groups the gates of an extracted network by layer and neuron, collapsed by default (click a box to open it); MAP is ' +
    'JSON {"format":"waterloo-provenance/1","gates":{"<node name>":"L<layer>.n<neuron>[.t<k>]"}}, layers and neurons from 1. ' +
    'Names and polarities as everywhere (`!n7`: the complement of the file\'s n7; unnamed gates g<index>). ' +
    'Without --out or --serve the page goes to stdout; --serve serves it on 127.0.0.1 until Ctrl-C.',
  options: {
    find: { type: 'boolean', help: 'run find and list its blocks' },
    windows: { type: 'boolean', help: 'run census-windows and colour the windows by saving' },
    timeout: timeoutOption('time limit of --windows in seconds (0 = none); windows not reached are unknown'),
    provenance: { type: 'string', help: 'neuron provenance map of an extracted network (JSON, see above)', metavar: 'MAP' },
    out: { type: 'string', help: 'write the page to FILE.html', metavar: 'FILE' },
    serve: { type: 'boolean', help: 'serve the page on 127.0.0.1 (for large circuits) until Ctrl-C' },
    port: { type: 'int', default: 8080, min: 0, max: 65535, help: 'port of --serve (0 = any free port)', metavar: 'P' },
    title: { type: 'string', help: 'page title (default: the file name)', metavar: 'TEXT' },
    from: { type: 'string', help: 'input format (needed for stdin "-")', metavar: 'FORMAT' },
  },
  async run(opts, args, io) {
    if (args.length !== 1) throw new UsageError('explore: expects exactly one CIRCUIT file');
    const file = args[0]!;
    const c = readCircuitFile(file, opts.from);
    const provenance = opts.provenance !== undefined ? parseProvenanceMap(readInputFile(opts.provenance).toString('utf8'), c, opts.provenance) : undefined;
    let found: FindFunctionsResult | undefined;
    if (opts.find) found = await findFunctions(c);
    let windows: readonly WindowMinimality[] | undefined;
    if (opts.windows) windows = (await censusWindows(c, { basis: autoBasis(c), timeLimitMs: Math.round(opts.timeout * 1000) })).windows;
    const data = buildPageData(c, {
      title: opts.title ?? basename(file),
      ...(found ? { matches: found.matches, disjointMatches: found.disjointMatches } : {}),
      ...(windows ? { windows } : {}),
      ...(provenance ? { provenance } : {}),
    });
    const html = renderExplorerHtml(data);
    if (opts.out !== undefined) {
      writeFileAtomic(opts.out, html);
      io.err(`explorer page written to ${opts.out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)\n`);
    }
    if (opts.serve) return serve(html, opts.port, io);
    if (opts.out === undefined) io.out(html);
    return 0;
  },
});
