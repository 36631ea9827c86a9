/**
 * Atomic file writes: write a sibling temporary file, then rename over the
 * target, so that readers see either the old or the complete new file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { WaterlooError } from '../errors.js';
import { cannotWriteMessage, fsErrorReason } from './fs-reason.js';
import { trackTempFile, untrackTempFile } from './temp-cleanup.js';

/** An output file that cannot be written (bad output path: exit 3); the message names the path. */
export class OutputFileError extends WaterlooError {
  override name = 'OutputFileError';
  declare readonly code: OutputFileErrorCode;
  constructor(message: string, code: OutputFileErrorCode) {
    super(message, code);
  }
}

/** Stable codes for {@link OutputFileError}. */
export type OutputFileErrorCode = 'unwritable';

/**
 * Writes `data` to `path` atomically: the temporary file has an unpredictable
 * name (crypto random) and is created exclusively (`wx`: it fails instead of
 * following a planted symlink or reusing a file), its data is fsynced before
 * the rename, and the directory after it (best effort). On any failure, or a
 * SIGINT/SIGTERM/SIGHUP during the write, the temporary file is removed.
 *
 * @throws OutputFileError code `unwritable` naming `path` and the reason
 *   (a directory, a missing or unwritable parent, ...).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    // a directory as target would be refused by rename only after the whole write
    if (statIsDirectory(path)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      // mkdir -p reports a regular file on the way as EEXIST
      throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }) : e;
    }
    const name = join(dir, `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
    fd = openSync(name, 'wx', 0o666);
    tmp = name;
    trackTempFile(tmp);
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    untrackTempFile(tmp);
    tmp = undefined;
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    if (tmp !== undefined) {
      rmSync(tmp, { force: true });
      untrackTempFile(tmp);
    }
    throw new OutputFileError(cannotWriteMessage(path, fsErrorReason(e)), 'unwritable');
  }
  syncDirectory(dir);
}

function statIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing (the usual case) or unreadable: the write itself reports it
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already failing; the first error is the one to report
  }
}

/** fsyncs a directory so the rename is durable; some file systems refuse, which is harmless. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}
