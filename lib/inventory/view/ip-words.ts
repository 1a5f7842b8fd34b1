import type { AddressOutlookWire, RangeOutlookWire } from './ip-detail-wire';
import type { IpFacts } from './ip-facts';

// The sentences of the IP page, written once: what the address is now (the headline), and for a
// free one what Cilium would do with it (from the engine's outlook). Pure, so tests read them as
// the user does.

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** One line: who holds it, or what kind of free it is. */
export function ipHeadline(f: IpFacts): string {
  const waiting = f.waiting.length > 0 ? `; ${list(f.waiting.map((s) => s.key))} asked for it and waits` : '';
  if (f.holders.length > 0) {
    const keys = [...new Set(f.holders.map((s) => s.sharingKey).filter((k): k is string => !!k))];
    const sharing =
      f.holders.length > 1 && keys.length > 0 ? ` (sharing key ${keys.map((k) => `"${k}"`).join(', ')})` : '';
    const where = f.placements.length === 0 ? ', outside every pool' : '';
    return `Held by ${list(f.holders.map((s) => s.key))}${sharing}${where}${waiting}.`;
  }
  const p = f.placements[0];
  if (!p) return 'Not in any pool of this cluster.';
  if (p.reserved)
    return `Reserved: the ${p.position === '1' ? 'first' : 'last'} address of a block of pool ${p.pool}, withheld by allowFirstLastIPs: "No"${waiting}.`;
  if (p.disabled) return `Free, but pool ${p.pool} is disabled: it hands out no new addresses${waiting}.`;
  if (p.conflicting)
    return `Free, but pool ${p.pool} conflicts with another pool: it hands out nothing${waiting}.`;
  return `Free in pool ${p.pool}${waiting}.`;
}

export interface OutlookLine {
  pool: string;
  /** What happens with this address, in one sentence. */
  text: string;
  /** How to change it, when something can. */
  hint: string | null;
}

function rangeLine(ip: string, r: RangeOutlookWire, o: AddressOutlookWire): OutlookLine {
  const base = { pool: r.pool };
  if (r.state === 'reserved')
    return {
      ...base,
      text: `Cilium withholds it: pool ${r.pool} sets allowFirstLastIPs: "No", so the first and last address of each CIDR block are never handed out, not even to a Service that asks for it.`,
      hint: `Set allowFirstLastIPs: "Yes" on pool ${r.pool} to make it allocatable.`,
    };
  if (r.blocked === 'disabled') {
    const after = o.ifEnabled.find((x) => x.pool === r.pool)?.holders ?? [];
    return {
      ...base,
      text:
        after.length > 0
          ? `Pool ${r.pool} is disabled. Enabled again, Cilium would give this address to ${list(after)}.`
          : `Pool ${r.pool} is disabled. Enabled again, no pending Service would take this address at once.`,
      hint: `Set disabled: false on pool ${r.pool} to hand out its free addresses again.`,
    };
  }
  if (r.blocked === 'conflicting')
    return {
      ...base,
      text: `Pool ${r.pool} overlaps another pool, so Cilium hands out nothing from it until the overlap is gone.`,
      hint: `Remove the overlapping block from one of the two pools.`,
    };
  const earlier =
    r.triedBefore.length > 0
      ? ` Cilium tries ${list(r.triedBefore)} first, so a Service ${r.triedBefore.length > 1 ? 'those pools select' : 'that pool selects'} too gets its address there.`
      : '';
  if (r.next === ip)
    return {
      ...base,
      text: `The next Service pool ${r.pool} selects gets this address (Cilium hands out the first address of the smallest free stretch).${earlier}`,
      hint: null,
    };
  return {
    ...base,
    text: `The next Service pool ${r.pool} selects gets ${r.next ?? 'no address'} first (the first of the smallest free stretch); this one comes later.${earlier}`,
    hint: `A Service gets this very address by asking for it: annotation lbipam.cilium.io/ips: "${ip}".`,
  };
}

/** One line per range holding the address, in Cilium's order. */
export function outlookLines(o: AddressOutlookWire): OutlookLine[] {
  return o.ranges.filter((r) => r.state !== 'held').map((r) => rangeLine(o.ip, r, o));
}
