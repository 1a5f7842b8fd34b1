'use client';

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { IpDetailResponse, NodeLeasesResponse } from '../inventory/view/ip-detail-wire';
import { failure } from './fetch-inventory';
import { queryKeys } from './query-keys';

// What the IP page and the nodes screen read on demand, beside the live inventory: not kept live by
// the stream, but keyed by a revision of the live facts they depend on, so they are fetched again
// when those move (and on a stream reset, being under ['inventory']). The previous answer stays on
// screen while the next one is on its way.

const onDemand = {
  staleTime: Infinity,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: false,
  placeholderData: keepPreviousData,
} as const;

export async function fetchIpDetail(ip: string, signal?: AbortSignal): Promise<IpDetailResponse> {
  const path = `/api/ips/${encodeURIComponent(ip)}`;
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res, path);
  return (await res.json()) as IpDetailResponse;
}

export const ipDetailQueryOptions = (ip: string, revision: string) =>
  queryOptions({
    queryKey: queryKeys.ip(ip, revision),
    queryFn: ({ signal }) => fetchIpDetail(ip, signal),
    ...onDemand,
  });

export async function fetchNodeLeases(node: string, signal?: AbortSignal): Promise<NodeLeasesResponse> {
  const path = `/api/leases?holder=${encodeURIComponent(node)}`;
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res, path);
  return (await res.json()) as NodeLeasesResponse;
}

export const nodeLeasesQueryOptions = (node: string, revision: string) =>
  queryOptions({
    queryKey: queryKeys.nodeLeases(node, revision),
    queryFn: ({ signal }) => fetchNodeLeases(node, signal),
    ...onDemand,
  });
