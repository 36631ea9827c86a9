/**
 * Where `--proof DIR` puts the DRAT proofs of one run. Every run writes into
 * a fresh subdirectory `DIR/run-<time>-<random>`, created exclusively (mkdtemp),
 * so a second run never overwrites or mixes with the proofs of an earlier
 * one, and a symlink planted at `DIR/proof-1.drat` is never written through.
 * Paths are absolute, so a DIR starting with `-` cannot reach a solver's
 * command line as an option.
 */
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OutputFileError } from '../util/atomic-write.js';
import { cannotWriteMessage, fsErrorReason } from '../util/fs-reason.js';

/**
 * Creates DIR when missing (mkdir -p) and a fresh run directory in it; returns
 * the run directory's absolute path.
 *
 * @throws OutputFileError code `unwritable` naming DIR when it is not a
 *   directory or cannot be created or written.
 */
export function createProofRunDir(dir: string): string {
  const abs = resolve(dir);
  try {
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) mkdirSync(abs, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    return mkdtempSync(join(abs, `run-${stamp}-`));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // mkdir -p says EEXIST when DIR (or a parent) is a regular file
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'not a directory' : fsErrorReason(e);
    throw new OutputFileError(cannotWriteMessage(dir, `proof directory: ${reason}`), 'unwritable');
  }
}

/** Creates the empty proof file `runDir/proof-N.drat` exclusively ('wx') and returns its path. */
export function createProofFile(runDir: string, n: number): string {
  const path = join(runDir, `proof-${n}.drat`);
  try {
    writeFileSync(path, '', { flag: 'wx' });
  } catch (e) {
    throw new OutputFileError(cannotWriteMessage(path, fsErrorReason(e)), 'unwritable');
  }
  return path;
}

/**
 * Makes the proof file OUT of `waterloo sat --proof OUT` ready for a solver
 * to write: its folder is created when missing (mkdir -p, as every output
 * file's is) and the file is created empty, so that a path that cannot be
 * written is an OutputFileError naming it before anything is solved, not a
 * solver's failure afterwards.
 *
 * @throws OutputFileError code `unwritable` naming OUT.
 */
export function prepareProofFile(path: string): void {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputFileError(cannotWriteMessage(path, code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent is not a directory' : fsErrorReason(e)), 'unwritable');
  }
}
