// Drift between a repository and the live cluster: declared but not live, live but not declared,
// declared at a different address than live. Pure: the live side is the inventory's Services.
import { canonicalAddr } from '../net';
import { describeOwner } from './findings';
import { serviceName } from './service-object';
import type { DeclaredService } from './scan';
import type { Place } from './types';

/** What the inventory knows of a live Service (lib/inventory ServiceView carries these fields). */
export interface LiveService {
  namespace: string;
  name: string;
  ips: string[];
  /** `namespace/name` of the Gateway it was generated for. */
  gateway: string | null;
}

export type DriftKind = 'declared-not-live' | 'live-not-declared' | 'different-address';

export interface DriftEntry {
  kind: DriftKind;
  /** The declared owner, e.g. `HelmRelease media/plex`; null for a live Service nothing declares. */
  declared: string | null;
  /** The live Service, `namespace/name`; null when there is none. */
  live: string | null;
  declaredIps: string[];
  liveIps: string[];
  at: Place | null;
  message: string;
}

const key = (s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`;

export function drift(declared: readonly DeclaredService[], live: readonly LiveService[]): DriftEntry[] {
  const byName = new Map(live.map((s) => [key(s), s]));
  const byGateway = new Map(live.filter((s) => s.gateway).map((s) => [s.gateway!, s]));
  const holder = new Map<string, LiveService>();
  for (const s of live) for (const ip of s.ips) holder.set(canonicalAddr(ip), s);
  const matched = new Set<LiveService>();
  const declaredFor = new Map<string, string>();
  const out: DriftEntry[] = [];
  for (const d of declared) {
    const ips = [...new Set(d.claims.flatMap((c) => (c.address ? [c.address] : [])))];
    for (const c of d.claims)
      if (c.address && !declaredFor.has(c.address)) declaredFor.set(c.address, describeOwner(c));
    const gw =
      d.owner.kind === 'Gateway'
        ? byGateway.get(`${d.owner.namespace ?? 'default'}/${d.owner.name}`)
        : undefined;
    const found = gw ?? byName.get(serviceName(d).join('/'));
    if (found) matched.add(found);
    if (ips.length === 0) continue;
    const owner = describeOwner(d.claims[0]);
    if (found) {
      const liveIps = found.ips.map(canonicalAddr);
      const missing = ips.filter((ip) => !liveIps.includes(ip));
      if (missing.length === 0) continue;
      out.push({
        kind: 'different-address',
        declared: owner,
        live: key(found),
        declaredIps: ips,
        liveIps,
        at: d.claims[0].at,
        message: `${owner} declares ${ips.join(', ')}; live Service ${key(found)} has ${liveIps.join(', ') || 'no address'}`,
      });
      continue;
    }
    const others = ips.map((ip) => holder.get(ip)).filter((s): s is LiveService => s !== undefined);
    out.push({
      kind: 'declared-not-live',
      declared: owner,
      live: null,
      declaredIps: ips,
      liveIps: [],
      at: d.claims[0].at,
      message: `${owner} declares ${ips.join(', ')}, but no live Service ${serviceName(d).join('/')} exists${others.length ? ` (the address is live on ${others.map(key).join(', ')})` : ''}`,
    });
  }
  for (const s of live) {
    if (matched.has(s) || s.ips.length === 0) continue;
    const ips = s.ips.map(canonicalAddr);
    const claimed = ips.filter((ip) => declaredFor.has(ip)).map((ip) => `${ip} for ${declaredFor.get(ip)}`);
    out.push({
      kind: 'live-not-declared',
      declared: null,
      live: key(s),
      declaredIps: [],
      liveIps: ips,
      at: null,
      message: `live Service ${key(s)} holds ${ips.join(', ')}, but nothing in the repository declares it${claimed.length ? ` (the repository declares ${claimed.join(', ')})` : ''}`,
    });
  }
  return out;
}
