import type { PoolView } from '../types';
import { blocksInOrder, type CellState, type Mark } from './pool-map-cells';
import { cellTone, heldShade } from './pool-map-zoom';

// The Overview's small pool map, pure: the pool's addresses laid end to end (blocks in address
// order) and cut into `buckets` equal stretches, each with the share held and the most pressing
// state it contains. One pass over the pool's marks: cheap for 50 pools of /16s.

export interface StripBucket {
  /** Drawn in this state's colour … */
  tone: CellState;
  /** … at this strength, in [0, 1] (0: nothing held). */
  shade: number;
}

export function poolStrip(
  pool: Pick<PoolView, 'allocates' | 'blocks'>,
  marks: readonly Mark[],
  buckets: number,
): StripBucket[] {
  const blocks = blocksInOrder(pool);
  const offsets: bigint[] = [];
  let total = 0n;
  for (const b of blocks) {
    offsets.push(total);
    total += b.to - b.from + 1n;
  }
  if (total === 0n) return [];
  const n = total < BigInt(buckets) ? Number(total) : Math.max(1, Math.floor(buckets));
  const N = BigInt(n);
  // Bucket k holds the ordinals o with floor(o·n / total) = k: from ceil(k·total / n) on.
  const start = (k: number) => (BigInt(k) * total + N - 1n) / N;
  const size = (k: number) => start(k + 1) - start(k);
  const plain: CellState = pool.allocates ? 'free' : 'blocked';
  const acc = Array.from({ length: n }, (_, k) => ({
    held: 0n,
    size: size(k),
    counts: { allocated: 0n, shared: 0n, wanted: 0n, reserved: 0n, blocked: 0n, free: 0n },
  }));
  let bi = 0;
  for (const m of marks) {
    // Marks are in address order, and so are the blocks: the block pointer only moves forward.
    while (
      bi < blocks.length &&
      (blocks[bi].family < m.addr.family ||
        (blocks[bi].family === m.addr.family && blocks[bi].to < m.addr.value))
    )
      bi++;
    const b = blocks[bi];
    if (!b || b.family !== m.addr.family || m.addr.value < b.from) continue;
    const ordinal = offsets[bi] + (m.addr.value - b.from);
    const k = Number((ordinal * N) / total);
    const a = acc[k];
    a.counts[m.state] += 1n;
    if (m.row.holders.length > 0) a.held += 1n;
  }
  return acc.map((a) => {
    let listed = 0n;
    for (const v of Object.values(a.counts)) listed += v;
    a.counts[plain] += a.size - listed;
    return { tone: cellTone({ state: null, counts: a.counts, size: a.size }), shade: heldShade(a) };
  });
}
