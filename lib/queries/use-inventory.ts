'use client';

import type { ArpVerdict } from '../inventory/types';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { CollectionName, ItemOf } from '../inventory/collections';
import type { AlertGroup, PoolView } from '../inventory/types';
import { countBySeverity, filterGroups, sortBySeverity, type AlertFilter } from '../inventory/view/alerts';
import { createRowsMemo, rowsOfIp, type ExpandedRows } from '../inventory/view/pool-slices';
import type { PoolRows } from '../inventory/view/rows';

export { selectRows } from '../inventory/view/pool-slices';
import type { CollectionData } from './inventory-cache';
import { alertMembersQueryOptions, collectionQueryOptions, metaQueryOptions } from './inventory-query';

// Selector hooks: every component takes the slice it shows from here, never the whole inventory
// as a prop. Each reads one part of the cache, so a change to one alert re-renders what shows
// alerts and nothing else; derived views (rows) are memoised on their slice.

export const useMeta = () => useQuery(metaQueryOptions());

/** One collection's items (core collections are already in the cache once the shell shows). */
export function useCollection<K extends CollectionName, T = ItemOf<K>[]>(
  c: K,
  select?: (items: ItemOf<K>[]) => T,
  enabled = true,
) {
  const pick = useCallback((d: CollectionData<K>) => (select ? select(d.items) : (d.items as T)), [select]);
  return useQuery({ ...collectionQueryOptions(c), select: pick, enabled });
}

export const usePools = () => useCollection('pools');

export function usePool(name: string) {
  const select = useCallback((pools: PoolView[]) => pools.find((p) => p.name === name) ?? null, [name]);
  return useCollection('pools', select);
}

export function useAlerts(filter: AlertFilter = {}) {
  const { severity = null, subject = null } = filter;
  const select = useCallback(
    (groups: AlertGroup[]) => sortBySeverity(filterGroups(groups, { severity, subject })),
    [severity, subject],
  );
  return useCollection('alerts', select);
}

export const useAlertCounts = () => useCollection('alerts', countBySeverity);

export function useAlertMembers(group: Pick<AlertGroup, 'id' | 'revision' | 'count'>, enabled: boolean) {
  return useQuery({
    ...alertMembersQueryOptions(group.id, group.revision),
    enabled: enabled && group.count > 1,
  });
}

export const useNodes = () => useCollection('nodes');
export const useL2Policies = () => useCollection('l2Policies');
export const useServices = () => useCollection('services');
export const useAnnouncers = () => useCollection('announcers');

const byIp = (verdicts: ArpVerdict[]): ReadonlyMap<string, ArpVerdict> =>
  new Map(verdicts.map((v) => [v.ip, v]));
/** The probers' ARP/NDP verdicts by address (lib/inventory/arp). */
export const useArpVerdicts = () => useCollection('arp', byIp);

/** One memo for the tab: rows are expanded per pool and reused until that pool's slice changes. */
const expandRows = createRowsMemo();

export interface RowsResult {
  rows: ExpandedRows | null;
  isPending: boolean;
  error: Error | null;
}

/**
 * Rows of every pool (needs the Service list, fetched on first use and kept live). With `fetch`
 * false it only reads what is already cached (the Overview's small maps wait for an idle moment).
 */
export function useExpandedRows({ fetch = true }: { fetch?: boolean } = {}): RowsResult {
  const pools = useCollection('pools');
  const services = useCollection('services', undefined, fetch);
  const rows = useMemo(
    () => (pools.data && services.data ? expandRows(pools.data, services.data) : null),
    [pools.data, services.data],
  );
  return {
    rows,
    isPending: !rows && !services.error && !pools.error,
    error: services.error ?? pools.error ?? null,
  };
}

/** A second memo for one pool's own screen: it expands that pool alone, not all of them. */
const expandOne = createRowsMemo();

/** Rows of one pool only (its map and table): the pool screen pays for its pool, not for 50. */
export function usePoolRows(name: string): {
  rows: PoolRows | null;
  isPending: boolean;
  error: Error | null;
} {
  const pool = usePool(name);
  const services = useCollection('services');
  const only = useMemo(() => (pool.data ? [pool.data] : null), [pool.data]);
  const rows = useMemo(
    () => (only && services.data ? (expandOne(only, services.data).pools.get(name) ?? null) : null),
    [only, services.data, name],
  );
  return {
    rows,
    isPending: !rows && !services.error && !pool.error,
    error: services.error ?? pool.error ?? null,
  };
}

/** The row of one address (in any pool), with its pool's rows for context. */
export function useIp(ip: string) {
  const { rows, isPending, error } = useExpandedRows();
  const found = useMemo(() => (rows ? rowsOfIp(rows, ip) : []), [rows, ip]);
  return { rows: found, isPending, error };
}
