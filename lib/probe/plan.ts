import type { Inventory } from '../inventory/types';
import { parseAddr, rangeOf } from '../net';
import type { ProbePlan } from './engine';

// The probe plan from the inventory every screen reads: pool blocks, held and announced
// addresses, node InternalIPs, plus the free ranges the operator named (LBIPAM_PROBE_FREE_RANGES).

export function planFromInventory(
  inv: Inventory,
  freeRanges: string[] = [],
  perPoolLimit?: number,
): ProbePlan {
  const announced: Record<string, string> = {};
  const allocated = new Set<string>();
  for (const s of inv.services) {
    for (const ip of s.ips) {
      allocated.add(ip);
      if (s.announcer) announced[ip] = s.announcer;
    }
  }
  const pools = inv.pools.map((p) => ({
    name: p.name,
    ranges: p.blocks.flatMap((b) => {
      const from = parseAddr(b.from);
      const to = parseAddr(b.to);
      return from && to && from.family === to.family ? [rangeOf(from, to)] : [];
    }),
  }));
  const nodes = inv.nodes.map((n) => ({
    name: n.name,
    internalIps: n.addresses.filter((a) => a.type === 'InternalIP').map((a) => a.address),
  }));
  return {
    announced,
    scope: {
      pools,
      allocated: [...allocated].sort(),
      freeRanges,
      nodes,
      ...(perPoolLimit ? { perPoolLimit } : {}),
    },
  };
}
