import { describeSelector, l2PolicySelectsNode, type L2PolicyView as CiliumL2Policy } from '../cilium';
import type { KubeEvent, KubeNode } from '../cilium/objects';
import type { LeaseState } from './announcer';
import type { ServiceModel } from './service-model';
import type { AnnouncerView, EventView, L2PolicyView, NodeView } from './types';
import { compareNatural } from './view/format';

// Nodes, L2 policies, announcers and events as the screens need them: trimmed to what is shown,
// keyed, and joined once here (which policies select a node, how many addresses it announces).

export function l2PolicyViews(policies: CiliumL2Policy[], nodes: KubeNode[]): L2PolicyView[] {
  return policies
    .map((p) => ({
      name: p.name,
      serviceSelector: describeSelector(p.serviceSelector),
      nodeSelector: p.nodeSelector
        ? describeSelector(p.nodeSelector).replace('every Service', 'every node')
        : 'every node',
      interfaces: p.interfaces,
      externalIPs: p.externalIPs,
      loadBalancerIPs: p.loadBalancerIPs,
      nodes: nodes.filter((n) => l2PolicySelectsNode(p, n)).map((n) => n.metadata.name),
    }))
    .sort((a, b) => compareNatural(a.name, b.name));
}

function readyOf(n: KubeNode): { ready: boolean | null; reason: string | null } {
  const conds = Array.isArray(n.status?.conditions) ? n.status.conditions : [];
  const c = conds.find((x) => x.type === 'Ready');
  if (!c) return { ready: null, reason: null };
  if (c.status === 'True') return { ready: true, reason: null };
  return { ready: false, reason: c.message || c.reason || `Ready=${c.status}` };
}

export function nodeViews(
  nodes: KubeNode[],
  policies: L2PolicyView[],
  announcers: AnnouncerView[],
): NodeView[] {
  const counts = new Map<string, number>();
  for (const a of announcers)
    if (a.state === 'held' && a.holder) counts.set(a.holder, (counts.get(a.holder) ?? 0) + 1);
  return nodes
    .map((n): NodeView => {
      const { ready, reason } = readyOf(n);
      const name = n.metadata.name;
      return {
        name,
        ready,
        notReadyReason: reason,
        addresses: (Array.isArray(n.status?.addresses) ? n.status.addresses : [])
          .filter((a) => typeof a?.address === 'string')
          .map((a) => ({ type: String(a.type), address: a.address })),
        l2Policies: policies.filter((p) => p.nodes.includes(name)).map((p) => p.name),
        announcing: counts.get(name) ?? 0,
      };
    })
    .sort((a, b) => compareNatural(a.name, b.name));
}

const leaseStateName = (s: LeaseState): AnnouncerView['state'] | null => (s.kind === 'none' ? null : s.kind);

/** One row per Service that has an L2 announcement lease, in Service order. */
export function announcerViews(services: ServiceModel[]): AnnouncerView[] {
  const out: AnnouncerView[] = [];
  for (const s of services) {
    const state = leaseStateName(s.lease);
    if (state === null || s.lease.kind === 'none') continue;
    const l = s.lease.lease;
    out.push({
      key: s.key,
      service: s.ref,
      lease: { namespace: l.metadata.namespace ?? 'default', name: l.metadata.name },
      holder: s.lease.kind === 'unheld' ? null : s.lease.holder,
      state,
      acquireTime: l.spec?.acquireTime ?? null,
      durationSeconds: typeof l.spec?.leaseDurationSeconds === 'number' ? l.spec.leaseDurationSeconds : null,
      transitions: typeof l.spec?.leaseTransitions === 'number' ? l.spec.leaseTransitions : null,
      ips: s.view.ips,
    });
  }
  return out;
}

const eventTime = (e: KubeEvent) =>
  e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? null;

/** Events newest first (lib/kube already bounds how many are kept). */
export function eventViews(events: KubeEvent[]): EventView[] {
  const seen = new Set<string>();
  const out: EventView[] = [];
  for (const e of events) {
    if (typeof e?.metadata?.name !== 'string') continue;
    const key = e.metadata.uid ?? `${e.metadata.namespace ?? ''}/${e.metadata.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.message ?? '',
      object: {
        kind: e.involvedObject?.kind ?? '',
        namespace: e.involvedObject?.namespace ?? null,
        name: e.involvedObject?.name ?? '',
      },
      count: typeof e.count === 'number' ? e.count : 1,
      lastSeen: eventTime(e),
    });
  }
  return out.sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
}
