import { afterEach, describe, expect, it } from 'vitest';
import { buildInventory } from '../inventory/build';
import { parseSnapshot, takeSnapshot } from '../inventory/snapshot';
import { demoState } from '../inventory/testing/demo-state';
import { config, NOW } from '../inventory/testing/fixtures';
import type { Change } from '../inventory/view/history-wire';
import type { HistoryService } from '../history/service';
import { snapshotHistory } from './history-runtime';

// History in snapshots: the file carries the recorded changes, survives its own parser, and a
// dashboard opening it answers history from it (nothing recorded on top).

const cluster = {
  name: 'home',
  origin: 'kubeconfig' as const,
  server: 'https://10.0.0.1:6443',
  readOnly: true,
};
const change: Change = {
  at: '2026-01-10T11:00:00.000Z',
  cluster: 'home',
  kind: 'address.released',
  subject: '192.168.0.229',
  ip: '192.168.0.229',
  pool: 'pool',
  namespace: 'media',
  before: { pool: 'pool', holders: ['media/jellyfin'], node: 'pitower-2' },
  after: null,
  unwatched: false,
};
const state = demoState();
const inv = buildInventory(state, null, config({ cluster }));
const take = (changes: unknown[]) =>
  JSON.stringify(
    takeSnapshot({ state, sources: [], cluster, now: NOW }, inv, {
      history: {
        since: '2025-12-11T12:00:00.000Z',
        truncated: false,
        changes: changes as Change[],
      },
    }),
  );

let opened: HistoryService | null = null;
afterEach(async () => {
  await opened?.stop();
  opened = null;
});

describe('history in snapshots', () => {
  it('carries the changes through the file and answers them when opened', async () => {
    const parsed = parseSnapshot(take([change]));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.history?.changes).toEqual([change]);
    opened = snapshotHistory(parsed.snapshot);
    const h = opened!;
    for (let i = 0; i < 200 && !h.store(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(h.status()).toMatchObject({
      state: 'snapshot',
      message: expect.stringContaining('1 change since 2025-12-11'),
    });
    const page = await h.store()!.query({ cluster: 'home', ip: '192.168.0.229', limit: 10 });
    expect(page.changes.map(({ id: _id, ...c }) => c)).toEqual([change]);
    expect(await h.store()!.releases('home')).toEqual([
      { ip: '192.168.0.229', at: change.at, holders: ['media/jellyfin'] },
    ]);
  });

  it('refuses a snapshot whose history is malformed, naming the field', () => {
    const parsed = parseSnapshot(take([{ ...change, kind: 'address.teleported' }]));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/history\.changes\[0\]\.kind|history/);
  });

  it('is absent without history, and opens without it', () => {
    const parsed = parseSnapshot(
      JSON.stringify(takeSnapshot({ state, sources: [], cluster, now: NOW }, inv)),
    );
    expect(parsed.ok && parsed.snapshot.history).toBeUndefined();
    expect(parsed.ok && snapshotHistory(parsed.snapshot)).toBeNull();
  });
});
