'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GitopsResponse } from '../scan/wire';
import { refusal } from './fetch-inventory';

// The GitOps page's one query: the configured repository (a server setting) scanned, planned and
// compared with the cluster. Not part of the inventory (its own key); rescanned when asked.

export const gitopsKey = ['gitops'] as const;

export async function fetchGitops(refresh: boolean, signal?: AbortSignal): Promise<GitopsResponse> {
  const res = await fetch(refresh ? '/api/gitops?refresh=1' : '/api/gitops', {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as GitopsResponse;
}

export const useGitops = (enabled = true) =>
  useQuery({
    queryKey: gitopsKey,
    enabled,
    queryFn: ({ signal }) => fetchGitops(false, signal),
    staleTime: 30_000,
    retry: false,
  });

/** Rescan now: the answer replaces the query's data. */
export function useRescan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchGitops(true),
    onSuccess: (data) => client.setQueryData(gitopsKey, data),
  });
}
