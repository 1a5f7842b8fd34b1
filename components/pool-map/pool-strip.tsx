'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { PoolView } from '@/lib/inventory/types';
import { poolMarks } from '@/lib/inventory/view/pool-map-cells';
import { poolStrip } from '@/lib/inventory/view/pool-map-strip';
import { useExpandedRows } from '@/lib/queries/use-inventory';
import { CELL_FILL } from './cell-colors';

// The Overview's small pool map: the pool end to end in BUCKETS stretches on one small canvas,
// each shaded by what it holds. A picture only (aria-hidden): the card's counts say it in words.

const BUCKETS = 128;
const HEIGHT = 10;

/**
 * True once the page has had an idle moment after it loaded: the first screen's data stays the
 * page's own, and the Service list the small maps need comes afterwards.
 */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setIdle(true), { timeout: 2_000 });
      return () => cancelIdleCallback(id);
    }
    const t = setTimeout(() => setIdle(true), 500);
    return () => clearTimeout(t);
  }, []);
  return idle;
}

export function PoolStrip({ pool }: { pool: PoolView }) {
  const { rows } = useExpandedRows({ fetch: useIdle() });
  const poolRows = rows?.pools.get(pool.name);
  const buckets = useMemo(
    () => (poolRows ? poolStrip(pool, poolMarks(pool, poolRows.rows), BUCKETS) : null),
    [pool, poolRows],
  );
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !buckets) return;
    const width = c.clientWidth || 256;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(HEIGHT * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const n = buckets.length;
    buckets.forEach((b, k) => {
      const x0 = Math.floor((k * width) / n);
      const x1 = Math.floor(((k + 1) * width) / n);
      const w = Math.max(1, x1 - x0 - (n <= 64 ? 1 : 0));
      const held = b.tone === 'allocated' || b.tone === 'shared' || b.tone === 'wanted';
      ctx.fillStyle = held ? (pool.allocates ? CELL_FILL.free : CELL_FILL.blocked) : CELL_FILL[b.tone];
      ctx.fillRect(x0, 0, w, HEIGHT);
      if (held) {
        ctx.globalAlpha = Math.max(0.35, b.shade);
        ctx.fillStyle = CELL_FILL[b.tone];
        ctx.fillRect(x0, 0, w, HEIGHT);
        ctx.globalAlpha = 1;
      }
    });
    c.dataset.painted = 'true';
  }, [buckets, pool.allocates]);

  return (
    <canvas
      ref={canvas}
      aria-hidden
      data-testid="pool-strip"
      className="mt-1 block w-full rounded-sm bg-zinc-100"
      style={{ height: HEIGHT }}
    />
  );
}
