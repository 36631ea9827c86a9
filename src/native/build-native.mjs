#!/usr/bin/env node
// Optional install step: builds the in-process CaDiCaL addon
// (build/Release/cadical_addon.node) from src/native/cadical-addon.cc when a
// C++ compiler, the Node-API headers and CaDiCaL (header + library, e.g. the
// Debian package libcadical-dev) are present. Otherwise prints one line saying
// it is skipped and exits 0: it never fails `npm install`.
//
// It calls the compiler directly (no node-gyp needed). binding.gyp describes
// the same build for `npx node-gyp rebuild`.
//
// Environment overrides: CXX, CADICAL_INCLUDE_DIR, CADICAL_LIB_DIR,
// WATERLOO_SKIP_NATIVE=1 (skip), WATERLOO_NATIVE_VERBOSE=1 (print commands).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const source = join(here, 'cadical-addon.cc');
const outDir = join(root, 'build', 'Release');
const output = join(outDir, 'cadical_addon.node');
const verbose = process.env.WATERLOO_NATIVE_VERBOSE === '1';

function skip(reason) {
  console.log(`waterloo: native CaDiCaL addon skipped (${reason})`);
  process.exit(0);
}

function firstExisting(paths) {
  return paths.find((p) => p !== undefined && existsSync(p));
}

try {
  if (process.env.WATERLOO_SKIP_NATIVE === '1') skip('WATERLOO_SKIP_NATIVE=1');
  if (!existsSync(source)) skip('addon source not found');

  const includeDirs = [process.env.CADICAL_INCLUDE_DIR, '/usr/include', '/usr/local/include', '/opt/homebrew/include'];
  const headerDir = includeDirs.find((d) => d !== undefined && existsSync(join(d, 'cadical.hpp')));
  if (headerDir === undefined) skip('cadical.hpp not found; apt-get install libcadical-dev');

  const libDirs = [
    process.env.CADICAL_LIB_DIR,
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib',
    '/usr/local/lib',
    '/opt/homebrew/lib',
  ].filter((d) => d !== undefined);
  const library = firstExisting(
    libDirs.flatMap((d) => [join(d, 'libcadical.a'), join(d, 'libcadical.so'), join(d, 'libcadical.dylib')]),
  );
  if (library === undefined) skip('libcadical not found; apt-get install libcadical-dev');

  const nodeDirs = [process.env.npm_config_nodedir, resolve(dirname(process.execPath), '..')].filter(
    (d) => d !== undefined && d !== '',
  );
  const nodeInclude = nodeDirs
    .map((d) => join(d, 'include', 'node'))
    .find((d) => existsSync(join(d, 'node_api.h')));
  if (nodeInclude === undefined) skip('Node-API headers (node_api.h) not found');

  const cxx = process.env.CXX ?? 'g++';
  const probe = spawnSync(cxx, ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) skip(`C++ compiler '${cxx}' not found`);

  mkdirSync(outDir, { recursive: true });
  const args = [
    '-std=c++14',
    '-O2',
    '-fPIC',
    '-shared',
    '-DNODE_GYP_MODULE_NAME=cadical_addon',
    '-DNAPI_VERSION=8',
    `-I${nodeInclude}`,
    ...(headerDir === '/usr/include' ? [] : [`-I${headerDir}`]),
    source,
    '-o',
    output,
    library,
    '-pthread',
  ];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  if (verbose) console.log([cxx, ...args].join(' '));
  const built = spawnSync(cxx, args, { encoding: 'utf8' });
  if (built.error !== undefined || built.status !== 0) {
    rmSync(output, { force: true });
    const first = `${built.stderr ?? ''}`.split('\n').find((l) => l.includes('error')) ?? 'compiler failed';
    if (verbose) console.log(built.stderr);
    skip(`compile failed: ${first.trim().slice(0, 160)}`);
  }

  // Load it in a child process so a broken binary cannot crash this script.
  const load = spawnSync(
    process.execPath,
    ['-e', `const a=require(${JSON.stringify(output)});if(typeof a.version()!=='string')process.exit(1)`],
    { encoding: 'utf8' },
  );
  if (load.status !== 0) {
    rmSync(output, { force: true });
    skip(`built addon does not load: ${`${load.stderr}`.split('\n')[0]?.slice(0, 160)}`);
  }
  console.log(`waterloo: built native CaDiCaL addon (${output})`);
} catch (err) {
  skip(`unexpected error: ${err instanceof Error ? err.message : String(err)}`);
}
