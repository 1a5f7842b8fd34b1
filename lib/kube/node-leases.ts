import 'server-only';
import type { ClusterState } from '../cilium/cluster-state';
import { leaseReading } from '../inventory/lease-reading';
import type { Inventory } from '../inventory/types';
import type { NodeLease, NodeLeasesResponse } from '../inventory/view/ip-detail-wire';
import { compareNatural } from '../inventory/view/format';

// GET /api/leases?holder=<node>: the L2 leases one node holds, with renewTime, read from the
// watched leases when a user opens that node (the inventory leaves renewTime out on purpose).

export function nodeLeases(
  inventory: Inventory,
  state: ClusterState,
  holder: string,
  now: Date,
): NodeLeasesResponse {
  const byLease = new Map(inventory.announcers.map((a) => [`${a.lease.namespace}/${a.lease.name}`, a]));
  const leases: NodeLease[] = [];
  for (const l of state.leases) {
    if (l.spec?.holderIdentity?.trim() !== holder) continue;
    const reading = leaseReading(l, now.getTime());
    const announcer = byLease.get(`${reading.namespace}/${reading.name}`);
    leases.push({ ...reading, service: announcer?.key ?? null, ips: announcer?.ips ?? [] });
  }
  leases.sort((a, b) => compareNatural(a.service ?? a.name, b.service ?? b.name));
  return {
    version: inventory.version,
    now: now.toISOString(),
    holder,
    known: inventory.nodes.some((n) => n.name === holder),
    leases,
  };
}
