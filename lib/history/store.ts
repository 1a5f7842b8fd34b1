import 'server-only';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Change, ChangeKind, LastRelease } from '../inventory/view/history-wire';
import type { Queryable, Row, SqlDb } from './db';
import { migrate } from './migrations';
import type { ObservedState } from './observed';

// Every read and write of allocation history, as plain SQL both PGlite and PostgreSQL run
// (./db.ts). Changes go in as one array parameter per column expanded by unnest, so recording a
// pool edit that moved 10,000 addresses is one statement, written with the state it leads to in
// one transaction: the next start compares against exactly what was recorded.

export interface HistoryQuery {
  cluster: string;
  ip?: string;
  pool?: string;
  namespace?: string;
  kinds?: readonly ChangeKind[];
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
  /** From a previous page's `next`. */
  cursor?: string | null;
  limit: number;
}

export interface StoredState {
  at: string;
  state: ObservedState;
}

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

const COLUMNS = 'id, at, cluster, kind, subject, ip, pool, namespace, before, after, unwatched';

/** A page position: the last row's time (epoch ms) and id. */
export const encodeCursor = (c: Pick<Change, 'at' | 'id'>): string => `${Date.parse(c.at)}.${c.id ?? 0}`;

export function decodeCursor(cursor: string): { at: Date; id: number } | null {
  const m = /^(\d{1,16})\.(\d{1,18})$/.exec(cursor);
  return m ? { at: new Date(Number(m[1])), id: Number(m[2]) } : null;
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const fromJson = <T>(v: unknown): T | null =>
  typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? null);
const toJson = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

function toChange(r: Row): Change {
  return {
    id: Number(r.id),
    at: iso(r.at),
    cluster: String(r.cluster),
    kind: r.kind as ChangeKind,
    subject: String(r.subject),
    ip: (r.ip as string | null) ?? null,
    pool: (r.pool as string | null) ?? null,
    namespace: (r.namespace as string | null) ?? null,
    before: fromJson<Change['before']>(r.before),
    after: fromJson<Change['after']>(r.after),
    unwatched: Boolean(r.unwatched),
  };
}

export class HistoryStore {
  private constructor(readonly db: SqlDb) {}

  /** Migrates (refusing a newer schema) and returns the store. */
  static async open(db: SqlDb): Promise<HistoryStore> {
    await migrate(db);
    return new HistoryStore(db);
  }

  get where(): string {
    return this.db.where;
  }

  /** The changes and the state they lead to, in one transaction. */
  async record(cluster: string, changes: readonly Change[], state: ObservedState, at: string): Promise<void> {
    // Compressed off the event loop (libuv's pool) before the transaction starts.
    const packed = await gzip(JSON.stringify(state));
    await this.db.transaction(async (q) => {
      if (changes.length > 0) await insertChanges(q, changes);
      await q.query(
        `insert into history_state (cluster, at, state, state_gz) values ($1, $2, null, $3)
         on conflict (cluster) do update set at = excluded.at, state = null, state_gz = excluded.state_gz`,
        [cluster, at, packed],
      );
    });
  }

  /** Changes as they are (a snapshot's history loaded for reading); no state is written. */
  async insert(changes: readonly Change[]): Promise<void> {
    if (changes.length > 0) await this.db.transaction((q) => insertChanges(q, changes));
  }

  async lastState(cluster: string): Promise<StoredState | null> {
    const [r] = await this.db.query('select at, state, state_gz from history_state where cluster = $1', [
      cluster,
    ]);
    if (!r) return null;
    const text = r.state_gz ? (await gunzip(r.state_gz as Uint8Array)).toString('utf8') : r.state;
    return { at: iso(r.at), state: fromJson<ObservedState>(text) as ObservedState };
  }

  /** Newest first, `limit` at a time; `next` continues after the last one. */
  async query(q: HistoryQuery): Promise<{ changes: Change[]; next: string | null }> {
    const where = ['cluster = $1'];
    const params: unknown[] = [q.cluster];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.ip !== undefined) add((p) => `ip = ${p}`, q.ip);
    if (q.pool !== undefined) add((p) => `pool = ${p}`, q.pool);
    if (q.namespace !== undefined) add((p) => `namespace = ${p}`, q.namespace);
    if (q.kinds && q.kinds.length > 0) add((p) => `kind = any(${p}::text[])`, q.kinds);
    if (q.since !== undefined) add((p) => `at >= ${p}::timestamptz`, q.since);
    if (q.until !== undefined) add((p) => `at <= ${p}::timestamptz`, q.until);
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    if (cursor) {
      params.push(cursor.at.toISOString(), cursor.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(q.limit + 1);
    const rows = await this.db.query(
      `select ${COLUMNS} from history_changes where ${where.join(' and ')}
       order by at desc, id desc limit $${params.length}`,
      params,
    );
    const changes = rows.slice(0, q.limit).map(toChange);
    const last = changes[changes.length - 1];
    return { changes, next: rows.length > q.limit && last ? encodeCursor(last) : null };
  }

  /** Each address's last release (when, and who held it), optionally within one pool. */
  async releases(cluster: string, pool?: string): Promise<LastRelease[]> {
    const params: unknown[] = [cluster];
    if (pool !== undefined) params.push(pool);
    const rows = await this.db.query(
      `select distinct on (ip) ip, at, before from history_changes
       where cluster = $1 and kind = 'address.released' and ip is not null${pool !== undefined ? ' and pool = $2' : ''}
       order by ip, at desc, id desc`,
      params,
    );
    return rows.map((r) => {
      const before = (typeof r.before === 'string' ? JSON.parse(r.before) : r.before) as {
        holders?: string[];
      } | null;
      return { ip: String(r.ip), at: iso(r.at), holders: before?.holders ?? [] };
    });
  }

  /** Deletes changes older than `before`, in batches (a long delete would hold up recording). */
  async prune(before: Date, batch = 10_000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db.query<{ n: number }>(
        `with gone as (
           delete from history_changes where id in (
             select id from history_changes where at < $1::timestamptz limit $2)
           returning 1)
         select count(*)::int as n from gone`,
        [before.toISOString(), batch],
      );
      const n = Number(rows[0]?.n ?? 0);
      total += n;
      if (n < batch) return total;
    }
  }

  async count(cluster: string): Promise<number> {
    const [r] = await this.db.query('select count(*)::int as n from history_changes where cluster = $1', [
      cluster,
    ]);
    return Number(r?.n ?? 0);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const INSERT_CHUNK = 1_000;

async function insertChanges(q: Queryable, changes: readonly Change[]): Promise<void> {
  // One statement per 1,000 rows: PGlite's WebAssembly memory keeps its high-water mark for good,
  // so a statement's parameters and working memory stay small (10,000 rows at once left ~15 MB more
  // resident than 1,000 at a time; the time to record 10,000 barely moves: history.record_10k_ms).
  for (let i = 0; i < changes.length; i += INSERT_CHUNK) {
    const chunk = changes.slice(i, i + INSERT_CHUNK);
    const col = <T>(f: (c: Change) => T) => chunk.map(f);
    await q.query(
      `insert into history_changes (at, cluster, kind, subject, ip, pool, namespace, before, after, unwatched)
       select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::boolean[])`,
      [
        col((c) => c.at),
        col((c) => c.cluster),
        col((c) => c.kind),
        col((c) => c.subject),
        col((c) => c.ip),
        col((c) => c.pool),
        col((c) => c.namespace),
        col((c) => toJson(c.before)),
        col((c) => toJson(c.after)),
        col((c) => c.unwatched),
      ],
    );
  }
}
