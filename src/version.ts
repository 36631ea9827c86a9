/** The version string recorded in results: package version plus git revision when known. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** Root folder of the installed package (the folder holding package.json). */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

/** `0.1.0+<git short rev>[-dirty]`, or just the package version outside a git checkout. */
export function waterlooVersion(): string {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let rev = '';
  try {
    rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (dirty) rev += '-dirty';
  } catch {
    rev = '';
  }
  cached = rev ? `${pkg.version}+${rev}` : pkg.version;
  return cached;
}
