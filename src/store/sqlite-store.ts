/**
 * The results store in one SQLite file (better-sqlite3, loaded on first use
 * so that commands without a store do not pay for the native module).
 *
 * Durability and concurrency: WAL journal (readers never block the writer),
 * a busy timeout so that several writer processes queue instead of failing,
 * and every `put` is one `BEGIN IMMEDIATE` transaction that reads the stored
 * record of the key and replaces it only by a better one. IMMEDIATE takes
 * the write lock before the read, so two processes cannot both decide to
 * write (a deferred read-then-write upgrade would fail with SQLITE_BUSY
 * without waiting). synchronous stays at SQLite's default (FULL), so a
 * committed record survives a crash of the process and of the machine.
 *
 * Layout: the full record as JSON (`record`) plus the columns queries filter
 * and sort on. The schema version is PRAGMA user_version; a file written by
 * a newer schema is refused rather than misread.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { BackendError, ValidationError, WaterlooError } from '../errors.js';
import { packageRoot } from '../version.js';
import { isBetterRecord } from './better-record.js';
import type { InstanceKey, ResultsStore, StoreQuery, StoreRecord } from './types.js';

/** Schema version written to PRAGMA user_version. */
export const STORE_SCHEMA_VERSION = 1;

/** Environment variable naming the store when `--store` is not given. */
export const STORE_ENV_VAR = 'WATERLOO_STORE';

/** How long a writer waits for another process's transaction (ms) before giving up. */
export const STORE_BUSY_TIMEOUT_MS = 30_000;

const SCHEMA = `
CREATE TABLE results (
  problem     TEXT    NOT NULL,
  basis       TEXT    NOT NULL,
  encoder     TEXT    NOT NULL,
  family      TEXT    NOT NULL,
  inputs      INTEGER NOT NULL,
  outputs     INTEGER NOT NULL,
  spec_key    TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  size        INTEGER,
  lower_bound INTEGER NOT NULL,
  solver      TEXT    NOT NULL,
  seconds     REAL    NOT NULL,
  version     TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  record      TEXT    NOT NULL,
  PRIMARY KEY (problem, basis, encoder)
);
CREATE INDEX results_family ON results (family, basis, encoder);
CREATE INDEX results_spec_key ON results (spec_key, basis);
`;

/** The store's file: `flag`, else $WATERLOO_STORE, else `<package root>/results/waterloo.db`; its directory is created. */
export function resolveStorePath(flag?: string): string {
  const env = process.env[STORE_ENV_VAR];
  const chosen = flag !== undefined && flag !== '' ? flag : env !== undefined && env !== '' ? env : join(packageRoot(), 'results', 'waterloo.db');
  const path = resolve(chosen);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new ValidationError(`cannot create the directory of the store ${path}: ${(e as Error).message}`, 'bad-store');
  }
  return path;
}

/** The SQLite store: a {@link ResultsStore} that can also put many records in one transaction (merges). */
export interface SqliteResultsStore extends ResultsStore {
  /** Puts every record as {@link ResultsStore.put} would, in one transaction; returns how many were stored. */
  putMany(records: readonly StoreRecord[]): number;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Refuse to create a new file (for stores that are read, e.g. merge inputs). */
  readonly mustExist?: boolean;
  /**
   * Open for reading only (tables, plots, merge inputs): the file is never
   * written, not even switched to WAL, so a store the user may read but not
   * write can be read; it must exist and be a waterloo store. `put` then fails.
   */
  readonly readonly?: boolean;
}

type DatabaseCtor = typeof BetterSqlite3;
let loaded: Promise<DatabaseCtor> | undefined;

function loadSqlite(): Promise<DatabaseCtor> {
  loaded ??= import('better-sqlite3').then(
    (m) => m.default,
    (e: unknown) => {
      loaded = undefined;
      throw new BackendError(`the results store needs the better-sqlite3 package, which failed to load: ${(e as Error).message}`, 'unavailable');
    },
  );
  return loaded;
}

/** Turns SQLite's errors into waterloo errors that name the file (exit code 3, no stack trace). */
function storeError(path: string, e: unknown): WaterlooError {
  if (e instanceof WaterlooError) return e;
  const code = (e as { code?: unknown }).code;
  const msg = (e as Error).message;
  switch (code) {
    case 'SQLITE_NOTADB':
      return new ValidationError(`${path}: not a waterloo results store (not a SQLite database)`, 'bad-store');
    case 'SQLITE_CORRUPT':
      return new ValidationError(`${path}: the store is corrupt (${msg})`, 'bad-store');
    case 'SQLITE_CANTOPEN':
      return new ValidationError(`${path}: cannot open the store (${msg})`, 'bad-store');
    case 'SQLITE_READONLY':
      return new ValidationError(`${path}: the store is open read-only or the file is not writable (${msg})`, 'store-readonly');
    case 'SQLITE_BUSY':
      return new ValidationError(`${path}: the store stayed locked by another process for ${STORE_BUSY_TIMEOUT_MS / 1000} s`, 'store-busy');
    default:
      return new ValidationError(`${path}: store error: ${msg}`, 'store-error');
  }
}

function guard<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw storeError(path, e);
  }
}

/**
 * Refuses a file that is not a waterloo store, using reads only, so that a
 * foreign SQLite file is left exactly as it was (no WAL switch, no schema).
 * An empty database passes unless `mustBeStore` (it becomes a store on migrate).
 */
function recognise(db: BetterSqlite3.Database, path: string, mustBeStore: boolean): void {
  const v = db.pragma('user_version', { simple: true }) as number;
  if (v > STORE_SCHEMA_VERSION) throw new ValidationError(`${path}: store schema version ${v} is newer than this waterloo's (${STORE_SCHEMA_VERSION}); upgrade waterloo`, 'bad-store');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  if (v === STORE_SCHEMA_VERSION && tables.includes('results')) return;
  if (tables.length > 0) throw new ValidationError(`${path}: a SQLite database but not a waterloo results store (tables: ${tables.join(', ')})`, 'bad-store');
  if (v !== 0) throw new ValidationError(`${path}: a SQLite database with user_version ${v} but no tables: not a waterloo results store`, 'bad-store');
  if (mustBeStore) throw new ValidationError(`${path}: an empty SQLite database, not a waterloo results store`, 'bad-store');
}

/** Creates the schema in an empty file, or checks the version of an existing one. */
function migrate(db: BetterSqlite3.Database, path: string): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  if (version() === STORE_SCHEMA_VERSION) return;
  db.transaction(() => {
    // read again under the write lock: another process may have just created it
    const v = version();
    if (v === STORE_SCHEMA_VERSION) return;
    if (v > STORE_SCHEMA_VERSION) {
      throw new ValidationError(`${path}: store schema version ${v} is newer than this waterloo's (${STORE_SCHEMA_VERSION}); upgrade waterloo`, 'bad-store');
    }
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    if (tables.length > 0) throw new ValidationError(`${path}: a SQLite database but not a waterloo results store (tables: ${tables.join(', ')})`, 'bad-store');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${STORE_SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * Opens (creating if needed, unless `mustExist` or `readonly`) the store at
 * `path`. The file is recognised as a store by reads alone before anything
 * is written to it. Throws ValidationError (code `bad-store`) for a file that
 * is not a waterloo store, BackendError (code `unavailable`) when
 * better-sqlite3 cannot be loaded.
 */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<SqliteResultsStore> {
  const Database = await loadSqlite();
  const abs = resolve(path);
  const readonly = options.readonly ?? false;
  const db = guard(abs, () => new Database(abs, { timeout: STORE_BUSY_TIMEOUT_MS, readonly, fileMustExist: readonly || (options.mustExist ?? false) }));
  try {
    guard(abs, () => {
      recognise(db, abs, readonly);
      if (readonly) return;
      db.pragma('journal_mode = WAL');
      migrate(db, abs);
    });
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db, abs);
}

interface Row {
  readonly record: string;
}

class SqliteStore implements SqliteResultsStore {
  private readonly getStmt: BetterSqlite3.Statement<[string, string, string], Row>;
  private readonly upsertStmt: BetterSqlite3.Statement<unknown[]>;
  private readonly putTx: (r: StoreRecord) => boolean;
  private readonly putManyTx: (rs: readonly StoreRecord[]) => number;

  constructor(
    private readonly db: BetterSqlite3.Database,
    readonly path: string,
  ) {
    this.getStmt = guard(path, () => db.prepare<[string, string, string], Row>('SELECT record FROM results WHERE problem = ? AND basis = ? AND encoder = ?'));
    this.upsertStmt = guard(path, () =>
      db.prepare(
        `INSERT OR REPLACE INTO results (problem, basis, encoder, family, inputs, outputs, spec_key, status, size, lower_bound, solver, seconds, version, created_at, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    );
    const putOne = (r: StoreRecord): boolean => {
      const row = this.getStmt.get(r.problem, r.basis, r.encoder);
      if (row !== undefined && !isBetterRecord(r, parseRecord(path, row))) return false;
      this.upsertStmt.run(
        r.problem, r.basis, r.encoder, r.family, r.inputs, r.outputs, r.specKey, r.status, r.size ?? null, r.lowerBound,
        r.solver, r.seconds, r.version, r.createdAt, JSON.stringify(r),
      );
      return true;
    };
    const tx = db.transaction(putOne);
    const txMany = db.transaction((rs: readonly StoreRecord[]) => rs.filter(putOne).length);
    this.putTx = (r) => tx.immediate(r);
    this.putManyTx = (rs) => txMany.immediate(rs);
  }

  get(key: InstanceKey): StoreRecord | undefined {
    const row = guard(this.path, () => this.getStmt.get(key.problem, key.basis, key.encoder));
    return row === undefined ? undefined : parseRecord(this.path, row);
  }

  has(key: InstanceKey): boolean {
    return this.get(key) !== undefined;
  }

  put(record: StoreRecord): boolean {
    checkRecord(record);
    return guard(this.path, () => this.putTx(record));
  }

  putMany(records: readonly StoreRecord[]): number {
    records.forEach(checkRecord);
    return guard(this.path, () => this.putManyTx(records));
  }

  list(query: StoreQuery = {}): StoreRecord[] {
    const { where, args } = whereClause(query);
    const rows = guard(this.path, () =>
      this.db.prepare<unknown[], Row>(`SELECT record FROM results ${where} ORDER BY family, inputs, problem, basis, encoder`).all(...args),
    );
    return rows.map((row) => parseRecord(this.path, row));
  }

  count(query: StoreQuery = {}): number {
    const { where, args } = whereClause(query);
    return guard(this.path, () => this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM results ${where}`).get(...args)!.n);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function whereClause(q: StoreQuery): { where: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const [col, v] of [['family', q.family], ['basis', q.basis], ['encoder', q.encoder], ['problem', q.problem], ['spec_key', q.specKey]] as const) {
    if (v === undefined) continue;
    parts.push(`${col} = ?`);
    args.push(v);
  }
  return { where: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, args };
}

function parseRecord(path: string, row: Row): StoreRecord {
  try {
    return JSON.parse(row.record) as StoreRecord;
  } catch {
    throw new ValidationError(`${path}: a stored record is not valid JSON (corrupt store)`, 'bad-store');
  }
}

/** Refuses records that would make the indexed columns lie (the JSON is trusted to match them). */
function checkRecord(r: StoreRecord): void {
  const str = (v: unknown): boolean => typeof v === 'string' && v !== '';
  if (!str(r.problem) || !str(r.basis) || !str(r.encoder) || !str(r.family) || !str(r.specKey) || !str(r.solver)) {
    throw new ValidationError(`store: record for ${String(r.problem)} lacks a key field`, 'bad-record');
  }
  if (r.status !== 'optimal' && r.status !== 'feasible' && r.status !== 'unknown') throw new ValidationError(`store: record for ${r.problem} has status '${String(r.status)}'`, 'bad-record');
  if (r.status !== 'unknown' && (r.size === undefined || r.circuit === undefined)) throw new ValidationError(`store: ${r.status} record for ${r.problem} has no circuit`, 'bad-record');
  if (!Number.isInteger(r.lowerBound) || (r.size !== undefined && r.lowerBound > r.size)) throw new ValidationError(`store: record for ${r.problem} has a bad lower bound`, 'bad-record');
}
