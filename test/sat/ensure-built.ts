/**
 * Worker threads run compiled JavaScript from dist/. `npm test` builds first;
 * when the tests are run directly (`npx vitest run test/sat`), this helper
 * rebuilds dist/ if any src/sat file is newer than the compiled worker entry.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when dist/sat/worker-entry.js is missing or older than src/sat. */
export function ensureBuilt(): void {
  const entry = join(ROOT, 'dist', 'sat', 'worker-entry.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(ROOT, 'src', 'sat'))) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // tsc exits non-zero on type errors elsewhere but still emits; the entry check below decides.
  }
  if (!existsSync(entry)) throw new Error('build failed: dist/sat/worker-entry.js missing');
}
