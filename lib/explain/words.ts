// Small wording helpers every explanation shares: lists, free stretches, Cilium's text quoted.
import { formatRun, type IpRange } from '../net';

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How many items a sentence names before it counts the rest (a cluster may have 1,000 pools). */
export const MAX_NAMED = 6;

/** listText of at most MAX_NAMED items, the rest counted: "a, b, …, f and 994 more pools". */
export function boundedList(items: readonly string[], more: (n: number) => string): string {
  if (items.length <= MAX_NAMED) return listText(items);
  const n = items.length - MAX_NAMED;
  return `${items.slice(0, MAX_NAMED).join(', ')} and ${n.toLocaleString('en-US')} ${more(n)}`;
}

const MAX_RUNS = 6;

/** "192.168.0.223–225, 192.168.0.232–237": at most six stretches (given disjoint, in address order). */
export function runsText(runs: readonly IpRange[]): string {
  const text = runs.slice(0, MAX_RUNS).map(formatRun).join(', ');
  const more = runs.length - MAX_RUNS;
  return more > 0 ? `${text} and ${more} more stretch${more > 1 ? 'es' : ''}` : text;
}

/** Free addresses of one pool that selects the Service and allocates. */
export interface FreeIn {
  pool: string;
  /** Disjoint and in address order (lib/net mergeRanges), so every caller words them alike. */
  runs: readonly IpRange[];
}

/** Natural order of names (pool-2 before pool-10), the order screens list pools in. */
import { compareNatural } from '../cilium/names';

export const compareNames = compareNatural;

/**
 * The one pool an explanation offers addresses from: `prefer` (the pool of the requested
 * address) when it has room, else the first by name (pool-2 before pool-10, as screens list
 * them), so the engine, which knows pools in Cilium's order, and the inventory pick the same.
 */
/**
 * The pool whose free addresses a fix offers: the preferred one, else the first by name. With
 * `family`, only runs of that family count (an IPv4 request is never offered an IPv6 range).
 */
export function pickFree(free: readonly FreeIn[], prefer?: string, family?: 4 | 6): FreeIn | undefined {
  const withRoom = free
    .map((f) => (family ? { ...f, runs: f.runs.filter((r) => r.family === family) } : f))
    .filter((f) => f.runs.length > 0);
  return withRoom.find((f) => f.pool === prefer) ?? withRoom.sort((a, b) => compareNames(a.pool, b.pool))[0];
}

/** "free in pool 'lan': 10.0.0.1, 10.0.0.3–4", or null. */
export const freeText = (f: FreeIn | undefined): string | null =>
  f ? `free in pool '${f.pool}': ${runsText(f.runs)}` : null;

/** Cilium's own message, shown as it wrote it (never read for meaning). */
export const quoted = (message: string | null | undefined): string =>
  message ? ` Cilium's message: "${message}".` : '';

/** A short stable digest (FNV-1a, base 36) for keys built from long facts. */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
