import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres, type SqlDb } from '../db';
import { postgresSkipReason, startPostgres, type TestPostgres } from './postgres';

// The two databases every history integration test runs on: PGlite in memory, and a real
// PostgreSQL started for the run. `fresh()` is an empty database (a new PGlite; a new database on
// the one server), so tests do not see each other's rows.

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  /** Why it cannot run here (only PostgreSQL, and never on CI: there a missing server fails). */
  skip: string | null;
  setup(): Promise<void>;
  fresh(): Promise<SqlDb>;
  /** The URL of the last fresh PostgreSQL database (null for PGlite). */
  lastUrl(): string | null;
  /** An empty database that can be opened again (PGlite in a temporary directory). */
  reopenable(): Promise<() => Promise<SqlDb>>;
  teardown(): Promise<void>;
  /** The PostgreSQL server (to stop and start it); null for PGlite. */
  server(): TestPostgres | null;
}

export function pgliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: 'PGlite',
    skip: null,
    setup: async () => undefined,
    fresh: () => openPglite(null),
    lastUrl: () => null,
    async reopenable() {
      const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-pglite-'));
      dirs.push(dir);
      return () => openPglite(dir);
    },
    teardown: async () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
    server: () => null,
  };
}

export function postgresBackend(): Backend {
  let server: TestPostgres | null = null;
  let n = 0;
  let last: string | null = null;
  const skip = process.env.CI ? null : postgresSkipReason();
  return {
    name: 'PostgreSQL',
    skip,
    async setup() {
      server = await startPostgres();
    },
    async fresh() {
      if (!server) throw new Error('PostgreSQL backend not set up');
      const admin = await openPostgres(server.url);
      const name = `t${process.pid}_${++n}`;
      await admin.query(`create database ${name}`);
      await admin.close();
      last = server.url.replace(/\/postgres$/, `/${name}`);
      return openPostgres(last);
    },
    lastUrl: () => last,
    async reopenable() {
      const first = await this.fresh();
      await first.close();
      const url = last as string;
      return () => openPostgres(url);
    },
    async teardown() {
      await server?.stop();
      server = null;
    },
    server: () => server,
  };
}

export const backends = (): Backend[] => [pgliteBackend(), postgresBackend()];
