import type { Lease } from '../../cilium/objects';
import { listText } from '../../explain';
import { refText, type ServiceModel } from '../service-model';
import { serviceAlertId, subjectName, type AlertRule, type RuleAlert } from './context';

// What the L2 leases themselves say is wrong (beside expiry and NotReady holders, in ./network.ts):
// a holder that is no node of this cluster, two Services whose names map to one lease, and one
// shared address announced by two nodes.

/** A live lease held by a node the cluster does not have (deleted, or renamed): nobody may be answering. */
export const leaseMissingNodeAlerts: AlertRule = (ctx) => {
  if (ctx.nodes.length === 0) return [];
  const names = new Set(ctx.nodes.map((n) => n.metadata.name));
  const out: RuleAlert[] = [];
  // A loop, not flatMap: this runs over every Service of every build.
  for (const s of ctx.services) {
    if (s.view.ips.length === 0 || s.lease.kind !== 'held' || names.has(s.lease.holder)) continue;
    const holder = s.lease.holder;
    const lease = `${s.lease.lease.metadata.namespace ?? 'kube-system'}/${s.lease.lease.metadata.name}`;
    const fix = `If ${holder} is gone for good, delete its leases (kubectl -n kube-system delete lease ${s.lease.lease.metadata.name}) so a Ready node takes over; check that the Cilium agents on the selected nodes run.`;
    out.push({
      id: serviceAlertId('lease-missing-node', s),
      cause: `missing-node:${holder}`,
      severity: 'warning',
      title: `${subjectName(s)} is announced by ${holder}, which is not a node of this cluster`,
      detail: `Lease ${lease} names ${holder} as its holder, but no Node ${holder} exists: ARP for ${listText(s.view.ips)} may go unanswered until the lease expires.`,
      fix,
      subject: s.ref,
      shared: {
        headline: `are announced by ${holder}, which is not a node of this cluster`,
        detail: `Their leases name ${holder} as holder, but no Node ${holder} exists: ARP for their addresses may go unanswered.`,
        fix: `If ${holder} is gone for good, delete its cilium-l2announce leases so a Ready node takes over.`,
      },
    });
  }
  return out;
};

/**
 * `cilium-l2announce-<ns>-<name>` joins with a dash that both parts may contain: a/b-c and a-b/c
 * map to one lease, and the agents then elect one holder for both, announcing one Service's
 * addresses from the other's choice of node. Each Service already found its lease by that name
 * (./service-model.ts), so colliding Services are the ones that found the same Lease object.
 */
export const leaseCollisionAlerts: AlertRule = (ctx) => {
  const first = new Map<Lease, ServiceModel>();
  const byLease = new Map<string, ServiceModel[]>();
  for (const s of ctx.services) {
    if (s.lease.kind === 'none') continue;
    const lease = s.lease.lease;
    const seen = first.get(lease);
    if (!seen) {
      first.set(lease, s);
      continue;
    }
    const list = byLease.get(lease.metadata.name);
    if (list) list.push(s);
    else byLease.set(lease.metadata.name, [seen, s]);
  }
  return [...byLease].flatMap(([lease, members]): RuleAlert[] => {
    if (members.filter((m) => m.view.ips.length > 0).length < 2) return [];
    const names = members.map((m) => refText(m.ref));
    return [
      {
        id: `lease-collision:${lease}`,
        severity: 'warning',
        title: `${listText(names)} share one L2 lease name`,
        detail: `Cilium names each Service's lease cilium-l2announce-<namespace>-<name>, so ${listText(names)} all map to ${lease}: the agents elect one holder for all of them and may stop announcing one while renewing the other.`,
        fix: `Rename one of them (or move it to another namespace) so the names no longer collide.`,
        subject: members[0].ref,
      },
    ];
  });
};

/** Services sharing one address but whose leases sit on different nodes: two nodes answer ARP for it. */
export const sharedSplitAlerts: AlertRule = (ctx) => {
  const out: RuleAlert[] = [];
  for (const [ip, holders] of ctx.holders) {
    if (holders.length < 2) continue;
    const nodes = new Map<string, ServiceModel[]>();
    for (const h of holders) {
      if (h.lease.kind !== 'held') continue;
      let list = nodes.get(h.lease.holder);
      if (!list) nodes.set(h.lease.holder, (list = []));
      list.push(h);
    }
    if (nodes.size < 2) continue;
    const who = [...nodes].map(([node, svcs]) => `${node} (${listText(svcs.map(subjectName))})`);
    out.push({
      id: `shared-ip-split:${ip}`,
      severity: 'warning',
      title: `${ip} is announced by ${nodes.size} nodes at once`,
      detail: `The Services sharing ${ip} have one lease each, held by different nodes: ${listText(who)}. Each answers ARP for ${ip}, so the LAN's neighbour caches flip between them and connections break.`,
      fix: `Cilium elects each Service's lease on its own and does not keep a shared address on one node: select the sharing Services with an L2 policy whose nodeSelector picks a single node, or give them separate addresses.`,
      subject: holders[0].ref,
    });
  }
  return out;
};
