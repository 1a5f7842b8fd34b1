import type {
  CiliumL2AnnouncementPolicy,
  Deployment,
  EndpointSlice,
  KubeNode,
  Lease,
  Service,
} from '../../cilium/objects';
import { CILIUM_OPERATOR, versionFromOperator } from '../../cilium/version';
import { L2_LEASE_PREFIX } from '../../cilium/l2-policy';
import { DEFAULT_ELECTION, electLeases, newEligibleMemo, type ElectionOptions } from './l2-election';
import { EndpointCounts } from './endpoint-counts';
import { policyConditions } from './l2-policy-status';
import { Cache, keyOf, type Clock, type ControllerStore } from './port';
import { guarded } from './guard';

// The simulated L2 announcer: what all the cilium-agents together do to the
// `cilium-l2announce-*` leases. State comes from watches; every retry period (and soon after any
// relevant change) one tick runs the pure election and applies its writes. When no Service is
// selected and no lease exists a tick writes nothing.

export interface L2AnnouncerOptions extends ElectionOptions {
  /** Agents' retry period: how often ticks run on their own. 0 = only when tick() is called. */
  retryPeriodMs: number;
}

export const DEFAULT_L2: L2AnnouncerOptions = { ...DEFAULT_ELECTION, retryPeriodMs: 2000 };

const POLICY = { apiVersion: 'cilium.io/v2alpha1', kind: 'CiliumL2AnnouncementPolicy' };

export class L2Announcer {
  private readonly services: Cache<Service>;
  private readonly policies: Cache<CiliumL2AnnouncementPolicy>;
  private readonly nodes: Cache<KubeNode>;
  private readonly leases: Cache<Lease>;
  private readonly slices: Cache<EndpointSlice>;
  /** The cilium-operator Deployment: its image tag is the Cilium version the agents run. */
  private readonly operator: Cache<Deployment>;
  /** Endpoints per node of each Service, recounted only for a Service whose slices changed. */
  private readonly endpoints = new EndpointCounts();
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Immediate | null = null;
  private stopped = false;
  /** Policies to re-check for selector/regex errors on the next tick. */
  private readonly dirtyPolicies = new Set<string>();
  /** Who may announce each unchanged Service, from one round to the next. */
  private readonly memo = newEligibleMemo();
  /** Writes the last tick made, and errors it met (kept for tests and diagnostics). */
  lastTick = { writes: 0, errors: [] as string[] };

  constructor(
    private readonly store: ControllerStore,
    private readonly clock: Clock,
    private readonly opts: L2AnnouncerOptions = DEFAULT_L2,
  ) {
    this.services = new Cache(store, { apiVersion: 'v1', kind: 'Service' });
    this.policies = new Cache(store, POLICY);
    this.nodes = new Cache(store, { apiVersion: 'v1', kind: 'Node' });
    this.leases = new Cache(store, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' }, opts.namespace);
    this.slices = new Cache(store, { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' });
    this.operator = new Cache(
      store,
      { apiVersion: 'apps/v1', kind: 'Deployment' },
      CILIUM_OPERATOR.namespace,
    );
  }

  start(): void {
    const onChange = () => this.scheduleSoon();
    this.services.start(onChange);
    this.policies.start((type, policy) => {
      if (type !== 'DELETED') this.dirtyPolicies.add(keyOf(policy));
      onChange();
    });
    for (const key of this.policies.items.keys()) this.dirtyPolicies.add(key);
    this.nodes.start(onChange);
    const slices = this.slices.start((type, slice) => {
      this.endpoints.set(keyOf(slice), type === 'DELETED' ? undefined : slice);
      onChange();
    });
    for (const s of slices) this.endpoints.set(keyOf(s), s);
    this.operator.start(onChange);
    // Lease events are mostly our own writes; re-ticking on them would loop.
    this.leases.start(() => {});
    this.tick();
    if (this.opts.retryPeriodMs > 0) {
      this.timer = setInterval(
        () => guarded('L2 announcer', 'lease renewal', () => this.tick()),
        this.opts.retryPeriodMs,
      );
      this.timer.unref();
    }
  }

  /** True while a tick triggered by watch events is pending. */
  get busy(): boolean {
    return this.soon !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearImmediate(this.soon);
    for (const c of [this.services, this.policies, this.nodes, this.leases, this.slices, this.operator])
      c.close();
  }

  /** One election round at the clock's current time. Returns the number of lease writes. */
  tick(): number {
    if (this.stopped) return 0;
    this.writePolicyStatuses();
    const leases = this.leases.values().filter((l) => l.metadata.name.startsWith(L2_LEASE_PREFIX));
    const services = this.services.values();
    const policies = this.policies.values();
    if (policies.length === 0 && leases.length === 0) return this.record(0, []);
    const version = versionFromOperator(
      this.operator.items.get(`${CILIUM_OPERATOR.namespace}/${CILIUM_OPERATOR.name}`),
    );
    const writes = electLeases(
      { services, policies, nodes: this.nodes.values(), leases, endpoints: this.endpoints, version },
      this.clock.now(),
      this.opts,
      this.memo,
    );
    const errors: string[] = [];
    for (const w of writes) {
      try {
        if (w.op === 'create') this.store.create(w.lease);
        else if (w.op === 'update') this.store.update(w.lease);
        else this.store.delete({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' }, w.name, w.namespace);
      } catch (err) {
        // A conflict or a lease deleted meanwhile: the next tick sees fresh state and retries.
        errors.push(`${w.op} lease: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return this.record(writes.length, errors);
  }

  private writePolicyStatuses(): void {
    for (const key of this.dirtyPolicies) {
      const policy = this.policies.items.get(key);
      const conditions = policy && policyConditions(policy, this.clock.now());
      if (!policy || !conditions) continue;
      try {
        this.store.updateStatus({
          ...policy,
          status: { ...(policy.status ?? {}), conditions },
        } as typeof policy);
      } catch {
        // A newer copy exists; its watch event marks the policy dirty again.
      }
    }
    this.dirtyPolicies.clear();
  }

  private record(writes: number, errors: string[]): number {
    this.lastTick = { writes, errors };
    return writes;
  }

  /** Coalesces a burst of watch events (a seed, a node flap) into one tick. */
  private scheduleSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setImmediate(() => {
      this.soon = null;
      guarded('L2 announcer', 'election', () => this.tick());
    });
  }
}
