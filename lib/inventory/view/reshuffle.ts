import { formatUtcTime, plural } from './format';
import type { AddressHeld, Change } from './history-wire';

// The reshuffle alert (issue 12): Services whose address changed in the last hour although they
// were not deleted — what an operator restart, a pool edit or a shrink does (Cilium issues
// #40358, #41458, #43131, #46262; ../shared/reference/cilium-lbipam.md C.8 and F.3) — and what
// coincided: the pool edits of the same hour, a Cilium upgrade (the operator restarted), or
// nothing recorded, which leaves an operator restart as the likely cause. Pure: recorded changes in.

export interface ReshuffleAlert {
  /** Services that lost an address without being deleted. */
  services: { key: string; lost: string[]; gained: string[] }[];
  title: string;
  /** What coincided, in words. */
  cause: string;
  /** The pool edits and upgrades named in `cause`. */
  causes: Change[];
  since: string;
}

const holdersOf = (v: unknown): string[] => (v as AddressHeld | null)?.holders ?? [];

/** null: no Service changed address in the window. */
export function reshuffleAlert(
  changes: readonly Change[],
  now: number,
  windowMs = 3_600_000,
): ReshuffleAlert | null {
  const since = now - windowMs;
  const inWindow = changes.filter((c) => Date.parse(c.at) >= since);
  const deleted = new Set(inWindow.filter((c) => c.kind === 'service.deleted').map((c) => c.subject));
  const moves = new Map<string, { lost: Set<string>; gained: Set<string> }>();
  const entry = (k: string) => {
    let e = moves.get(k);
    if (!e) moves.set(k, (e = { lost: new Set(), gained: new Set() }));
    return e;
  };
  // Oldest first, so an address lost then given back within the hour cancels out.
  for (const c of [...inWindow].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id ?? 0) - (b.id ?? 0),
  )) {
    if (!c.kind.startsWith('address.') || !c.ip) continue;
    const before = holdersOf(c.before);
    const after = holdersOf(c.after);
    for (const h of before)
      if (!after.includes(h)) {
        const e = entry(h);
        // Gained within the hour and lost again: a loss all the same (only a return cancels one).
        e.gained.delete(c.ip);
        e.lost.add(c.ip);
      }
    for (const h of after)
      if (!before.includes(h)) {
        const e = entry(h);
        if (e.lost.has(c.ip)) e.lost.delete(c.ip);
        else e.gained.add(c.ip);
      }
  }
  const services = [...moves]
    .filter(([k, e]) => e.lost.size > 0 && !deleted.has(k))
    .map(([key, e]) => ({ key, lost: [...e.lost], gained: [...e.gained] }))
    .sort((a, b) => a.key.localeCompare(b.key));
  if (services.length === 0) return null;
  const causes = inWindow.filter((c) => c.kind.startsWith('pool.') || c.kind === 'cilium.version');
  return {
    services,
    title: `${plural(services.length, 'Service', 'Services')} changed address in the last hour`,
    cause: causeText(causes, inWindow),
    causes,
    since: new Date(since).toISOString(),
  };
}

function causeText(causes: Change[], inWindow: Change[]): string {
  const words = causes.map((c) =>
    c.kind === 'cilium.version'
      ? `the Cilium upgrade ${c.before ?? '?'} → ${c.after ?? '?'} at ${formatUtcTime(c.at)} (the operator restarted)`
      : `the ${c.kind === 'pool.edited' ? 'edit' : c.kind === 'pool.created' ? 'creation' : 'deletion'} of pool ${c.subject} at ${formatUtcTime(c.at)}`,
  );
  if (words.length > 0) return `It coincided with ${[...new Set(words)].join(', ')}.`;
  if (inWindow.some((c) => c.unwatched && c.kind.startsWith('address.')))
    return 'It happened while no dashboard was watching (found at start); no pool edit was recorded, so an operator restart is the likely cause.';
  return 'No pool edit was recorded: an operator restart re-allocating addresses is the likely cause (Cilium issues #40358, #41458, #43131, #46262).';
}
