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

/** The git state of the checkout waterloo runs from. */
export interface TreeState {
  /** Short revision of HEAD, or undefined outside a git checkout. */
  readonly rev?: string;
  /**
   * Tracked files that differ from HEAD, sorted. Files under results/ are not
   * counted: they are what waterloo writes, not the code that wrote them.
   */
  readonly changedFiles: readonly string[];
}

/** The git revision and uncommitted changes of the checkout at `root` (default: this package). */
export function gitTreeState(root: string = packageRoot()): TreeState {
  const git = (args: string[]): string => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  let rev: string, status: string;
  try {
    rev = git(['rev-parse', '--short', 'HEAD']).trim();
    status = git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)results']);
  } catch {
    return { changedFiles: [] };
  }
  // porcelain v1: two status letters, a space, then the path (`old -> new` for renames)
  const changedFiles = status.split('\n').filter((l) => l.length > 3).map((l) => l.slice(3).split(' -> ').pop()!).sort();
  return { rev, changedFiles };
}

/** `0.1.0+<git short rev>[-dirty]`, or just the package version outside a git checkout. */
export function waterlooVersion(): string {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const tree = gitTreeState(root);
  const rev = tree.rev === undefined ? '' : tree.rev + (tree.changedFiles.length ? '-dirty' : '');
  cached = rev ? `${pkg.version}+${rev}` : pkg.version;
  return cached;
}
