/**
 * Reading input files with a bound. `readFileSync` reads until end of file,
 * so `/dev/zero`, a FIFO that never closes or a huge file would grow the
 * process without limit: every input the CLI reads goes through
 * {@link readInputFile}, which refuses anything that is not a regular file
 * (after following symlinks) and files over a size limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError, WaterlooError } from '../errors.js';
import { cannotReadMessage, fsErrorReason } from './fs-reason.js';

/** Thrown when an input file cannot be read at all (missing, not a regular file, over the size limit). */
export class InputFileError extends WaterlooError {
  override name = 'InputFileError';
  declare readonly code: InputFileErrorCode;
  constructor(message: string, code: InputFileErrorCode) {
    super(message, code);
  }
}

/** Stable codes for {@link InputFileError}: `unreadable` (missing, no permission, not a regular file), `too-large`, `empty` (nothing to do in it). */
export type InputFileErrorCode = 'unreadable' | 'too-large' | 'empty';

/** Default largest input file, in bytes (1 GiB). */
export const DEFAULT_MAX_INPUT_BYTES = 2 ** 30;

/** Environment variable that raises (or lowers) the input size limit, in bytes. */
export const MAX_INPUT_BYTES_ENV = 'WATERLOO_MAX_INPUT_BYTES';

/** The input size limit: $WATERLOO_MAX_INPUT_BYTES when set, else {@link DEFAULT_MAX_INPUT_BYTES}. */
export function maxInputBytes(): number {
  const v = process.env[MAX_INPUT_BYTES_ENV];
  if (v === undefined || v === '') return DEFAULT_MAX_INPUT_BYTES;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${MAX_INPUT_BYTES_ENV} must be a positive whole number of bytes, got '${v}'`, 'bad-env');
  return n;
}

/** Options of {@link readInputFile}. */
export interface ReadInputOptions {
  /** Largest accepted size in bytes (default {@link maxInputBytes}). */
  readonly maxBytes?: number;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a FIFO, not a regular file';
  if (st.isCharacterDevice()) return 'is a character device, not a regular file';
  if (st.isBlockDevice()) return 'is a block device, not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

function tooLarge(path: string, maxBytes: number): InputFileError {
  return new InputFileError(cannotReadMessage(path, `larger than the input limit of ${maxBytes} bytes; raise it with ${MAX_INPUT_BYTES_ENV}`), 'too-large');
}

/**
 * Reads a whole input file; `-` reads stdin. The file must be a regular file
 * (symlinks followed; devices, FIFOs and directories are refused) of at most
 * `maxBytes` bytes; stdin is read up to the same limit.
 *
 * @throws InputFileError `unreadable` (missing, no permission, not a regular
 *   file) or `too-large`, with a message naming the path.
 */
export function readInputFile(path: string, opts: ReadInputOptions = {}): Buffer {
  const maxBytes = opts.maxBytes ?? maxInputBytes();
  if (path === '-') return readBounded(0, '<stdin>', maxBytes);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputFileError(cannotReadMessage(path, fsErrorReason(e)), 'unreadable');
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputFileError(cannotReadMessage(path, kindOf(st)), 'unreadable');
    if (st.size > maxBytes) throw tooLarge(path, maxBytes);
    return readBounded(fd, path, maxBytes, st.size);
  } finally {
    closeSync(fd);
  }
}

/** Reads fd to its end, refusing more than maxBytes (a file may grow while it is read). */
function readBounded(fd: number, path: string, maxBytes: number, sizeHint = 1 << 16): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  let len = 0;
  for (;;) {
    if (len === buf.length) {
      if (len > maxBytes) throw tooLarge(path, maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, 2 * buf.length));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    let n: number;
    try {
      n = readSync(fd, buf, len, buf.length - len, null);
    } catch (e) {
      throw new InputFileError(cannotReadMessage(path, fsErrorReason(e)), 'unreadable');
    }
    if (n === 0) break;
    len += n;
  }
  if (len > maxBytes) throw tooLarge(path, maxBytes);
  return buf.subarray(0, len);
}
