import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './db';
import { ensureInitialised, isInitialised, throwawayDir } from './pglite-initdb';

const scratch = mkdtempSync(path.join(tmpdir(), 'lbipam-initdb-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('PGlite directories initialised outside the process', () => {
  it('initialises a missing directory, which then opens and keeps what was written', async () => {
    const dir = path.join(scratch, 'nested', 'history');
    await ensureInitialised(dir);
    expect(isInitialised(dir)).toBe(true);
    // No staging directory is left beside it.
    expect(readdirSync(path.dirname(dir))).toEqual(['history']);
    const db = await openPglite(dir);
    await db.query('create table kept (n int)');
    await db.query('insert into kept values (7)');
    await db.close();
    const again = await openPglite(dir);
    expect(await again.query('select n from kept')).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('initialises an empty directory in place (a fresh volume)', async () => {
    const dir = path.join(scratch, 'empty-volume');
    mkdirSync(dir);
    await ensureInitialised(dir);
    expect(isInitialised(dir)).toBe(true);
  });

  it('refuses a directory holding something else, naming it, and leaves it untouched', async () => {
    const dir = path.join(scratch, 'not-a-database');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await expect(ensureInitialised(dir)).rejects.toThrow(
      `${dir} is neither empty nor a PGlite data directory (it has no PG_VERSION)`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    await expect(openPglite(dir)).rejects.toThrow(
      /PGlite could not open its data directory .*not-a-database/,
    );
  });

  it('gives each throwaway database a directory of its own, removed when it closes', async () => {
    const a = await openPglite(null);
    const b = await openPglite(null);
    await a.query('create table only_in_a (n int)');
    // The two are separate databases copied from one template.
    expect(await b.query("select count(*)::int as n from pg_tables where tablename = 'only_in_a'")).toEqual([
      { n: 0 },
    ]);
    const mine = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`lbipam-history-${process.pid}-`));
    expect(mine()).toHaveLength(2);
    await a.close();
    await b.close();
    expect(mine()).toHaveLength(0);
  });

  it("removes throwaway databases that dead processes left behind, not a live process's", async () => {
    const dead = path.join(tmpdir(), 'lbipam-history-2147483646-orphan');
    mkdirSync(dead, { recursive: true });
    const live = await throwawayDir();
    const other = await throwawayDir();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live.dir)).toBe(true);
    expect(isInitialised(live.dir)).toBe(true);
    live.remove();
    other.remove();
    expect(existsSync(live.dir)).toBe(false);
  });
});
