import { l2LeaseName } from '../../cilium/l2-policy';
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
  return ctx.services.flatMap((s): RuleAlert[] => {
    if (s.view.ips.length === 0 || s.lease.kind !== 'held' || names.has(s.lease.holder)) return [];
    const holder = s.lease.holder;
    const lease = `${s.lease.lease.metadata.namespace ?? 'kube-system'}/${s.lease.lease.metadata.name}`;
    const fix = `If ${holder} is gone for good, delete its leases (kubectl -n kube-system delete lease ${s.lease.lease.metadata.name}) so a Ready node takes over; check that the Cilium agents on the selected nodes run.`;
    return [
      {
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
      },
    ];
  });
};

/**
 * `cilium-l2announce-<ns>-<name>` joins with a dash that both parts may contain: a/b-c and a-b/c
 * map to one lease, and the agents then elect one holder for both, announcing one Service's
 * addresses from the other's choice of node.
 */
export const leaseCollisionAlerts: AlertRule = (ctx) => {
  const byLease = new Map<string, ServiceModel[]>();
  for (const s of ctx.services) {
    const name = l2LeaseName(s.view.namespace, s.view.name);
    let list = byLease.get(name);
    if (!list) byLease.set(name, (list = []));
    list.push(s);
  }
  return [...byLease].flatMap(([lease, members]): RuleAlert[] => {
    if (members.length < 2 || members.filter((m) => m.view.ips.length > 0).length < 2) return [];
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
export const sharedSplitAlerts: AlertRule = (ctx) =>
  [...ctx.holders].flatMap(([ip, holders]): RuleAlert[] => {
    if (holders.length < 2) return [];
    const nodes = new Map<string, ServiceModel[]>();
    for (const h of holders) {
      if (h.lease.kind !== 'held') continue;
      let list = nodes.get(h.lease.holder);
      if (!list) nodes.set(h.lease.holder, (list = []));
      list.push(h);
    }
    if (nodes.size < 2) return [];
    const who = [...nodes].map(([node, svcs]) => `${node} (${listText(svcs.map(subjectName))})`);
    return [
      {
        id: `shared-ip-split:${ip}`,
        severity: 'warning',
        title: `${ip} is announced by ${nodes.size} nodes at once`,
        detail: `The Services sharing ${ip} have one lease each, held by different nodes: ${listText(who)}. Each answers ARP for ${ip}, so the LAN's neighbour caches flip between them and connections break.`,
        fix: `Cilium elects each Service's lease on its own and does not keep a shared address on one node: select the sharing Services with an L2 policy whose nodeSelector picks a single node, or give them separate addresses.`,
        subject: holders[0].ref,
      },
    ];
  });
