'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { IpPlan } from '../ip-plan/plan';
import type { ReserveForm } from '../manifests/reserve/types';
import type { ApplyResult, ReserveChoices, ServerAnswer } from '../what-if/reserve-answers';
import type { ReserveCheck } from '../what-if/reserve-check';
import { ApiError } from './fetch-inventory';
import { useMeta } from './use-inventory';
import { refusal } from './fetch-inventory';
import { post, postJson } from './post';

// The reserve form's questions to the server. Like what-if they are not part of the inventory:
// asked on demand and keyed by the inventory version, so a check follows the cluster as it moves
// (the previous answer stays on screen meanwhile).

export type ChoicesAnswer = ReserveChoices & { version: number };
export type CheckAnswer = { version: number; check: ReserveCheck };
export type DryRunAnswer = CheckAnswer & { dryRun: ServerAnswer };

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

const postForm = <T>(path: string, form: ReserveForm, signal?: AbortSignal) =>
  postJson<T>(path, { form }, signal);

export function useReserveChoices(pool: string | null, namespace: string) {
  const version = useMeta().data?.version ?? 0;
  return useQuery({
    queryKey: ['reserve', 'choices', pool, namespace, version],
    queryFn: ({ signal }) =>
      getJson<ChoicesAnswer>(
        `/api/reserve/choices?pool=${encodeURIComponent(pool!)}&namespace=${encodeURIComponent(namespace)}`,
        signal,
      ),
    enabled: pool !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The check of a valid form (null: the form is not valid yet, nothing is asked). */
export function useReserveCheck(form: ReserveForm | null) {
  const version = useMeta().data?.version ?? 0;
  return useQuery({
    queryKey: ['reserve', 'check', form, version],
    queryFn: ({ signal }) => postForm<CheckAnswer>('/api/reserve', form!, signal),
    enabled: form !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const useReserveDryRun = () =>
  useMutation({ mutationFn: (form: ReserveForm) => postForm<DryRunAnswer>('/api/reserve/dry-run', form) });

/** Apply answers 201 with the object, or a refusal that is still an answer (who holds the address). */
export const useReserveApply = () =>
  useMutation({
    mutationFn: async (form: ReserveForm): Promise<ApplyResult> => {
      const res = await post('/api/reserve/apply', { form });
      const body = (await res.json().catch(() => null)) as
        ApplyResult | { error?: string; code?: string } | null;
      if (body && 'state' in body) return body;
      throw new ApiError(body?.error ?? `HTTP ${res.status}`, res.status, body?.code);
    },
  });

export function useIpPlan() {
  return useQuery({
    queryKey: ['ip-plan'],
    queryFn: ({ signal }) => getJson<{ plan: IpPlan }>('/api/ip-plan', signal).then((b) => b.plan),
    staleTime: Infinity,
    retry: false,
  });
}
