import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../inventory/types';
import { fixtureInventory } from './inventory.fixture';
import { queryKeys } from './query-keys';
import { applyDeltaMessage, applySnapshotMessage } from './stream-events';

interface TestDelta {
  fromVersion: number;
  toVersion: number;
}
// Applies only on the exact version, as lib/inventory's applier does; otherwise reports a gap.
const bump = (prev: Inventory, d: TestDelta): Inventory | null =>
  prev.version === d.fromVersion ? { ...prev, version: d.toVersion } : null;

const invalidated = (client: QueryClient) =>
  client.getQueryState(queryKeys.inventory)?.isInvalidated ?? false;

describe('stream messages into the query cache', () => {
  it('a snapshot replaces the cached inventory', () => {
    const client = new QueryClient();
    expect(applySnapshotMessage(client, JSON.stringify(fixtureInventory(7)))).toEqual({
      kind: 'applied',
      version: 7,
    });
    expect(client.getQueryData<Inventory>(queryKeys.inventory)?.version).toBe(7);
  });

  it('a delta on the cached version is applied without a refetch', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.inventory, fixtureInventory(3));
    const out = applyDeltaMessage(client, JSON.stringify({ fromVersion: 3, toVersion: 4 }), bump);
    expect(out).toEqual({ kind: 'applied', version: 4 });
    expect(client.getQueryData<Inventory>(queryKeys.inventory)?.version).toBe(4);
    expect(invalidated(client)).toBe(false);
  });

  it('a version gap keeps the old data and invalidates it so it is refetched', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.inventory, fixtureInventory(3));
    const out = applyDeltaMessage(client, JSON.stringify({ fromVersion: 5, toVersion: 6 }), bump);
    expect(out.kind).toBe('refetch');
    expect(client.getQueryData<Inventory>(queryKeys.inventory)?.version).toBe(3);
    expect(invalidated(client)).toBe(true);
  });

  it('a delta before any snapshot, or garbled JSON, asks for a refetch instead of throwing', () => {
    const client = new QueryClient();
    expect(applyDeltaMessage(client, JSON.stringify({ fromVersion: 1, toVersion: 2 }), bump).kind).toBe(
      'refetch',
    );
    expect(applySnapshotMessage(client, '{not json').kind).toBe('refetch');
    expect(applySnapshotMessage(client, JSON.stringify({ version: 'x' })).kind).toBe('refetch');
    expect(client.getQueryData(queryKeys.inventory)).toBeUndefined();
  });
});
