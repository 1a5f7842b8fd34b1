'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { WhatIfReport, WhatIfRequest } from '../what-if/types';
import { refusal } from './fetch-inventory';
import { postJson } from './post';

// What-if is a question, not a part of the inventory: asked on demand (a mutation, never cached
// under ['inventory']), answered from the cluster as it is at that moment.

export type WhatIfAnswer = WhatIfReport & { version: number };

export async function postWhatIf(request: WhatIfRequest, signal?: AbortSignal): Promise<WhatIfAnswer> {
  return postJson<WhatIfAnswer>('/api/what-if', request, signal);
}

export const useWhatIf = () => useMutation({ mutationFn: (r: WhatIfRequest) => postWhatIf(r) });

export type TemplateTarget = { pool: string } | { policy: string };

export async function fetchTemplate(target: TemplateTarget, signal?: AbortSignal): Promise<string> {
  const q =
    'pool' in target
      ? `pool=${encodeURIComponent(target.pool)}`
      : `policy=${encodeURIComponent(target.policy)}`;
  const res = await fetch(`/api/what-if/template?${q}`, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await refusal(res);
  return ((await res.json()) as { yaml: string }).yaml;
}

/** The live object as editable YAML; fetched when chosen, not kept live (the operator is editing it). */
export function useWhatIfTemplate(target: TemplateTarget | null) {
  return useQuery({
    queryKey: ['what-if-template', target],
    queryFn: ({ signal }) => fetchTemplate(target!, signal),
    enabled: target !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}
