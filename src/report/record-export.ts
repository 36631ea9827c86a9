/**
 * The text form of a results store: one record per line (JSON), in table
 * order, so that a store kept in git shows readable diffs. Tables and plots
 * read it as they read a SQLite store.
 */
import { existsSync } from 'node:fs';
import { ValidationError } from '../errors.js';
import { readInputFile } from '../util/read-input.js';
import { sortRecords } from './result-table.js';
import { openStore } from '../store/sqlite-store.js';
import type { StoreRecord } from '../store/types.js';
import { recordLabel, verifyRecord } from '../store/verify-record.js';

/** Reads a JSON-lines record export (absent file: no records); a line that is not JSON is an error naming its line. */
export function readRecordExport(path: string): StoreRecord[] {
  if (!existsSync(path)) return [];
  return parseRecordExport(path, readInputFile(path).toString('utf8'));
}

/** Parses the text of a JSON-lines record export; `path` names it in messages. */
function parseRecordExport(path: string, text: string): StoreRecord[] {
  const out: StoreRecord[] = [];
  text
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as StoreRecord);
      } catch (e) {
        throw new ValidationError(`${path}:${i + 1}: not a JSON record: ${(e as Error).message}`, 'bad-record');
      }
    });
  return out;
}

/** The export text: one record per line, in table order. */
export function formatRecordExport(records: readonly StoreRecord[]): string {
  return sortRecords(records).map((r) => JSON.stringify(r) + '\n').join('');
}

/**
 * The records of an export that pass {@link verifyRecord}, and the refused
 * ones named by file line, instance and reason (an export is text anyone may
 * have edited, so each record is re-checked before it is used or stored).
 */
export function verifyRecordExport(path: string, records: readonly StoreRecord[]): { accepted: StoreRecord[]; refused: string[] } {
  const accepted: StoreRecord[] = [];
  const refused: string[] = [];
  records.forEach((r, i) => {
    const check = verifyRecord(r);
    if (check.ok) accepted.push(r);
    else refused.push(`${path}: record ${i + 1}, ${recordLabel(r)} refused: ${check.reason}`);
  });
  return { accepted, refused };
}

/**
 * Every record of a store: a `.jsonl` export (each record re-checked: a
 * refused one is a ValidationError naming it), or a SQLite store (which must
 * exist; opened read-only, so the file is left untouched).
 */
export async function loadRecords(path: string): Promise<StoreRecord[]> {
  if (path.endsWith('.jsonl')) {
    // a missing export is an error here (readRecordExport takes it as empty): the one "cannot read" error
    const { accepted, refused } = verifyRecordExport(path, parseRecordExport(path, readInputFile(path).toString('utf8')));
    if (refused.length) throw new ValidationError(refused.join('\n'), 'bad-record');
    return accepted;
  }
  const store = await openStore(path, { readonly: true });
  try {
    return store.list();
  } finally {
    store.close();
  }
}
