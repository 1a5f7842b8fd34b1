// Condition vocabularies: the current `cilium.io/*` types and the pre-1.15 `io.cilium/*` ones.
import type { Condition } from './objects';

export const SERVICE_CONDITION = {
  satisfied: 'cilium.io/IPAMRequestSatisfied',
  legacySatisfied: 'io.cilium/lb-ipam-request-satisfied',
} as const;

export const POOL_CONDITION = {
  conflict: 'cilium.io/PoolConflict',
  total: 'cilium.io/IPsTotal',
  available: 'cilium.io/IPsAvailable',
  used: 'cilium.io/IPsUsed',
  legacyConflict: 'io.cilium/conflict',
  legacyTotal: 'io.cilium/ips-total',
  legacyAvailable: 'io.cilium/ips-available',
  legacyUsed: 'io.cilium/ips-used',
} as const;

export const SERVICE_REASONS = [
  'satisfied',
  'no_pool',
  'out_of_ips',
  'already_allocated',
  'already_allocated_incompatible_service',
  'pool_selector_mismatch',
] as const;
export type ServiceReason = (typeof SERVICE_REASONS)[number];

export function findCondition(
  conditions: Condition[] | undefined,
  ...types: string[]
): Condition | undefined {
  for (const t of types) {
    const c = conditions?.find((x) => x.type === t);
    if (c) return c;
  }
  return undefined;
}

/** The Service's LB-IPAM condition in either vocabulary (current wins). */
export const serviceSatisfiedCondition = (conditions: Condition[] | undefined): Condition | undefined =>
  findCondition(conditions, SERVICE_CONDITION.satisfied, SERVICE_CONDITION.legacySatisfied);

export interface PoolConditionView {
  conflicting?: boolean;
  conflictMessage?: string;
  total?: string;
  available?: string;
  used?: string;
}

/** Reads a pool's status in either vocabulary. */
export function readPoolConditions(conditions: Condition[] | undefined): PoolConditionView {
  const conflict = findCondition(conditions, POOL_CONDITION.conflict, POOL_CONDITION.legacyConflict);
  return {
    conflicting: conflict ? conflict.status === 'True' : undefined,
    conflictMessage: conflict?.status === 'True' ? conflict.message : undefined,
    total: findCondition(conditions, POOL_CONDITION.total, POOL_CONDITION.legacyTotal)?.message,
    available: findCondition(conditions, POOL_CONDITION.available, POOL_CONDITION.legacyAvailable)?.message,
    used: findCondition(conditions, POOL_CONDITION.used, POOL_CONDITION.legacyUsed)?.message,
  };
}
