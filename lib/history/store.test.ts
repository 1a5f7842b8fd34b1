import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../inventory/view/history-wire';
import type { SqlDb } from './db';
import { migrate, MIGRATIONS, SchemaTooNewError } from './migrations';
import { emptyObserved } from './observed';
import { HistoryStore } from './store';
import { backends } from './testing/backends';

// The same suite on PGlite and on a real PostgreSQL server: one schema, one set of queries.

const change = (over: Partial<Change>): Change => ({
  at: '2026-01-10T12:00:00.000Z',
  cluster: 'c1',
  kind: 'address.allocated',
  subject: '192.168.0.229',
  ip: '192.168.0.229',
  pool: 'lan',
  namespace: 'media',
  before: null,
  after: { pool: 'lan', holders: ['media/jellyfin'], node: null },
  unwatched: false,
  ...over,
});

for (const backend of backends()) {
  describe.skipIf(backend.skip !== null)(
    `history store on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`,
    () => {
      const opened: SqlDb[] = [];
      const fresh = async () => {
        const db = await backend.fresh();
        opened.push(db);
        return db;
      };
      beforeAll(() => backend.setup(), 60_000);
      afterAll(async () => {
        for (const db of opened) await db.close().catch(() => undefined);
        await backend.teardown();
      });

      it('applies the migrations once, and again is a no-op', async () => {
        const db = await fresh();
        expect(await migrate(db)).toBe(MIGRATIONS.length);
        expect(await migrate(db)).toBe(MIGRATIONS.length);
        const rows = await db.query('select version from lbipam_schema order by version');
        expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((_, i) => i + 1));
      });

      it('refuses a database written by a newer schema, with a message, and leaves it as it was', async () => {
        const db = await fresh();
        const store = await HistoryStore.open(db);
        await store.record('c1', [change({})], emptyObserved(), '2026-01-10T12:00:00.000Z');
        await db.query('insert into lbipam_schema (version) values ($1)', [MIGRATIONS.length + 1]);
        const err = await HistoryStore.open(db).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SchemaTooNewError);
        expect((err as Error).message).toContain(`schema version ${MIGRATIONS.length + 1}`);
        expect((err as Error).message).toContain('not migrated backwards');
        expect(await store.count('c1')).toBe(1);
      });

      it('records changes with the state they lead to, and reads the state back', async () => {
        const store = await HistoryStore.open(await fresh());
        expect(await store.lastState('c1')).toBeNull();
        const state = {
          ...emptyObserved(),
          addresses: { '192.168.0.229': { pool: 'lan', holders: ['media/jellyfin'], node: null } },
        };
        await store.record('c1', [change({})], state, '2026-01-10T12:00:00.000Z');
        expect(await store.lastState('c1')).toEqual({ at: '2026-01-10T12:00:00.000Z', state });
        const { changes } = await store.query({ cluster: 'c1', limit: 10 });
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ ...change({}), id: expect.any(Number) });
      });

      it('reads the state a schema-1 database kept as text after migrating, and stores the next one gzipped', async () => {
        const db = await fresh();
        expect(await migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
        const old = {
          ...emptyObserved(),
          addresses: { '192.168.0.230': { pool: 'lan', holders: ['media/plex'], node: 'n1' } },
        };
        await db.query('insert into history_state (cluster, at, state) values ($1, $2, $3)', [
          'c1',
          '2026-01-09T08:00:00.000Z',
          JSON.stringify(old),
        ]);
        const store = await HistoryStore.open(db);
        expect(await store.lastState('c1')).toEqual({ at: '2026-01-09T08:00:00.000Z', state: old });
        const next = { ...old, addresses: {} };
        await store.record('c1', [], next, '2026-01-10T12:00:00.000Z');
        expect(await store.lastState('c1')).toEqual({ at: '2026-01-10T12:00:00.000Z', state: next });
        const [row] = await db.query(
          'select state is null as text_gone, length(state_gz) as gz from history_state where cluster = $1',
          ['c1'],
        );
        expect(row).toMatchObject({ text_gone: true });
        expect(Number(row.gz)).toBeGreaterThan(0);
      });

      it('pages one address newest first, through equal times, and filters by pool, namespace, kind and time', async () => {
        const store = await HistoryStore.open(await fresh());
        const cs: Change[] = [];
        for (let i = 0; i < 7; i++) {
          const at = new Date(Date.parse('2026-01-10T12:00:00Z') + Math.floor(i / 2) * 60_000).toISOString();
          cs.push(
            change({
              at,
              kind: i % 2 ? 'address.released' : 'address.allocated',
              after: i % 2 ? null : change({}).after,
            }),
          );
        }
        cs.push(change({ ip: '192.168.0.230', subject: '192.168.0.230', pool: 'other', namespace: 'web' }));
        cs.push(change({ cluster: 'c2' }));
        await store.record('c1', cs, emptyObserved(), cs[6].at);
        const seen: Change[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 5; page++) {
          const r: { changes: Change[]; next: string | null } = await store.query({
            cluster: 'c1',
            ip: '192.168.0.229',
            cursor,
            limit: 3,
          });
          seen.push(...r.changes);
          cursor = r.next;
          if (!cursor) break;
        }
        expect(seen).toHaveLength(7);
        expect(new Set(seen.map((c) => c.id)).size).toBe(7);
        const times = seen.map((c) => Date.parse(c.at));
        expect([...times].sort((a, b) => b - a)).toEqual(times);
        expect(
          (await store.query({ cluster: 'c1', pool: 'other', limit: 10 })).changes.map((c) => c.ip),
        ).toEqual(['192.168.0.230']);
        expect((await store.query({ cluster: 'c1', namespace: 'web', limit: 10 })).changes).toHaveLength(1);
        expect(
          (await store.query({ cluster: 'c1', kinds: ['address.released'], limit: 10 })).changes,
        ).toHaveLength(3);
        const window = await store.query({
          cluster: 'c1',
          ip: '192.168.0.229',
          since: '2026-01-10T12:01:00Z',
          until: '2026-01-10T12:02:00Z',
          limit: 10,
        });
        expect(window.changes).toHaveLength(4);
        expect((await store.query({ cluster: 'c2', limit: 10 })).changes).toHaveLength(1);
      });

      it('says when each address was last released and who held it', async () => {
        const store = await HistoryStore.open(await fresh());
        const held = (h: string) => ({ pool: 'lan', holders: [h], node: null });
        await store.record(
          'c1',
          [
            change({
              at: '2026-01-01T00:00:00Z',
              kind: 'address.released',
              before: held('media/old'),
              after: null,
            }),
            change({ at: '2026-01-02T00:00:00Z', kind: 'address.allocated', after: held('media/jellyfin') }),
            change({
              at: '2026-01-03T00:00:00Z',
              kind: 'address.released',
              before: held('media/jellyfin'),
              after: null,
            }),
            change({
              at: '2026-01-03T00:00:00Z',
              ip: '10.0.0.1',
              subject: '10.0.0.1',
              pool: 'other',
              kind: 'address.released',
              before: held('x/y'),
              after: null,
            }),
          ],
          emptyObserved(),
          '2026-01-03T00:00:00Z',
        );
        expect(await store.releases('c1', 'lan')).toEqual([
          { ip: '192.168.0.229', at: '2026-01-03T00:00:00.000Z', holders: ['media/jellyfin'] },
        ]);
        expect((await store.releases('c1')).map((r) => r.ip).sort()).toEqual(['10.0.0.1', '192.168.0.229']);
      });

      it('prunes changes older than the retention, in batches', async () => {
        const store = await HistoryStore.open(await fresh());
        const old = Array.from({ length: 25 }, (_, i) =>
          change({ at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() }),
        );
        await store.record(
          'c1',
          [...old, change({ at: '2026-01-10T00:00:00Z' })],
          emptyObserved(),
          '2026-01-10T00:00:00Z',
        );
        expect(await store.prune(new Date('2026-01-01T00:00:00Z'), 10)).toBe(25);
        expect(await store.count('c1')).toBe(1);
      });

      it('records a pool edit that moved 10,000 addresses in one transaction', async () => {
        const store = await HistoryStore.open(await fresh());
        const many = Array.from({ length: 10_000 }, (_, i) =>
          change({
            kind: 'address.moved',
            ip: `10.1.${i >> 8}.${i & 255}`,
            subject: `10.1.${i >> 8}.${i & 255}`,
          }),
        );
        await store.record('c1', many, emptyObserved(), many[0].at);
        expect(await store.count('c1')).toBe(10_000);
        expect((await store.query({ cluster: 'c1', ip: '10.1.39.15', limit: 5 })).changes).toHaveLength(1);
      });
    },
  );
}
