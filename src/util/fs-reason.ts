/**
 * One wording for file-system errors in messages: `cannot read PATH (reason)`
 * and `cannot write PATH (reason)` name the path and say what went wrong in
 * words, with the errno code for anything uncommon.
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a component of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EXDEV: 'cross-device link',
  EMFILE: 'too many open files',
  EBUSY: 'device or resource busy',
  EINVAL: 'invalid argument',
};

/** The reason of a file-system error in words (`is a directory`), else its code or message. */
export function fsErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return REASONS[code] ?? code;
  return e instanceof Error ? e.message : String(e);
}

/** `PATH: cannot read (reason)`: the message of every input file that cannot be read. */
export function cannotReadMessage(path: string, reason: string): string {
  return `${path}: cannot read (${reason})`;
}

/** `PATH: cannot write (reason)`: the message of every output file that cannot be written. */
export function cannotWriteMessage(path: string, reason: string): string {
  return `${path}: cannot write (${reason})`;
}
