// Output of `lbipam plan`: a readable table, or the JSON statuses Cilium would write.
import type { Service } from '../../lib/cilium/objects';
import type { Diagnosis, LbIpamEngine, ServiceStatus } from '../../lib/ipam';
import type { LoadedInput } from '../../lib/manifests/load';
import { columns } from '../../lib/scan/format/table';

const SATISFIED = 'cilium.io/IPAMRequestSatisfied';

/** lib/explain's words for a Service LB-IPAM gives nothing: what alerts show for it too. */
export interface PlanExplanation {
  title: string;
  detail: string;
  fix: string | null;
}

export interface PlanResult {
  /** `explanation` only for a Service that is pending, waits for a first pool, or is a LoadBalancer LB-IPAM ignores. */
  services: { namespace: string; name: string; status: object; explanation?: PlanExplanation }[];
  pools: { name: string; status: object }[];
  ok: boolean;
}

/**
 * The Service's status after the plan: what LB-IPAM wrote, or, when it never wrote anything (a
 * Service it does not handle, or all of them while no pool exists), the status the input gave it.
 */
function finalStatus(engine: LbIpamEngine, svc: Service): ServiceStatus {
  return (
    engine.serviceStatus(svc.metadata.namespace ?? 'default', svc.metadata.name) ??
    svc.status ?? { loadBalancer: {} }
  );
}

const waits = (d: Diagnosis) => d.state === 'pending' || d.state === 'dormant';

/** The explanation a plan shows for this Service, or undefined when there is nothing to explain. */
export function planExplanation(svc: Service, d: Diagnosis): PlanExplanation | undefined {
  const explained = waits(d) || (d.state === 'not-handled' && svc.spec?.type === 'LoadBalancer');
  return explained ? { title: d.title, detail: d.cause, fix: d.fix } : undefined;
}

export function planResult(engine: LbIpamEngine, input: LoadedInput): PlanResult {
  let ok = true;
  const services = [...input.services.values()].map((svc) => {
    const ns = svc.metadata.namespace ?? 'default';
    const d = engine.diagnose(ns, svc.metadata.name);
    if (waits(d)) ok = false;
    const explanation = planExplanation(svc, d);
    const entry = { namespace: ns, name: svc.metadata.name, status: finalStatus(engine, svc) };
    return explanation ? { ...entry, explanation } : entry;
  });
  const pools = [...input.pools.keys()].map((name) => {
    const status = engine.poolStatus(name);
    if (status?.conditions?.some((c) => c.type === 'cilium.io/PoolConflict' && c.status === 'True'))
      ok = false;
    return { name, status: status ?? {} };
  });
  return { services, pools, ok };
}

export function renderTable(engine: LbIpamEngine, input: LoadedInput): string {
  const svcRows = [['SERVICE', 'IPS', 'STATUS', 'REASON']];
  const tally = { satisfied: 0, pending: 0, ignored: 0 };
  const explained: string[] = [];
  for (const svc of input.services.values()) {
    const ns = svc.metadata.namespace ?? 'default';
    const d = engine.diagnose(ns, svc.metadata.name);
    const final = finalStatus(engine, svc);
    const status = d.state === 'satisfied' ? 'satisfied' : waits(d) ? 'pending' : 'ignored';
    const e = planExplanation(svc, d);
    if (e) explained.push(`${e.title}\n  why: ${e.detail}${e.fix ? `\n  fix: ${e.fix}` : ''}`);
    tally[status]++;
    // Cilium's own reason and message when it wrote one (also a no_pool written just before the
    // last pool went away), else our explanation (dormant, not handled).
    const cond = waits(d)
      ? final.conditions?.find((c) => c.type === SATISFIED && c.status === 'False')
      : undefined;
    const reason =
      d.state === 'satisfied' ? '' : cond ? `${cond.reason ?? ''}: ${cond.message ?? ''}` : d.cause;
    // Like kubectl's EXTERNAL-IP: the ingress the Service ends with (LB-IPAM's, or another controller's).
    const ips = (final.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
    svcRows.push([`${ns}/${svc.metadata.name}`, ips.join(',') || '-', status, reason]);
  }
  const poolRows = [['POOL', 'CONFLICT', 'TOTAL', 'USED', 'AVAILABLE']];
  for (const name of input.pools.keys()) {
    const conds = engine.poolStatus(name)?.conditions ?? [];
    const get = (t: string): string => conds.find((c) => c.type === t)?.message || '-';
    const conflict = conds.find((c) => c.type === 'cilium.io/PoolConflict');
    poolRows.push([
      name,
      conflict?.status ?? '-',
      get('cilium.io/IPsTotal'),
      get('cilium.io/IPsUsed'),
      get('cilium.io/IPsAvailable'),
    ]);
  }
  const parts = [];
  if (svcRows.length > 1) parts.push(columns(svcRows));
  if (poolRows.length > 1) parts.push(columns(poolRows));
  const conflicts = [...input.pools.keys()].flatMap((n) =>
    (engine.poolStatus(n)?.conditions ?? [])
      .filter((c) => c.type === 'cilium.io/PoolConflict' && c.status === 'True')
      .map((c) => `pool ${n}: ${c.message}`),
  );
  if (conflicts.length) parts.push(conflicts.join('\n'));
  if (explained.length) parts.push(explained.join('\n'));
  if (parts.length === 0) parts.push('no CiliumLoadBalancerIPPools or Services in the input');
  // One line a CI log can be read by: what decided the exit status.
  const bad = [
    tally.pending && `${tally.pending} Service${tally.pending > 1 ? 's' : ''} pending`,
    conflicts.length && `${conflicts.length} pool${conflicts.length > 1 ? 's' : ''} in conflict`,
  ].filter(Boolean);
  const counted = `${tally.satisfied} satisfied, ${tally.pending} pending, ${tally.ignored} not handled by LB-IPAM; ${input.pools.size} pool${input.pools.size === 1 ? '' : 's'}`;
  parts.push(
    bad.length
      ? `exit 1: ${bad.join(', ')} (${counted})`
      : `exit 0: every handled Service satisfied, no pool conflict (${counted})`,
  );
  const skipped = [...input.skipped].map(([k, n]) => `${n} ${k}`).join(', ');
  if (skipped) parts.push(`skipped (not read by LB-IPAM): ${skipped}`);
  if (input.l2Policies)
    parts.push(
      `${input.l2Policies} CiliumL2AnnouncementPolicy read (L2 announcements do not change LB-IPAM's statuses)`,
    );
  return `${parts.join('\n\n')}\n`;
}
