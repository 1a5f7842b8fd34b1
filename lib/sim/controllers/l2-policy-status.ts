import { readL2Policy } from '../../cilium/l2-policy';
import type { CiliumL2AnnouncementPolicy, Condition } from '../../cilium/objects';
import { rfc3339 } from '../object-utils';

// What the agents write into a CiliumL2AnnouncementPolicy's status (reference A.5): one condition
// per kind of error, True with the parse error while invalid, flipped to False with an empty
// message once fixed, and never created for a policy that never had that error.

export const POLICY_CONDITION_TYPES = [
  'io.cilium/bad-node-selector',
  'io.cilium/bad-service-selector',
  'io.cilium/bad-interface-regex',
] as const;

/** The policy's conditions after this evaluation; undefined when nothing would change. */
export function policyConditions(policy: CiliumL2AnnouncementPolicy, now: Date): Condition[] | undefined {
  const errors = readL2Policy(policy).errors;
  const current = policy.status?.conditions ?? [];
  const time = rfc3339(now);
  const next: Condition[] = current.filter(
    (c) => !(POLICY_CONDITION_TYPES as readonly string[]).includes(c.type),
  );
  let changed = false;
  for (const type of POLICY_CONDITION_TYPES) {
    const err = errors.find((e) => e.type === type);
    const old = current.find((c) => c.type === type);
    if (!err && !old) continue;
    const status = err ? 'True' : 'False';
    const message = err ? err.message : '';
    if (old && old.status === status && old.message === message && old.reason === 'error') {
      next.push(old);
      continue;
    }
    changed = true;
    next.push({
      type,
      status,
      reason: 'error',
      message,
      observedGeneration: policy.metadata.generation,
      lastTransitionTime:
        old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : time,
    });
  }
  return changed ? next : undefined;
}
