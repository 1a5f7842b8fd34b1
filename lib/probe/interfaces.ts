import { parseAddr, parseCidr, rangeContains } from '../net';

// Which interface reaches a target: the one with an address whose subnet contains it (from
// `ip -j addr show`). A /32 or /128 (an announced VIP, a secondary address) names no subnet.

export interface InterfaceSubnet {
  ifname: string;
  cidr: string;
}

interface IpJsonAddr {
  ifname?: string;
  flags?: string[];
  addr_info?: { family?: string; local?: string; prefixlen?: number; scope?: string }[];
}

export function parseIpAddrJson(stdout: string): InterfaceSubnet[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: InterfaceSubnet[] = [];
  for (const link of parsed as IpJsonAddr[]) {
    if (!link?.ifname || link.ifname === 'lo' || !(link.flags ?? []).includes('UP')) continue;
    for (const a of link.addr_info ?? []) {
      const width = a.family === 'inet' ? 32 : a.family === 'inet6' ? 128 : 0;
      if (!width || !a.local || typeof a.prefixlen !== 'number' || a.prefixlen >= width) continue;
      if (a.scope === 'link' || a.scope === 'host') continue;
      out.push({ ifname: link.ifname, cidr: `${a.local}/${a.prefixlen}` });
    }
  }
  return out;
}

/** The interface whose subnet holds `ip` (the longest prefix wins), or null. */
export function interfaceFor(subnets: InterfaceSubnet[], ip: string): string | null {
  const addr = parseAddr(ip);
  if (!addr) return null;
  let best: { ifname: string; size: bigint } | null = null;
  for (const s of subnets) {
    const r = parseCidr(s.cidr);
    if (!r.ok || !rangeContains(r.value, addr)) continue;
    const size = r.value.to - r.value.from;
    if (!best || size < best.size) best = { ifname: s.ifname, size };
  }
  return best?.ifname ?? null;
}
