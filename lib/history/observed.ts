import { parseAddr, type Family } from '../net';
import type { Inventory } from '../inventory/types';
import type { AddressHeld, PoolState, ServiceStatusState } from '../inventory/view/history-wire';

// What history compares from one inventory to the next: only the facts whose changes are recorded
// (../inventory/view/history-wire.ts), keyed so two states diff by key. Plain objects, so the last
// recorded state is stored as JSON and compared with the live one at the next start.

export interface ObservedState {
  /** By address: holders, pool, and the node announcing it. */
  addresses: Record<string, AddressHeld>;
  /** By "<ns>/<name>". */
  services: Record<string, ServiceStatusState>;
  pools: Record<string, PoolState>;
  /** Pools in conflict, with Cilium's message. */
  conflicts: Record<string, string>;
  /** The Cilium version the operator runs (an upgrade restarts it). */
  cilium: string | null;
}

export const emptyObserved = (): ObservedState => ({
  addresses: {},
  services: {},
  pools: {},
  conflicts: {},
  cilium: null,
});

interface Block {
  family: Family;
  from: bigint;
  to: bigint;
  pool: string;
}

/** The pool an address lies in (the first in the inventory's order), by binary search over blocks. */
export function poolLookup(pools: Inventory['pools']): (ip: string) => string {
  const blocks: Block[] = [];
  for (const p of pools) {
    for (const b of p.blocks) {
      const from = parseAddr(b.from);
      const to = parseAddr(b.to);
      if (from && to && from.family === to.family)
        blocks.push({ family: from.family, from: from.value, to: to.value, pool: p.name });
    }
  }
  // Overlapping blocks (a conflict) keep the earlier pool: sort is stable and only by start.
  const byFamily = new Map<Family, Block[]>();
  for (const b of blocks) byFamily.set(b.family, [...(byFamily.get(b.family) ?? []), b]);
  for (const list of byFamily.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return (ip) => {
    const addr = parseAddr(ip);
    const list = addr ? byFamily.get(addr.family) : undefined;
    if (!addr || !list) return '';
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].from <= addr.value) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A later-starting block may end before an earlier, wider one: walk back while starts allow.
    for (let i = found; i >= 0; i--) if (list[i].to >= addr.value) return list[i].pool;
    return '';
  };
}

/** The recorded facts of one inventory. */
export function observe(inv: Pick<Inventory, 'pools' | 'services' | 'announcers' | 'cilium'>): ObservedState {
  const out = emptyObserved();
  for (const p of inv.pools) {
    out.pools[p.name] = {
      blocks: p.blocks.map((b) => `${b.from}-${b.to}`),
      serviceSelector: p.serviceSelector,
      disabled: p.disabled,
    };
    if (p.conflicting) out.conflicts[p.name] = p.conflictMessage ?? 'the pool conflicts with another';
  }
  const poolOf = poolLookup(inv.pools);
  const nodeOf = new Map<string, string>();
  for (const a of inv.announcers) {
    if (!a.holder || a.state === 'unheld') continue;
    for (const ip of a.ips) if (!nodeOf.has(ip)) nodeOf.set(ip, a.holder);
  }
  for (const s of inv.services) {
    out.services[s.key] = { satisfied: s.satisfied, reason: s.reason, message: s.message };
    for (const ip of s.ips) {
      const held = out.addresses[ip];
      if (held) held.holders.push(s.key);
      else out.addresses[ip] = { pool: poolOf(ip), holders: [s.key], node: nodeOf.get(ip) ?? null };
    }
  }
  for (const held of Object.values(out.addresses)) if (held.holders.length > 1) held.holders.sort();
  out.cilium = inv.cilium?.version ?? null;
  return out;
}
