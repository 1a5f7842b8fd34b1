// The engine's plan of a scanned repository on an empty cluster: its pools, then every Service it
// creates (plain Services as written, the ones charts and Gateways create from their claims), fed
// to the same LB-IPAM engine `lbipam plan` and the dashboard use. Pure (time is passed in).
import { defaultEngineOptions, LbIpamEngine, type EngineOptions } from '../ipam';
import { addObject, newInput, PlanInputError, type LoadedInput } from '../manifests/load';
import type { DeclaredService, ScanResult } from './scan';
import { serviceName } from './service-object';
import type { Owner, Place } from './types';

export interface PlanEntry {
  /** `namespace/name` of the Service the plan created. */
  service: string;
  owner: Owner;
  at: Place;
  /** `unresolved`: a claim's variable has no value here, so the Service is left out of the plan rather than given a guess. */
  state: 'satisfied' | 'pending' | 'dormant' | 'not-handled' | 'unknown' | 'unresolved';
  ips: string[];
  /** What the dashboard's alert says (lib/explain): a title, why, and a fix. */
  title: string;
  detail: string;
  fix: string | null;
  /** Cilium's reason, when it wrote one. */
  reason: string | null;
}

export interface PoolPlan {
  name: string;
  conflict: string | null;
  total: string;
  used: string;
  available: string;
}

export interface RepoPlan {
  entries: PlanEntry[];
  pools: PoolPlan[];
  /** Objects the engine refuses (what the API server would reject), with the place. */
  refused: { at: Place; message: string }[];
}

/**
 * The plan's input: pools, L2 policies and Services of the scan, in that order. `strict` throws the
 * first object the API server would refuse (`lbipam plan`'s exit 2); otherwise each is collected.
 */
export function planInput(
  scan: ScanResult,
  now: Date,
  strict: boolean,
): { input: LoadedInput; refused: RepoPlan['refused']; places: Map<string, DeclaredService> } {
  const input = newInput();
  const refused: RepoPlan['refused'] = [];
  let created = Math.floor(now.getTime() / 1000) * 1000;
  const clock = { next: () => new Date((created += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const add = (raw: unknown, place: Place, where: string) => {
    try {
      addObject(raw, where, input, clock);
    } catch (err) {
      if (strict || !(err instanceof PlanInputError)) throw err;
      refused.push({
        at: place,
        message: err.message.startsWith(where) ? err.message.slice(where.length + 2) : err.message,
      });
    }
  };
  const places = new Map<string, DeclaredService>();
  for (const o of scan.objects) {
    if (o.unresolved) continue;
    add(o.object, o.at, o.where);
    if (o.service) places.set(serviceName(o.service).join('/'), o.service);
  }
  return { input, refused, places };
}

export function planRepository(
  scan: ScanResult,
  now: Date,
  options: EngineOptions = defaultEngineOptions,
): RepoPlan {
  const { input, refused, places } = planInput(scan, now, false);
  const engine = new LbIpamEngine(options, () => now);
  for (const step of input.events) if (step.op !== 'restart') engine.apply(step);
  const entries: PlanEntry[] = [];
  for (const [key, svc] of input.services) {
    const decl = places.get(key);
    if (!decl) continue;
    const d = engine.diagnose(svc.metadata.namespace ?? 'default', svc.metadata.name);
    entries.push({
      service: key,
      owner: decl.owner,
      at: decl.at,
      state: d.state,
      ips: d.ips,
      title: d.title,
      detail: d.cause,
      fix: d.fix,
      reason: d.reason ?? null,
    });
  }
  for (const o of scan.objects) {
    if (!o.unresolved || !o.service) continue;
    entries.push({
      service: serviceName(o.service).join('/'),
      owner: o.service.owner,
      at: o.at,
      state: 'unresolved',
      ips: [],
      title: 'not planned: a variable has no value',
      detail: o.unresolved,
      fix: null,
      reason: null,
    });
  }
  const pools = [...input.pools.keys()].map((name) => {
    const conds = engine.poolStatus(name)?.conditions ?? [];
    const get = (t: string) => conds.find((c) => c.type === t)?.message || '-';
    const conflict = conds.find((c) => c.type === 'cilium.io/PoolConflict' && c.status === 'True');
    return {
      name,
      conflict: conflict ? (conflict.message ?? 'conflict') : null,
      total: get('cilium.io/IPsTotal'),
      used: get('cilium.io/IPsUsed'),
      available: get('cilium.io/IPsAvailable'),
    };
  });
  return { entries, pools, refused };
}
