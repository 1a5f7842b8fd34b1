import type { QueryClient } from '@tanstack/react-query';
import type { InventoryDelta } from '../inventory/delta';
import { applyDelta, applyReset } from './inventory-cache';
import { queryKeys } from './query-keys';

// What the tab's EventSource does with each message: write it into the query cache, or, when it
// cannot be applied (a gap, a garbled payload), refetch what is affected.

export type StreamOutcome =
  { kind: 'applied'; version: number; refetched: string[] } | { kind: 'refetch'; reason: string };

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isDelta(v: unknown): v is InventoryDelta {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<InventoryDelta>;
  return (
    isVersion(d.fromVersion) &&
    isVersion(d.toVersion) &&
    typeof d.collections === 'object' &&
    d.collections !== null
  );
}

function refetchAll(client: QueryClient, reason: string): StreamOutcome {
  void client.invalidateQueries({ queryKey: queryKeys.inventory });
  return { kind: 'refetch', reason };
}

/** `event: delta` — applied to every cached part that holds its starting version. */
export function applyDeltaMessage(client: QueryClient, data: string): StreamOutcome {
  const delta = parse(data);
  if (!isDelta(delta)) return refetchAll(client, 'the stream sent a delta that is not an InventoryDelta');
  const out = applyDelta(client, delta);
  return { kind: 'applied', version: delta.toVersion, refetched: out.refetched };
}

/** `event: reset` — the server's version is `version`; parts at any other version are refetched. */
export function applyResetMessage(client: QueryClient, data: string): StreamOutcome {
  const body = parse(data) as { version?: unknown } | undefined;
  if (!isVersion(body?.version)) return refetchAll(client, 'the stream sent a reset without a version');
  return { kind: 'applied', version: body.version, refetched: applyReset(client, body.version) };
}
