import 'server-only';
import type { ClusterState } from '../cilium/cluster-state';
import { leaseReading } from '../inventory/lease-reading';
import type { Alert, Inventory, ServiceView } from '../inventory/types';
import type { AddressOutlookWire, IpDetailResponse, IpServiceExtras } from '../inventory/view/ip-detail-wire';
import { ipFacts, ipSubjects, subjectKey, type IpFacts } from '../inventory/view/ip-facts';
import type { Family } from '../net';
import { outlookEngine } from './outlook-engine';
import { readFailure, type ServiceReads } from './service-reads';

// GET /api/ips/<ip>: the address's facts from the inventory (the same pure rule the page runs on
// its cache), plus what only the server can read at this moment: every alert member about it, its
// Services' leases with renewTime, their YAML and Events from the API server, and for an address
// nobody holds, the engine's outlook.

export interface IpDetailSources {
  inventory: Inventory;
  members: (groupId: string) => Alert[] | null;
  state: () => ClusterState;
  reads: ServiceReads;
  now: Date;
}

/** Services read from the cluster per request: a shared address rarely has more. */
const MAX_SERVICES = 8;

/** Groups larger than the subjects they list, with a member about these objects. */
function memberAlertIds(src: IpDetailSources, subjects: Set<string>): string[] {
  const out: string[] = [];
  for (const g of src.inventory.alerts) {
    if (g.count <= g.subjects.length) continue; // every member is among its subjects already
    if ((src.members(g.id) ?? []).some((a) => subjects.has(subjectKey(a.subject)))) out.push(g.id);
  }
  return out;
}

async function extrasOf(
  src: IpDetailSources,
  s: ServiceView,
  leases: ClusterState['leases'],
): Promise<IpServiceExtras> {
  const announcer = src.inventory.announcers.find((a) => a.key === s.key);
  const lease = announcer
    ? leases.find(
        (l) =>
          l.metadata.name === announcer.lease.name &&
          (l.metadata.namespace ?? 'default') === announcer.lease.namespace,
      )
    : undefined;
  const [yaml, events] = await Promise.allSettled([
    src.reads.yaml(s.namespace, s.name),
    src.reads.events(s.namespace, s.name),
  ]);
  return {
    key: s.key,
    lease: lease ? leaseReading(lease, src.now.getTime()) : null,
    yaml: yaml.status === 'fulfilled' ? yaml.value : null,
    yamlError: yaml.status === 'rejected' ? readFailure(yaml.reason, `Service ${s.key}`) : null,
    events: events.status === 'fulfilled' ? events.value.events : [],
    eventsTotal: events.status === 'fulfilled' ? events.value.total : 0,
    eventsError:
      events.status === 'rejected' ? readFailure(events.reason, `the Events of Service ${s.key}`) : null,
  };
}

function outlookOf(src: IpDetailSources, facts: IpFacts, state: ClusterState): AddressOutlookWire | null {
  if (facts.holders.length > 0 || facts.placements.length === 0) return null;
  const engine = outlookEngine(src.inventory.version, state, src.now);
  const o = engine.addressOutlook(facts.ip);
  if (!o) return null;
  const disabled = [...new Set(o.ranges.filter((r) => r.blocked === 'disabled').map((r) => r.pool))];
  return {
    ...o,
    ifEnabled: disabled.map((pool) => ({ pool, holders: engine.holdersIfEnabled(pool, facts.ip) ?? [] })),
  };
}

export async function readIpDetail(
  src: IpDetailSources,
  ip: string,
  family: Family,
): Promise<IpDetailResponse> {
  const inv = src.inventory;
  const first = ipFacts(ip, family, inv);
  const alertIds = memberAlertIds(src, ipSubjects(first));
  const facts = alertIds.length > 0 ? ipFacts(ip, family, { ...inv, alertIds: new Set(alertIds) }) : first;
  const state = src.state();
  const services = await Promise.all(
    [...facts.holders, ...facts.waiting].slice(0, MAX_SERVICES).map((s) => extrasOf(src, s, state.leases)),
  );
  return {
    version: inv.version,
    now: src.now.toISOString(),
    ip,
    facts,
    alertIds: facts.alerts.map((a) => a.id),
    services,
    outlook: outlookOf(src, facts, state),
  };
}
