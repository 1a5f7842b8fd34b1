import type { AnnouncerView, NodeView, ServiceView } from '../types';
import { compareNatural } from './format';

// The nodes screen's rules, engine-free: which leases each node holds, how evenly the announcing is
// spread (each node against the mean and the busiest), and per announced address which nodes may
// take its lease and which one holds it.

export interface NodeAnnouncing {
  node: string;
  /** A node of the cluster (a lease can name a node that is gone). */
  known: boolean;
  /** Leases it holds and renews (its addresses are answered for). */
  held: AnnouncerView[];
  /** Leases naming it that it stopped renewing. */
  expired: AnnouncerView[];
}

export interface AnnounceBalance {
  rows: NodeAnnouncing[];
  /** Held leases per node that may announce (Ready and selected by an L2 policy; else every node). */
  mean: number;
  max: number;
  /** How many nodes the mean is over. */
  over: number;
}

export function announceBalance(
  nodes: readonly NodeView[],
  announcers: readonly AnnouncerView[],
): AnnounceBalance {
  const byNode = new Map<string, NodeAnnouncing>(
    nodes.map((n) => [n.name, { node: n.name, known: true, held: [], expired: [] }]),
  );
  for (const a of announcers) {
    if (!a.holder || a.state === 'unheld') continue;
    let row = byNode.get(a.holder);
    if (!row) {
      row = { node: a.holder, known: false, held: [], expired: [] };
      byNode.set(a.holder, row);
    }
    (a.state === 'held' ? row.held : row.expired).push(a);
  }
  const rows = [...byNode.values()].sort(
    (a, b) => Number(b.known) - Number(a.known) || compareNatural(a.node, b.node),
  );
  const able = nodes.filter((n) => n.ready === true && n.l2Policies.length > 0).map((n) => n.name);
  const pool = able.length > 0 ? able : nodes.map((n) => n.name);
  const total = pool.reduce((sum, n) => sum + (byNode.get(n)?.held.length ?? 0), 0);
  return {
    rows,
    mean: pool.length > 0 ? total / pool.length : 0,
    max: rows.reduce((m, r) => Math.max(m, r.held.length), 0),
    over: pool.length,
  };
}

/** One announced address (or a Service that should be announced): who may take its lease, who has it. */
export interface EligibilityRow {
  key: string;
  ips: string[];
  holder: string | null;
  state: AnnouncerView['state'] | null;
  /** null: the data path does not say (ServiceView.eligibleNodes absent). */
  eligible: string[] | null;
}

/**
 * Every Service with an L2 lease, or that an L2 policy selects (one nobody announces is the case
 * to see), with an address; in natural order of the Service.
 */
export function eligibilityRows(
  services: readonly ServiceView[],
  announcers: readonly AnnouncerView[],
): EligibilityRow[] {
  const lease = new Map(announcers.map((a) => [a.key, a]));
  const out: EligibilityRow[] = [];
  for (const s of services) {
    const a = lease.get(s.key);
    if (s.ips.length === 0 || (!a && !(s.l2Policies && s.l2Policies.length > 0))) continue;
    out.push({
      key: s.key,
      ips: s.ips,
      holder: a && a.state !== 'unheld' ? a.holder : null,
      state: a?.state ?? null,
      eligible: s.eligibleNodes ?? null,
    });
  }
  return out.sort((x, y) => compareNatural(x.key, y.key));
}

/** The matrix filter: a Service, an address or a node name (the holder or an eligible one). */
export function matchesEligibility(r: EligibilityRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (
    r.key.toLowerCase().includes(q) ||
    r.ips.some((ip) => ip.includes(q)) ||
    (r.holder ?? '').toLowerCase().includes(q) ||
    (r.eligible ?? []).some((n) => n.toLowerCase().includes(q))
  );
}

export type EligibilityCell = 'holds' | 'holds-expired' | 'eligible' | 'not-eligible' | 'unknown';

/** One cell of the matrix: the holder wins (even when the data path says it is not eligible: that is the finding). */
export function eligibilityCell(r: EligibilityRow, node: string): EligibilityCell {
  if (r.holder === node) return r.state === 'expired' ? 'holds-expired' : 'holds';
  if (r.eligible === null) return 'unknown';
  return r.eligible.includes(node) ? 'eligible' : 'not-eligible';
}
