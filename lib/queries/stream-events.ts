import type { QueryClient } from '@tanstack/react-query';
import type { Inventory } from '../inventory/types';
import { queryKeys } from './query-keys';

// What the tab's EventSource does with each message: write it into the query cache, or, when it
// cannot be applied (version gap, nothing cached yet, garbled payload), refetch the whole inventory.

export type StreamOutcome = { kind: 'applied'; version: number } | { kind: 'refetch'; reason: string };

export type DeltaApplier<D> = (prev: Inventory, delta: D) => Inventory | null;

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function isInventory(value: unknown): value is Inventory {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Inventory>;
  return (
    typeof v.version === 'number' &&
    Array.isArray(v.rows) &&
    Array.isArray(v.pools) &&
    Array.isArray(v.alerts)
  );
}

function refetch(client: QueryClient, reason: string): StreamOutcome {
  void client.invalidateQueries({ queryKey: queryKeys.inventory });
  return { kind: 'refetch', reason };
}

/** `event: inventory` — a full snapshot replaces the cache. */
export function applySnapshotMessage(client: QueryClient, data: string): StreamOutcome {
  const inv = parse(data);
  if (!isInventory(inv))
    return refetch(client, 'the stream sent an inventory snapshot that is not an Inventory');
  client.setQueryData(queryKeys.inventory, inv);
  return { kind: 'applied', version: inv.version };
}

/** `event: delta` — applied to the cached inventory; a gap (applier returns null) refetches. */
export function applyDeltaMessage<D>(
  client: QueryClient,
  data: string,
  apply: DeltaApplier<D>,
): StreamOutcome {
  const delta = parse(data);
  if (typeof delta !== 'object' || delta === null)
    return refetch(client, 'the stream sent a delta that is not JSON');
  const prev = client.getQueryData<Inventory>(queryKeys.inventory);
  if (!prev) return refetch(client, 'a delta arrived before any snapshot');
  const next = apply(prev, delta as D);
  if (!next) return refetch(client, `version gap after ${prev.version}`);
  client.setQueryData(queryKeys.inventory, next);
  return { kind: 'applied', version: next.version };
}
