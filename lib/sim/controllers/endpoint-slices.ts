import type { EndpointSlice, KubeObject, Pod, Service } from '../../cilium/objects';
import { SLICE_SERVICE_LABEL } from '../../cilium/l2-eligibility';
import { sameJson } from './compare';
import {
  desiredSlice,
  managesSlices,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  selectedPods,
} from './endpoint-slice-model';
import { GroupIndex } from './group-index';
import { guarded } from './guard';
import { Cache, keyOf, type ControllerStore } from './port';

// The simulated endpoint-slice controller (kube-controller-manager's): every Service with a
// selector gets the slice desiredSlice() says, kept up to date as its Pods come, go, move or
// change readiness; slices it manages whose Service is gone or lost its selector are deleted.
// Slices it does not manage (selector-less Services: users', Cilium's Gateway API ones) are left alone.

const SVC = { apiVersion: 'v1', kind: 'Service' };
const POD = { apiVersion: 'v1', kind: 'Pod' };
const SLICE = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };

const svcKey = (namespace: string | undefined, name: string) => `${namespace ?? 'default'}/${name}`;
const managed = (s: EndpointSlice | undefined) => s?.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY;
/** The Service (ns/name) a slice of ours belongs to; null for slices we do not manage. */
const ownerOf = (s: EndpointSlice) => {
  const owner = s.metadata.labels?.[SLICE_SERVICE_LABEL];
  return managed(s) && owner ? svcKey(s.metadata.namespace, owner) : null;
};

/** The part of a slice the controller owns, for "does it need a write". */
const ownedView = (s: EndpointSlice) => ({
  labels: s.metadata.labels ?? {},
  addressType: s.addressType,
  endpoints: s.endpoints ?? [],
  ports: s.ports ?? [],
});

export class EndpointSliceController {
  private readonly services: Cache<Service>;
  private readonly pods: Cache<Pod>;
  private readonly slices: Cache<EndpointSlice>;
  /** Our slices by Service, kept with the cache (regrouping 10,000 slices per turn was garbage). */
  private readonly ours = new GroupIndex<EndpointSlice>(ownerOf);
  /** Services (ns/name) to reconcile on the next turn. */
  private readonly dirty = new Set<string>();
  private soon: NodeJS.Immediate | null = null;
  private stopped = false;
  lastError = '';

  constructor(private readonly store: ControllerStore) {
    this.services = new Cache(store, SVC);
    this.pods = new Cache(store, POD);
    this.slices = new Cache(store, SLICE);
  }

  start(): void {
    this.services.start((_t, s) => this.mark(svcKey(s.metadata.namespace, s.metadata.name)));
    this.pods.start((_t, pod, prev) => {
      // The Services that select the Pod now or selected it before its change.
      for (const p of [pod, prev]) {
        if (!p) continue;
        for (const s of this.services.values())
          if (selectedPods(s, [p]).length > 0) this.mark(svcKey(s.metadata.namespace, s.metadata.name));
      }
    });
    const slices = this.slices.start((type, slice) => {
      // Someone else edited or deleted one of ours: put it back.
      for (const owner of this.ours.set(keyOf(slice), type === 'DELETED' ? undefined : slice))
        this.mark(owner);
    });
    for (const s of this.services.values()) this.dirty.add(svcKey(s.metadata.namespace, s.metadata.name));
    for (const s of slices) for (const owner of this.ours.set(keyOf(s), s)) this.dirty.add(owner);
    this.reconcile();
  }

  get busy(): boolean {
    return this.soon !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.soon) clearImmediate(this.soon);
    for (const c of [this.services, this.pods, this.slices]) c.close();
  }

  private mark(key: string): void {
    this.dirty.add(key);
    if (this.soon || this.stopped) return;
    this.soon = setImmediate(() => {
      this.soon = null;
      guarded('EndpointSlice controller', 'reconcile', () => this.reconcile());
    });
  }

  private reconcile(): void {
    if (this.stopped) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    if (keys.length === 0) return;
    const pods = this.pods.values();
    for (const key of keys) {
      const svc = this.services.items.get(key);
      const existing = this.ours.of(key);
      const want = svc && managesSlices(svc) ? desiredSlice(svc, pods) : null;
      for (const s of existing) {
        if (want && s.metadata.name === want.metadata.name) continue;
        this.attempt(() => this.store.delete(SLICE, s.metadata.name, s.metadata.namespace));
      }
      if (!want) continue;
      const current = existing.find((s) => s.metadata.name === want.metadata.name);
      if (!current) this.attempt(() => this.store.create(want as KubeObject));
      else if (!sameJson(ownedView(current), ownedView(want))) {
        this.attempt(() =>
          this.store.update({
            ...current,
            ...want,
            metadata: { ...current.metadata, labels: want.metadata.labels },
          } as KubeObject),
        );
      }
    }
  }

  private attempt(fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      // A stale copy or a Service deleted meanwhile: the watch event that follows marks it again.
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }
}
