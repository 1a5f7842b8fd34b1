// A deep copy of the engine state, so what-if can run events without touching the original.
import { Core, cloneStatus, type PoolRecord } from './core';
import { LbRange, NO_CANDIDATES, RangesStore, ServiceStore, ServiceView, type Holders } from './model';

export function cloneCore(src: Core): Core {
  const dst = new Core(src.options, src.now);
  const views = new Map<ServiceView, ServiceView>();
  const ranges = new Map<LbRange, LbRange>();
  const view = (sv: ServiceView): ServiceView => {
    let c = views.get(sv);
    if (!c) {
      c = Object.assign(new ServiceView(sv.key, sv.namespace, sv.name), sv, {
        status: cloneStatus(sv.status),
        allocated: [],
        candidates: NO_CANDIDATES, // the copy has its own ranges
      });
      views.set(sv, c);
    }
    return c;
  };
  const rangeOf = (r: LbRange): LbRange => {
    let c = ranges.get(r);
    if (!c) {
      c = new LbRange(
        r.alloc.clone<Holders>((h) => (h === null ? null : h.map(view))),
        r.originPool,
        r.externallyDisabled,
      );
      c.internallyDisabled = r.internallyDisabled;
      dst.watchRange(c);
      ranges.set(r, c);
    }
    return c;
  };
  dst.ranges = new RangesStore();
  for (const r of src.ranges.ranges) dst.ranges.add(rangeOf(r));
  for (const [k, list] of src.ranges.sharingKeyIPs) {
    dst.ranges.sharingKeyIPs.set(
      k,
      list.map((a) => ({ ip: a.ip, origin: rangeOf(a.origin) })),
    );
  }
  dst.services = new ServiceStore();
  for (const [k, sv] of src.services.satisfied) dst.services.satisfied.set(k, view(sv));
  for (const [k, sv] of src.services.unsatisfied) dst.services.unsatisfied.set(k, view(sv));
  for (const [orig, copy] of views)
    copy.allocated = orig.allocated.map((a) => ({ ip: a.ip, origin: rangeOf(a.origin) }));
  for (const [name, rec] of src.pools) {
    const copy: PoolRecord = {
      obj: rec.obj,
      seq: rec.seq,
      status: { conditions: rec.status.conditions.map((c) => ({ ...c })) },
    };
    dst.pools.set(name, copy);
  }
  dst.initialized = src.initialized;
  dst.countsAll = true;
  dst.known = new Map(src.known);
  dst.written = new Map([...src.written].map(([k, s]) => [k, cloneStatus(s)]));
  dst.poolSeq = src.poolSeq;
  dst.poolErrors = new Map(src.poolErrors);
  return dst;
}
