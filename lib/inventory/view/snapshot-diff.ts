import type { PoolView, ServiceView } from '../types';
import { refText } from './format';
import { expandRows } from './rows';

// Two moments of one cluster, compared by address: what was handed out, what was given back,
// what changed hands between Services, and which addresses another node now answers ARP for.
// Pure and engine-free (it runs wherever the two sets of facts are).

export interface DiffSide {
  pools: readonly PoolView[];
  services: readonly ServiceView[];
}

/** An address's holders as "<ns>/<name>", with the names the table shows. */
export interface DiffHolder {
  ref: string;
  service: string;
}

export interface AddressChange {
  ip: string;
  /** The pool holding it (after, else before); "" outside every pool. */
  pool: string;
  before: DiffHolder[];
  after: DiffHolder[];
}

export interface AnnouncerChange {
  ip: string;
  pool: string;
  holders: DiffHolder[];
  before: string | null;
  after: string | null;
}

export interface SnapshotDiff {
  /** Held after, free before. */
  added: AddressChange[];
  /** Held before, free after. */
  released: AddressChange[];
  /** Held on both sides, by other Services. */
  moved: AddressChange[];
  /** Held by the same Services on both sides, announced by another node (or by none). */
  announcers: AnnouncerChange[];
}

interface Held {
  pool: string;
  holders: DiffHolder[];
  announcer: string | null;
}

function heldByAddress(side: DiffSide): Map<string, Held> {
  const byKey = new Map(side.services.map((s) => [s.key, s]));
  const out = new Map<string, Held>();
  for (const row of expandRows(side.pools, side.services).rows) {
    if (row.holders.length === 0) continue;
    const holders = row.holders.map((h) => ({
      ref: refText(h),
      service: byKey.get(refText(h))?.displayName ?? h.name,
    }));
    out.set(row.ip, { pool: row.pool, holders, announcer: row.announcer });
  }
  return out;
}

const sameHolders = (a: DiffHolder[], b: DiffHolder[]) =>
  a.length === b.length && a.every((h) => b.some((o) => o.ref === h.ref));

/** What changed from `before` to `after`, each list in address order of the side it comes from. */
export function diffSnapshots(before: DiffSide, after: DiffSide): SnapshotDiff {
  const was = heldByAddress(before);
  const now = heldByAddress(after);
  const diff: SnapshotDiff = { added: [], released: [], moved: [], announcers: [] };
  for (const [ip, n] of now) {
    const w = was.get(ip);
    if (!w) {
      diff.added.push({ ip, pool: n.pool, before: [], after: n.holders });
      continue;
    }
    if (!sameHolders(w.holders, n.holders)) {
      diff.moved.push({ ip, pool: n.pool, before: w.holders, after: n.holders });
      continue;
    }
    if (w.announcer !== n.announcer)
      diff.announcers.push({ ip, pool: n.pool, holders: n.holders, before: w.announcer, after: n.announcer });
  }
  for (const [ip, w] of was) {
    if (!now.has(ip)) diff.released.push({ ip, pool: w.pool, before: w.holders, after: [] });
  }
  return diff;
}

export const diffIsEmpty = (d: SnapshotDiff) =>
  d.added.length + d.released.length + d.moved.length + d.announcers.length === 0;
