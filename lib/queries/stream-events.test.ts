import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { diffInventory } from '../inventory/delta';
import type { Inventory, InventoryMeta, ServiceView } from '../inventory/types';
import { planDelta, seedCache, type CollectionData } from './inventory-cache';
import { queryKeys } from './query-keys';
import { applyDeltaMessage, applyResetMessage } from './stream-events';

const svc = (name: string, ip: string): ServiceView => ({
  key: `ns/${name}`,
  namespace: 'ns',
  name,
  displayName: name,
  displayNamespace: 'ns',
  type: null,
  notes: null,
  gateway: null,
  ips: [ip],
  requestedIps: [],
  satisfied: true,
  reason: 'satisfied',
  message: null,
  announcer: null,
  sharingKey: null,
  ports: [],
});

function inventory(version: number, services: ServiceView[]): Inventory {
  return {
    version,
    generatedAt: '2026-01-05T12:00:00.000Z',
    cluster: { name: 'demo', origin: 'embedded', server: 'http://127.0.0.1:1', readOnly: true },
    sources: [],
    pools: [],
    services,
    alerts: [],
    nodes: [],
    l2Policies: [],
    announcers: [],
    events: [],
    arp: [],
    probers: [],
  };
}

const services = (c: QueryClient) =>
  c.getQueryData<CollectionData<'services'>>(queryKeys.collection('services'));
const meta = (c: QueryClient) => c.getQueryData<InventoryMeta>(queryKeys.meta);
const invalidated = (c: QueryClient, key: readonly unknown[]) => c.getQueryState(key)?.isInvalidated ?? false;

describe('stream messages into the query cache', () => {
  const v3 = inventory(3, [svc('a', '10.0.0.1')]);
  const v4 = inventory(4, [svc('a', '10.0.0.1'), svc('b', '10.0.0.2')]);

  it('a delta on the cached version advances every cached part, without a refetch', () => {
    const client = new QueryClient();
    seedCache(client, v3);
    const out = applyDeltaMessage(client, JSON.stringify(diffInventory(v3, v4)));
    expect(out).toEqual({ kind: 'applied', version: 4, refetched: [] });
    expect(meta(client)?.version).toBe(4);
    expect(services(client)).toEqual({ version: 4, items: v4.services });
    expect(invalidated(client, queryKeys.collection('services'))).toBe(false);
  });

  it('leaves untouched collections as the very same arrays (memoised views survive)', () => {
    const client = new QueryClient();
    seedCache(client, v3);
    const pools = client.getQueryData<CollectionData<'pools'>>(queryKeys.collection('pools'))!.items;
    applyDeltaMessage(client, JSON.stringify(diffInventory(v3, v4)));
    expect(client.getQueryData<CollectionData<'pools'>>(queryKeys.collection('pools'))!.items).toBe(pools);
  });

  it('a part fetched after the delta was made skips it; a part that missed a version is refetched', () => {
    const client = new QueryClient();
    seedCache(client, { ...v3, services: undefined });
    client.setQueryData(queryKeys.collection('services'), { version: 4, items: v4.services });
    client.setQueryData(queryKeys.collection('nodes'), { version: 1, items: [] });
    const out = applyDeltaMessage(client, JSON.stringify(diffInventory(v3, v4)));
    expect(out).toMatchObject({ kind: 'applied', refetched: ['nodes'] });
    expect(services(client)?.version).toBe(4);
    expect(invalidated(client, queryKeys.collection('nodes'))).toBe(true);
    expect(invalidated(client, queryKeys.collection('services'))).toBe(false);
  });

  it('plans by version: apply on the start, skip when already past, refetch on a gap', () => {
    expect(planDelta(3, { fromVersion: 3, toVersion: 4 })).toBe('apply');
    expect(planDelta(4, { fromVersion: 3, toVersion: 4 })).toBe('skip');
    expect(planDelta(2, { fromVersion: 3, toVersion: 4 })).toBe('refetch');
  });

  it('a reset refetches every part not at the server version, and only those', () => {
    const client = new QueryClient();
    seedCache(client, v4);
    client.setQueryData(queryKeys.collection('nodes'), { version: 2, items: [] });
    const out = applyResetMessage(client, JSON.stringify({ version: 4 }));
    expect(out).toEqual({ kind: 'applied', version: 4, refetched: ['nodes'] });
  });

  it('garbled messages ask for a refetch instead of throwing, and keep the data', () => {
    const client = new QueryClient();
    seedCache(client, v3);
    expect(applyDeltaMessage(client, '{not json').kind).toBe('refetch');
    expect(applyDeltaMessage(client, JSON.stringify({ fromVersion: 'x' })).kind).toBe('refetch');
    expect(applyResetMessage(client, JSON.stringify({})).kind).toBe('refetch');
    expect(services(client)?.version).toBe(3);
  });

  it('seeding never steps the meta back (a slow fetch after a delta)', () => {
    const client = new QueryClient();
    seedCache(client, v4);
    seedCache(client, v3);
    expect(meta(client)?.version).toBe(4);
    expect(services(client)?.version).toBe(4);
  });
});
