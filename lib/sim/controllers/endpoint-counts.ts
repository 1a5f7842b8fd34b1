import type { EndpointSlice } from '../../cilium/objects';
import { endpointsByService, SLICE_SERVICE_LABEL } from '../../cilium/l2-eligibility';
import { GroupIndex } from './group-index';

// endpointsByService() kept up to date one slice at a time. The L2 announcer reads the ready
// endpoints per node of a Service on every tick; recounting every slice after any slice changed
// (each Service created or deleted adds or removes one) allocated a 10,000-entry map per write at
// the scale seed, most of the garbage the server made. Here a slice change forgets only its
// Service's counts, and they are worked out again — by the same rule — when next asked for.

const serviceOf = (s: EndpointSlice): string | null => {
  const svc = s?.metadata?.labels?.[SLICE_SERVICE_LABEL];
  return svc ? `${s.metadata.namespace ?? 'default'}/${svc}` : null;
};

export class EndpointCounts {
  private readonly slices = new GroupIndex<EndpointSlice>(serviceOf);
  private readonly counts = new Map<string, Record<string, number> | undefined>();

  /** The slice under `key` was added or changed (`slice`), or deleted (undefined). */
  set(key: string, slice: EndpointSlice | undefined): void {
    for (const service of this.slices.set(key, slice)) this.counts.delete(service);
  }

  /** Ready endpoints per node of one Service, as endpointsByService(every slice).get(service). */
  get(service: string): Record<string, number> | undefined {
    if (this.counts.has(service)) return this.counts.get(service);
    // Not remembered for a Service without slices: asking must not grow the map.
    if (!this.slices.has(service)) return undefined;
    const value = endpointsByService(this.slices.of(service)).get(service);
    this.counts.set(service, value);
    return value;
  }
}
