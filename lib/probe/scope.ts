import {
  formatAddr,
  formatRange,
  iterateRange,
  parseAddr,
  parseCidr,
  rangeContains,
  rangeOf,
  rangeSize,
  type IpRange,
} from '../net';

// What the prober may probe, and nothing else, ever (issue 10, "Targets and scope"): every
// address of an IPv4 pool up to a size per pool; beyond that, and for IPv6, only the allocated
// addresses and the free ranges the operator names; and each node's InternalIP. Every address
// that reaches a backend — from a sweep, the API, the UI or config — passes `check` first.

export const DEFAULT_PER_POOL_LIMIT = 4096;

export interface ScopeInput {
  pools: { name: string; ranges: IpRange[] }[];
  /** Addresses Services hold (status.loadBalancer.ingress). */
  allocated: string[];
  /** Free ranges the operator named (`from-to` or a CIDR), probed in pools over the limit and IPv6. */
  freeRanges: string[];
  nodes: { name: string; internalIps: string[] }[];
  perPoolLimit?: number;
}

export type TargetKind = 'pool' | 'allocated' | 'named-range' | 'node';

export interface ProbeTarget {
  ip: string;
  family: 4 | 6;
  kind: TargetKind;
  /** The pool the address belongs to (the first one listing it), or the node it is the InternalIP of. */
  pool: string | null;
  node: string | null;
}

export type ScopeCheck = { ok: true; target: ProbeTarget } | { ok: false; error: string };

export interface ProbeScope {
  targets: ProbeTarget[];
  check(ip: string): ScopeCheck;
  /** Operator-named ranges that were refused, each with why (shown where the config is). */
  refusedRanges: string[];
}

/** `from-to` or a CIDR. */
export function parseNamedRange(text: string): IpRange | string {
  const t = text.trim();
  if (t.includes('/')) {
    const r = parseCidr(t);
    return r.ok ? r.value : r.error;
  }
  const [a, b, extra] = t.split('-').map((s) => s.trim());
  const from = a ? parseAddr(a) : null;
  const to = b ? parseAddr(b) : from;
  if (!from || !to || extra !== undefined) return `invalid range '${t}': expected FROM-TO or a CIDR`;
  if (from.family !== to.family) return `invalid range '${t}': mixes IPv4 and IPv6`;
  if (to.value < from.value) return `invalid range '${t}': ends before it starts`;
  return rangeOf(from, to);
}

export function buildScope(input: ScopeInput): ProbeScope {
  const limit = input.perPoolLimit ?? DEFAULT_PER_POOL_LIMIT;
  const targets = new Map<string, ProbeTarget>();
  const add = (t: ProbeTarget) => {
    if (!targets.has(t.ip)) targets.set(t.ip, t);
  };
  const poolOf = (ip: string) => {
    const a = parseAddr(ip);
    return a ? input.pools.find((p) => p.ranges.some((r) => rangeContains(r, a))) : undefined;
  };
  const swept = new Set<string>();
  for (const pool of input.pools) {
    const size = pool.ranges.reduce((n, r) => n + rangeSize(r), 0n);
    if (pool.ranges.length === 0 || size > BigInt(limit) || pool.ranges.some((r) => r.family === 6)) continue;
    swept.add(pool.name);
    for (const r of pool.ranges) {
      for (const a of iterateRange(r, limit)) {
        add({ ip: formatAddr(a), family: 4, kind: 'pool', pool: pool.name, node: null });
      }
    }
  }
  for (const ip of input.allocated) {
    const pool = poolOf(ip);
    const a = parseAddr(ip);
    if (pool && a)
      add({ ip: formatAddr(a), family: a.family, kind: 'allocated', pool: pool.name, node: null });
  }
  const refusedRanges: string[] = [];
  for (const text of input.freeRanges) {
    const r = parseNamedRange(text);
    if (typeof r === 'string') {
      refusedRanges.push(r);
      continue;
    }
    if (rangeSize(r) > BigInt(limit)) {
      refusedRanges.push(
        `range ${formatRange(r)} has ${rangeSize(r)} addresses, over the limit of ${limit} per range`,
      );
      continue;
    }
    for (const a of iterateRange(r, limit)) {
      const ip = formatAddr(a);
      const pool = poolOf(ip);
      if (!pool) {
        refusedRanges.push(`range ${formatRange(r)} is not inside a pool (${ip} is in none)`);
        break;
      }
      add({ ip, family: a.family, kind: 'named-range', pool: pool.name, node: null });
    }
  }
  for (const node of input.nodes) {
    for (const ip of node.internalIps) {
      const a = parseAddr(ip);
      if (a) add({ ip: formatAddr(a), family: a.family, kind: 'node', pool: null, node: node.name });
    }
  }
  const check = (ip: string): ScopeCheck => {
    const a = typeof ip === 'string' ? parseAddr(ip.trim()) : null;
    if (!a) return { ok: false, error: `'${String(ip)}' is not an IP address` };
    const key = formatAddr(a);
    const t = targets.get(key);
    if (t) return { ok: true, target: t };
    const pool = poolOf(key);
    if (!pool) {
      return {
        ok: false,
        error: `${key} is refused: the prober only probes pool addresses and node InternalIPs, and it is neither`,
      };
    }
    const why = swept.has(pool.name)
      ? 'it is not one of its addresses'
      : a.family === 6
        ? 'IPv6 pools are probed only at allocated addresses and free ranges the operator names'
        : `the pool is larger than ${limit} addresses, so only allocated addresses and free ranges the operator names are probed`;
    return { ok: false, error: `${key} is refused: it is in pool ${pool.name}, but ${why}` };
  };
  return { targets: [...targets.values()], check, refusedRanges };
}
