import { compareAddr, formatAddr, parseAddr, type Family, type IpAddr } from '../../net';
import type {
  AlertGroup,
  EventView,
  ObjectRef,
  PoolBlockView,
  PoolView,
  RowStatus,
  ServiceView,
} from '../types';
import { refText } from './format';
import { rowStatus } from './rows';

// One address as the IP page and GET /api/ips/<ip> show it, from the inventory's facts: which pool
// blocks hold it, who holds or wants it, its status (the allocation table's rule, rows.ts), the
// alerts on those objects, and — outside every pool — the nearest pools. Engine-free: the browser
// runs it on the live cache, the server on its inventory, so the two never disagree.

export interface IpPlacement {
  pool: string;
  allocates: boolean;
  disabled: boolean;
  conflicting: boolean;
  conflictMessage: string | null;
  block: PoolBlockView;
  /** Index of the block in the pool's spec (Cilium's order). */
  blockIndex: number;
  /** 1-based position of the address in its block, and the block's size (decimal strings). */
  position: string;
  /** allowFirstLastIPs: "No" withholds it. */
  reserved: boolean;
  /** The allocation table's status of this address in this pool. */
  status: RowStatus;
  /** The addresses before and after it in the block (null at an edge). */
  previous: string | null;
  next: string | null;
}

export interface NearestPool {
  pool: string;
  block: string;
  /** Where the block lies from the address. */
  side: 'below' | 'above';
  /** How many addresses away (decimal string). */
  distance: string;
}

export interface IpFacts {
  ip: string;
  family: Family;
  /** The first placement's status; outside every pool: 'allocated' when someone holds it, else null. */
  status: RowStatus | null;
  placements: IpPlacement[];
  /** Outside every pool: the closest blocks of the same family, one per pool, nearest first. */
  nearest: NearestPool[];
  /** Services whose status holds it (several when they share it), in inventory order. */
  holders: ServiceView[];
  /** Pending Services that asked for it and do not hold it. */
  waiting: ServiceView[];
  /** Alert groups about its Services or its pools, most severe first as the inventory sorts them. */
  alerts: AlertGroup[];
}

const NEAREST = 3;

function placementIn(addr: IpAddr, pool: PoolView, b: PoolBlockView, i: number) {
  const from = parseAddr(b.from);
  const to = parseAddr(b.to);
  if (!from || !to || from.family !== addr.family || addr.value < from.value || addr.value > to.value)
    return null;
  const at = (v: bigint) => formatAddr({ family: addr.family, value: v });
  return {
    pool: pool.name,
    allocates: pool.allocates,
    disabled: pool.disabled,
    conflicting: pool.conflicting,
    conflictMessage: pool.conflictMessage,
    block: b,
    blockIndex: i,
    position: (addr.value - from.value + 1n).toString(10),
    reserved: b.reserved.includes(formatAddr(addr)),
    previous: addr.value > from.value ? at(addr.value - 1n) : null,
    next: addr.value < to.value ? at(addr.value + 1n) : null,
  };
}

function nearestPools(addr: IpAddr, pools: readonly PoolView[]): NearestPool[] {
  const best = new Map<string, { d: bigint; n: NearestPool }>();
  for (const p of pools) {
    for (const b of p.blocks) {
      const from = parseAddr(b.from);
      const to = parseAddr(b.to);
      if (!from || !to || from.family !== addr.family) continue;
      const side = compareAddr(addr, from) < 0 ? 'above' : 'below';
      const d = side === 'above' ? from.value - addr.value : addr.value - to.value;
      const seen = best.get(p.name);
      if (seen && seen.d <= d) continue;
      best.set(p.name, { d, n: { pool: p.name, block: b.label, side, distance: d.toString(10) } });
    }
  }
  return [...best.values()]
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0))
    .slice(0, NEAREST)
    .map((x) => x.n);
}

export interface IpFactsInput {
  pools: readonly PoolView[];
  services: readonly ServiceView[];
  alerts: readonly AlertGroup[];
  /**
   * Ids of groups the server found a member of about these objects (a large group lists only its
   * first subjects; GET /api/ips/<ip> reads every member).
   */
  alertIds?: ReadonlySet<string>;
}

/** "Service media/plex", "CiliumLoadBalancerIPPool pool": how an alert's subject is matched. */
export const subjectKey = (r: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string =>
  `${r.kind} ${refText(r)}`;

/** The objects whose alerts concern the address: its Services (holding or waiting) and its pools. */
export function ipSubjects(f: Pick<IpFacts, 'holders' | 'waiting' | 'placements'>): Set<string> {
  const out = new Set([...f.holders, ...f.waiting].map((s) => `Service ${s.key}`));
  for (const p of f.placements) out.add(`CiliumLoadBalancerIPPool ${p.pool}`);
  return out;
}

/** `ip` must be canonical (readIpParam). */
export function ipFacts(ip: string, family: Family, src: IpFactsInput): IpFacts {
  const addr = parseAddr(ip) ?? { family, value: 0n };
  const holders: ServiceView[] = [];
  const waiting: ServiceView[] = [];
  for (const s of src.services) {
    if (s.ips.includes(ip)) holders.push(s);
    else if (s.satisfied === false && s.requestedIps.includes(ip)) waiting.push(s);
  }
  const found = src.pools
    .flatMap((p) => p.blocks.map((b, i) => placementIn(addr, p, b, i)))
    .filter((x) => x !== null);
  const placements: IpPlacement[] = found.map((p) => ({
    ...p,
    status: rowStatus(holders.length > 0, waiting.length > 0, p.reserved, p.allocates),
  }));
  const subjects = ipSubjects({ holders, waiting, placements });
  const alerts = src.alerts.filter(
    (g) => src.alertIds?.has(g.id) || g.subjects.some((s) => subjects.has(subjectKey(s))),
  );
  return {
    ip,
    family,
    status: placements[0]?.status ?? (holders.length > 0 ? 'allocated' : null),
    placements,
    nearest: placements.length === 0 ? nearestPools(addr, src.pools) : [],
    holders,
    waiting,
    alerts,
  };
}

/**
 * Changes whenever what GET /api/ips/<ip> adds could have changed: the Services on it (their lease
 * holder, status, ports), its pools (a count moving means the next free address may have moved),
 * and the Events of its Services among the inventory's newest (a new one means a new list).
 */
export function ipRevision(
  f: IpFacts,
  pools: readonly PoolView[],
  events: readonly EventView[] = [],
): string {
  const touched = new Set(f.placements.map((p) => p.pool));
  const mine = new Set([...f.holders, ...f.waiting].map((s) => s.key));
  return JSON.stringify([
    f.holders,
    f.waiting,
    pools.filter((p) => touched.has(p.name)),
    f.alerts.map((a) => a.revision),
    events
      .filter((e) => e.object.kind === 'Service' && mine.has(`${e.object.namespace}/${e.object.name}`))
      .map((e) => [e.key, e.count, e.lastSeen]),
  ]);
}
