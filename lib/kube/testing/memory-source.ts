import {
  emptyClusterState,
  type ClusterInfo,
  type ClusterState,
  type SourceStatus,
} from '../../cilium/cluster-state';
import type { Service } from '../../cilium/objects';
import type { Inventory, ServiceView } from '../../inventory/types';
import type { FeedInput, FeedSource } from '../inventory-feed';

// A FeedSource held in memory, for testing the feed and the SSE stream without a cluster. The
// informer side has its own tests against a real API server over loopback.

export class MemorySource implements FeedSource {
  readonly info: ClusterInfo = {
    name: 'memory',
    origin: 'embedded',
    server: 'http://127.0.0.1:1',
    readOnly: true,
  };
  private current: ClusterState = emptyClusterState();
  private readonly listeners = new Set<() => void>();
  started = 0;

  start(): void {
    this.started++;
  }
  async stop(): Promise<void> {}
  state(): ClusterState {
    return { ...this.current };
  }
  statuses(): SourceStatus[] {
    return [{ source: 'services', state: 'live', required: true, since: '2025-01-01T00:00:00Z' }];
  }
  requiredListed(): boolean {
    return true;
  }
  settled(): boolean {
    return true;
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setServices(services: Service[]): void {
    this.current = { ...this.current, services };
    this.changed();
  }
  /** Tell the feed something changed (after overriding statuses() or the readiness methods). */
  changed(): void {
    for (const l of this.listeners) l();
  }
}

export const lbService = (name: string, ip?: string): Service => ({
  metadata: { name, namespace: 'default' },
  spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
  status: ip ? { loadBalancer: { ingress: [{ ip }] } } : {},
});

/** A deliberately small projection of services, enough to see changes flow through the feed. */
export function servicesOnlyInventory(input: FeedInput): Inventory {
  const services: ServiceView[] = input.state.services.map((s) => {
    const ips = (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    return {
      key: `${s.metadata.namespace ?? ''}/${s.metadata.name}`,
      namespace: s.metadata.namespace ?? '',
      name: s.metadata.name,
      displayName: s.metadata.name,
      displayNamespace: s.metadata.namespace ?? '',
      type: null,
      notes: null,
      gateway: null,
      ips,
      requestedIps: [],
      satisfied: ips.length > 0,
      reason: null,
      message: null,
      announcer: null,
      sharingKey: null,
      ports: (s.spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
    };
  });
  return {
    version: 0,
    generatedAt: new Date(input.now).toISOString(),
    cluster: input.cluster,
    sources: input.sources,
    pools: [],
    services,
    alerts: [],
    nodes: [],
    l2Policies: [],
    announcers: [],
    events: [],
    arp: [],
    probers: [],
  };
}
