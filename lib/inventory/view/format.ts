import type { ObjectRef, PoolCounts } from '../types';

// The formatting rules every screen, alert and export shares, written once: object names, address
// counts (IPv6 counts read as people read them), pool usage and its warning threshold, and the
// natural order of pool names.

/** "media/jellyfin", or "pool" for cluster-scoped objects. */
export const refText = (r: Pick<ObjectRef, 'namespace' | 'name'>): string =>
  r.namespace ? `${r.namespace}/${r.name}` : r.name;

/** A pool at or above this share of its addresses in use is nearly full (alerts and bars agree). */
export const NEARLY_FULL = 0.9;

/** Share of a pool in use, in [0, 1] (0 for an empty pool or unreadable counts). */
export function usedFraction(v: Pick<PoolCounts, 'total' | 'used'>): number {
  try {
    const total = BigInt(v.total);
    if (total <= 0n) return 0;
    // Scale before dividing so that IPv6-sized counts keep precision.
    return Number((BigInt(v.used) * 10_000n) / total) / 10_000;
  } catch {
    return 0;
  }
}

export const isNearlyFull = (v: Pick<PoolCounts, 'total' | 'used'>): boolean =>
  usedFraction(v) >= NEARLY_FULL;

const SCALES: [bigint, string][] = [
  [10n ** 18n, 'quintillion'],
  [10n ** 15n, 'quadrillion'],
  [10n ** 12n, 'trillion'],
];

function isPowerOfTwo(v: bigint): number | null {
  if (v <= 0n || (v & (v - 1n)) !== 0n) return null;
  return v.toString(2).length - 1;
}

export interface CountText {
  /** What the screen shows: "65,536", "2^64", "18.4 quintillion". */
  short: string;
  /** The exact decimal with separators, for a title/tooltip. */
  exact: string;
}

/**
 * An address count (a decimal string; may exceed 2^53). Up to a trillion it is written out; beyond,
 * an exact power of two reads as 2^n (a /64 is 2^64 addresses) and anything else in words.
 */
export function formatCount(count: string | bigint): CountText {
  let v: bigint;
  try {
    v = typeof count === 'bigint' ? count : BigInt(count);
  } catch {
    return { short: String(count), exact: String(count) };
  }
  const exact = v.toLocaleString('en-US');
  if (v < 10n ** 12n) return { short: exact, exact };
  const exp = isPowerOfTwo(v);
  if (exp !== null) return { short: `2^${exp}`, exact };
  for (const [scale, word] of SCALES) {
    if (v >= scale) {
      const tenths = (v * 10n) / scale;
      const whole = tenths / 10n;
      if (whole >= 1000n && scale === SCALES[0][0]) break;
      const text = tenths % 10n === 0n ? `${whole}` : `${whole}.${tenths % 10n}`;
      return { short: `${Number(text).toLocaleString('en-US')} ${word}`, exact };
    }
  }
  // Beyond a thousand quintillion: scientific with a power of ten reads better than words.
  const digits = v.toString();
  return { short: `${digits[0]}.${digits[1]} × 10^${digits.length - 1}`, exact };
}

/** "1 address", "2,048 addresses" — a number and its noun, pluralised. */
export function plural(n: number | bigint, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`;
}

/** Natural order for names: pool-2 before pool-10 (lib/cilium's rule, one for every room). */
export { compareNatural } from '../../cilium/names';

/** "http 80/TCP": one Service port as every screen writes it. */
export const portText = (p: { name?: string; port: number; protocol: string }): string =>
  `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`;

/** A moment as "2026-01-10 12:00:00 UTC": the same on the server and in every browser (snapshots, print headers). */
export function formatUtcTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}
