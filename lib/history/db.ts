import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { ensureInitialised, PGLITE_START_PARAMS, processAlive, throwawayDir } from './pglite-initdb';

// The one SQL seam: PGlite (Postgres compiled to WebAssembly, in-process) by default, PostgreSQL
// when DATABASE_URL is set. Both speak the same SQL with $n parameters, so the schema
// (./migrations.ts) and every query (./store.ts) are written once, as plain SQL: no query builder,
// because a dozen fixed queries gain nothing from one and both drivers take the text as is.

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDb extends Queryable {
  /** "PGlite (until restart)", "PGlite at <dir>", "PostgreSQL at <host:port/db>". */
  readonly where: string;
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite is one process's database: a second dashboard opening the same directory would corrupt
 * it. A lock file beside the directory names the process holding it; a dead holder's lock is taken.
 */
function lockDir(dataDir: string): () => void {
  const lock = `${dataDir}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder))
      throw new Error(
        `another process (pid ${holder}) uses the PGlite data directory ${dataDir}: give each dashboard its own LBIPAM_HISTORY_DIR, or share a PostgreSQL through DATABASE_URL`,
      );
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

/**
 * V8 compiles PGlite's 9 MB of WebAssembly with its baseline compiler (Liftoff) and, for hot
 * functions, again with its optimising one (TurboFan), keeping both: ~50 MB more resident for
 * history queries that take about a millisecond either way (bench: history.query_ip_ms). The flag
 * only touches WebAssembly compiled after it is set, and PGlite is the only WebAssembly the server
 * runs; set before PGlite's first compile, so every database of the process gets it.
 */
let baselineOnly = false;
function compileWithBaselineOnly() {
  if (baselineOnly) return;
  v8.setFlagsFromString('--liftoff-only');
  baselineOnly = true;
}

/** PGlite in a data directory, or a throwaway one (null: the demo, snapshots, tests). */
export async function openPglite(dataDir: string | null): Promise<SqlDb> {
  compileWithBaselineOnly();
  const { PGlite } = await import('@electric-sql/pglite');
  const throwaway = dataDir ? null : await throwawayDir();
  const dir = dataDir ?? throwaway!.dir;
  const unlock = dataDir ? lockDir(dataDir) : () => undefined;
  const release = () => {
    unlock();
    throwaway?.remove();
  };
  let db: PGlite;
  try {
    await ensureInitialised(dir);
    db = await PGlite.create(dir, {
      startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS],
    });
  } catch (err) {
    release();
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      dataDir
        ? `PGlite could not open its data directory ${dataDir} (corrupt, or not a PGlite directory): ${why}`
        : `PGlite could not start: ${why}`,
    );
  }
  const run = async <T extends Row>(q: Pick<PGlite, 'query'>, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params)).rows;
  return {
    where: dataDir ? `PGlite at ${dataDir}` : 'PGlite (until restart)',
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** Where a DATABASE_URL points, without its password (shown in the header and logs). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a URL)';
  }
}

export async function openPostgres(url: string): Promise<SqlDb> {
  const pg = await import('pg');
  const PoolCtor = (pg.default?.Pool ?? pg.Pool) as typeof Pool;
  const pool = new PoolCtor({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // A query that hangs (a server gone silent) must fail, not hold a request open.
    query_timeout: 15_000,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (err) => console.error('[lbipam] history database connection lost:', err.message));
  const run = async <T extends Row>(c: Pool | PoolClient, sql: string, params?: unknown[]) =>
    (await c.query(sql, params)).rows as T[];
  // Fail at open, not at the first write, when the server is not there.
  await run(pool, 'select 1');
  return {
    where: describeUrl(url),
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
