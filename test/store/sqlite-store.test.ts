import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { isBetterRecord } from '../../src/store/better-record.js';
import { mergeStores } from '../../src/store/merge.js';
import { openStore, resolveStorePath, STORE_ENV_VAR } from '../../src/store/sqlite-store.js';
import type { ResultsStore, StoreRecord } from '../../src/store/types.js';
import { packageRoot } from '../../src/version.js';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';
import { fakeRecord } from './fake-record.js';
import { verifiedRecord } from './verified-record.js';

const opened: ResultsStore[] = [];
async function open(path: string): Promise<ResultsStore> {
  const s = await openStore(path);
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const project = (r: StoreRecord | undefined) => r && { problem: r.problem, status: r.status, size: r.size, lowerBound: r.lowerBound };

describe('SQLite results store', () => {
  it('round-trips records, filters by query, and persists across reopening', async () => {
    const path = join(tempDir(), 'r.db');
    const s = await open(path);
    const a = fakeRecord('maj:3', 'optimal', 4, 4);
    const b = fakeRecord('thr:3:1', 'feasible', 3, 2, { basis: 'U2' });
    const c = fakeRecord('maj:5', 'unknown', undefined, 7, { encoder: 'fence' });
    expect([s.put(a), s.put(b), s.put(c)]).toEqual([true, true, true]);
    expect(s.get(a)).toEqual(a);
    expect(s.get({ problem: 'maj:3', basis: 'U2', encoder: 'ssv' })).toBeUndefined();
    expect(s.has(b)).toBe(true);
    expect(s.count()).toBe(3);
    expect(s.list({ family: 'maj' }).map((r) => r.problem)).toEqual(['maj:3', 'maj:5']);
    expect(s.count({ basis: 'U2' })).toBe(1);
    expect(s.list({ encoder: 'fence', family: 'maj' })).toEqual([c]);
    s.close();
    const t = await open(path);
    expect(t.get(c)).toEqual(c);
    expect(t.count()).toBe(3);
  });

  it('keeps the better record per key whatever the order of the puts', async () => {
    const worse = [
      fakeRecord('maj:5', 'unknown', undefined, 5),
      fakeRecord('maj:5', 'unknown', undefined, 7),
      fakeRecord('maj:5', 'feasible', 12, 6),
      fakeRecord('maj:5', 'feasible', 10, 6),
      fakeRecord('maj:5', 'feasible', 10, 8),
    ];
    const best = fakeRecord('maj:5', 'optimal', 10, 10);
    const all = [...worse, best];
    // every record but the best loses to a later one in this list
    for (let i = 0; i + 1 < all.length; i++) {
      expect(isBetterRecord(all[i + 1]!, all[i]!)).toBe(true);
      expect(isBetterRecord(all[i]!, all[i + 1]!)).toBe(false);
    }
    const dir = tempDir();
    const orders = [all, [...all].reverse(), [all[3]!, best, all[0]!, all[4]!, all[1]!, all[2]!]];
    for (const [k, order] of orders.entries()) {
      const s = await open(join(dir, `o${k}.db`));
      for (const r of order) s.put(r);
      expect(project(s.get(best))).toEqual(project(best));
      expect(s.count()).toBe(1);
    }
    const s = await open(join(dir, 'eq.db'));
    expect(s.put(best)).toBe(true);
    expect(s.put({ ...best, host: 'other' })).toBe(false); // equal quality: the first stays
    expect(s.get(best)!.host).toBe('test');
  });

  it('refuses records with a missing key field or a circuit-less optimal status', async () => {
    const s = await open(join(tempDir(), 'v.db'));
    expect(() => s.put({ ...fakeRecord('maj:3', 'optimal', 4, 4), problem: '' })).toThrow(ValidationError);
    const { circuit: _c, ...noCircuit } = fakeRecord('maj:3', 'optimal', 4, 4);
    expect(() => s.put(noCircuit as StoreRecord)).toThrow(ValidationError);
    expect(s.count()).toBe(0);
  });

  it('rejects files that are not waterloo stores with a clear ValidationError (code bad-store)', async () => {
    const dir = tempDir();
    const text = join(dir, 'text.db');
    writeFileSync(text, 'this is not a database, just some text that is long enough to have a header...\n'.repeat(20));
    await expect(openStore(text)).rejects.toMatchObject({ name: 'ValidationError', code: 'bad-store' });
    const { default: Database } = await import('better-sqlite3');
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expect(openStore(foreign)).rejects.toMatchObject({ code: 'bad-store', message: expect.stringMatching(/not a waterloo results store/) });
    const newer = join(dir, 'newer.db');
    const db2 = new Database(newer);
    db2.pragma('user_version = 99');
    db2.close();
    await expect(openStore(newer)).rejects.toMatchObject({ code: 'bad-store', message: expect.stringMatching(/newer/) });
    await expect(openStore(join(dir, 'absent.db'), { mustExist: true })).rejects.toMatchObject({ code: 'bad-store' });
    // through the CLI: exit 3, one line, no stack trace
    const r = runWaterloo(['sweep', '--problem', 'maj:3', '--store', text, '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a waterloo results store/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const m = runWaterloo(['merge', '--into', join(dir, 'out.db'), join(dir, 'absent.db')]);
    expect(m.code).toBe(3);
    expect(m.stderr).not.toMatch(/\n\s+at /);
  });

  it('resolveStorePath: --store, else $WATERLOO_STORE, else results/waterloo.db in the package; creates the directory', () => {
    const dir = tempDir();
    const saved = process.env[STORE_ENV_VAR];
    try {
      process.env[STORE_ENV_VAR] = join(dir, 'env', 'e.db');
      expect(resolveStorePath(join(dir, 'flag', 'f.db'))).toBe(join(dir, 'flag', 'f.db'));
      expect(existsSync(join(dir, 'flag'))).toBe(true);
      expect(resolveStorePath()).toBe(join(dir, 'env', 'e.db'));
      expect(existsSync(join(dir, 'env'))).toBe(true);
      expect(resolveStorePath('')).toBe(join(dir, 'env', 'e.db'));
      delete process.env[STORE_ENV_VAR];
      expect(resolveStorePath()).toBe(join(packageRoot(), 'results', 'waterloo.db'));
    } finally {
      if (saved === undefined) delete process.env[STORE_ENV_VAR];
      else process.env[STORE_ENV_VAR] = saved;
    }
  });

  it('two writer processes putting overlapping keys at once: every key once, the better record kept', async () => {
    const path = join(tempDir(), 'c.db');
    // writer w puts keys w*500 .. w*500+999 (keys 500..999 overlap), both starting at the same moment so that the puts interleave; writer 1's records are better (optimal vs feasible)
    const startAt = Date.now() + 1500;
    const script = (w: number) => `
      import { openStore } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
      const s = await openStore(${JSON.stringify(path)});
      await new Promise((r) => setTimeout(r, ${startAt} - Date.now()));
      for (let i = ${w * 500}; i < ${w * 500 + 1000}; i++) {
        const r = ${JSON.stringify(fakeRecord('k', 'feasible', 5, 3))};
        s.put({ ...r, problem: 'xor:' + i, status: ${w === 1 ? "'optimal'" : "'feasible'"}, lowerBound: ${w === 1 ? 5 : 3}, host: 'w${w}' });
      }
      s.close();`;
    const run = (w: number) =>
      new Promise<number>((res, rej) => {
        const p = spawn(process.execPath, ['--input-type=module', '-e', script(w)], { stdio: ['ignore', 'ignore', 'inherit'] });
        p.on('exit', (code) => res(code ?? -1));
        p.on('error', rej);
      });
    expect(await Promise.all([run(0), run(1)])).toEqual([0, 0]);
    const s = await open(path);
    const rows = s.list();
    expect(rows.length).toBe(1500);
    expect(new Set(rows.map((r) => r.problem)).size).toBe(1500);
    for (const r of rows) {
      const i = Number(r.problem.split(':')[1]);
      expect(r.host).toBe(i < 500 ? 'w0' : 'w1');
    }
  });

  it('merge keeps the better record per key and refuses to merge a store into itself', async () => {
    const dir = tempDir();
    const a = await open(join(dir, 'a.db'));
    const b = await open(join(dir, 'b.db'));
    a.put(verifiedRecord('maj:3', 'optimal', 4));
    a.put(verifiedRecord('maj:5', 'feasible', 8));
    b.put(verifiedRecord('maj:5', 'optimal', 9));
    b.put(verifiedRecord('thr:5:2', 'unknown', 9));
    a.close();
    b.close();
    const r = await mergeStores(join(dir, 'm.db'), [join(dir, 'a.db'), join(dir, 'b.db')]);
    expect(r).toMatchObject({ before: 0, after: 3, inputs: [{ records: 2, stored: 2 }, { records: 2, stored: 2 }] });
    const again = await mergeStores(join(dir, 'm.db'), [join(dir, 'b.db'), join(dir, 'a.db')]);
    expect(again.after).toBe(3);
    expect(again.inputs.map((i) => i.stored)).toEqual([0, 0]);
    const m = await open(join(dir, 'm.db'));
    expect(m.get({ problem: 'maj:5', basis: 'B2', encoder: 'ssv' })!.status).toBe('optimal');
    await expect(mergeStores(join(dir, 'a.db'), [join(dir, 'a.db')])).rejects.toMatchObject({ name: 'UsageError' });
  });
});

describe('read-only and foreign stores', () => {
  /** Bytes, mtime and journal mode of a file: what must not change when waterloo only reads it. */
  const snapshot = (path: string) => {
    const bytes = readFileSync(path);
    // header bytes 18 and 19 are the file format versions: 1 = rollback journal, 2 = WAL
    return { bytes: bytes.toString('base64'), mtime: statSync(path).mtimeMs, journal: [bytes[18], bytes[19]] };
  };

  it('table and merge read a store in rollback-journal mode without changing its file; put on a read-only store fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'ro.db');
    const s = await openStore(path);
    s.put(verifiedRecord('maj:3', 'optimal', 4));
    s.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    db.pragma('journal_mode = DELETE'); // as a store copied from elsewhere, or one the user cannot write, may be
    db.close();
    chmodSync(path, 0o444);
    const before = snapshot(path);
    expect(before.journal).toEqual([1, 1]);
    const t = runWaterloo(['table', '--store', path, '--format', 'csv']);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('maj:3');
    expect(runWaterloo(['merge', '--into', join(dir, 'out.db'), path]).code).toBe(0);
    expect(snapshot(path)).toEqual(before);
    const ro = await openStore(path, { readonly: true });
    expect(ro.count()).toBe(1);
    expect(() => ro.put(verifiedRecord('maj:5', 'optimal', 9))).toThrow(expect.objectContaining({ name: 'ValidationError', code: 'store-readonly' }));
    ro.close();
    expect(snapshot(path)).toEqual(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('a foreign SQLite file is refused (exit 3) by every command, byte for byte unchanged', async () => {
    const dir = tempDir();
    const { default: Database } = await import('better-sqlite3');
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')");
    db.close();
    const empty = join(dir, 'empty.db');
    new Database(empty).close();
    const before = snapshot(foreign);
    for (const args of [['sweep', '--problem', 'maj:3', '--quiet', '--store', foreign], ['table', '--store', foreign], ['merge', '--into', join(dir, 'out.db'), foreign], ['merge', '--into', foreign, join(dir, 'out.db')]]) {
      const r = runWaterloo(args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/not a waterloo results store/);
    }
    expect(snapshot(foreign)).toEqual(before);
    await expect(openStore(foreign)).rejects.toMatchObject({ name: 'ValidationError', code: 'bad-store' });
    await expect(openStore(empty, { readonly: true })).rejects.toMatchObject({ code: 'bad-store' });
    expect(snapshot(foreign)).toEqual(before);
    expect(existsSync(`${foreign}-wal`)).toBe(false);
  });
});
