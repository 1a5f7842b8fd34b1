import 'server-only';
import type { SqlDb } from './db';

// One migration set for PGlite and PostgreSQL, applied at start in order, each once, under an
// advisory lock so two replicas starting together do not both apply it. A database whose schema is
// newer than this build knows is refused, never migrated backwards.

export const MIGRATIONS: readonly string[] = [
  // 1: changes, paged newest first by (at, id); one address's history by (cluster, ip); the last
  // release of each address; the last recorded state per cluster (compared at the next start).
  // before/after/state are JSON kept as text: nothing queries inside them, and parsing megabytes
  // into jsonb on every write is what made PGlite slow to record a pool edit.
  `create table history_changes (
     id bigserial primary key,
     at timestamptz not null,
     cluster text not null,
     kind text not null,
     subject text not null,
     ip text,
     pool text,
     namespace text,
     before text,
     after text,
     unwatched boolean not null default false
   );
   create index history_changes_by_time on history_changes (cluster, at desc, id desc);
   create index history_changes_by_ip on history_changes (cluster, ip, at desc, id desc) where ip is not null;
   create index history_changes_released on history_changes (cluster, ip, at desc)
     where kind = 'address.released';
   create table history_state (
     cluster text primary key,
     at timestamptz not null,
     state text not null
   );`,
  // 2: the last state gzipped (state_gz), written in place of the text: the state is every
  // Service's and address's record (megabytes at 10,000 Services) and is rewritten with each
  // change, and PGlite's WebAssembly memory keeps the high-water mark of every write for good.
  // Stored as is (storage external): it is compressed already. A state kept as text by schema 1
  // is still read.
  `alter table history_state add column state_gz bytea;
   alter table history_state alter column state_gz set storage external;
   alter table history_state alter column state drop not null;`,
];

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the history database has schema version ${found}, written by a newer lbipam (this one knows up to ${known}); ` +
        'it is not migrated backwards: run the newer dashboard, or point DATABASE_URL / LBIPAM_HISTORY_DIR at another database',
    );
    this.name = 'SchemaTooNewError';
  }
}

// An arbitrary constant naming "lbipam history migrations" for pg_advisory_xact_lock.
const LOCK_KEY = 7_412_912_001;

/** Applies what is missing; returns the schema version the database is at. */
export async function migrate(db: SqlDb, migrations: readonly string[] = MIGRATIONS): Promise<number> {
  return db.transaction(async (q) => {
    await q.query(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await q.query(
      'create table if not exists lbipam_schema (version integer primary key, applied_at timestamptz not null default now())',
    );
    const [row] = await q.query<{ v: number | null }>('select max(version) as v from lbipam_schema');
    const at = Number(row?.v ?? 0);
    if (at > migrations.length) throw new SchemaTooNewError(at, migrations.length);
    for (let v = at + 1; v <= migrations.length; v++) {
      await execAll(q, migrations[v - 1]);
      await q.query('insert into lbipam_schema (version) values ($1)', [v]);
    }
    return migrations.length;
  });
}

/** Statements one by one: a prepared query (both drivers, with parameters or not) holds only one. */
async function execAll(q: Pick<SqlDb, 'query'>, sql: string): Promise<void> {
  for (const stmt of sql.split(/;\s*(?:\n|$)/)) if (stmt.trim()) await q.query(stmt);
}
