/** Share of a pool in use. Counts are decimal strings (IPv6 pools exceed 2^53). */
export function usageRatio(used: string, total: string): number {
  try {
    const t = BigInt(total);
    if (t <= 0n) return 0;
    // Per-mille precision is plenty for a bar and keeps the math in BigInt.
    return Number((BigInt(used) * 1000n) / t) / 1000;
  } catch {
    return 0;
  }
}
