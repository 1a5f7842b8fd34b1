'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PoolView } from '@/lib/inventory/types';
import type { ArpLookup, Mark } from '@/lib/inventory/view/pool-map-cells';
import { gridLayout, isGridKey, moveInGrid } from '@/lib/inventory/view/pool-map-grid';
import {
  cellTone,
  heldShade,
  marksIn,
  stretchLabel,
  topLevel,
  zoomCellLabel,
  zoomInto,
  type Stretch,
  type ZoomCell,
  type ZoomLevel,
} from '@/lib/inventory/view/pool-map-zoom';
import { formatAddr } from '@/lib/net';
import type { PoolArpLayer } from '@/lib/inventory/view/pool-map-arp';
import { ARP_MARK_FILL, CELL_FILL, CELL_INK } from './cell-colors';
import type { Inspected } from './cell-card';
import { ipHref } from './links';

// A pool over 4,096 addresses on a canvas: each cell a stretch (a /24 of a /16, 2^56 of a /64)
// shaded by the share held; click, scroll up or Enter zooms in, breadcrumbs (or Escape) back out,
// down to cells of one address, which open the address. The canvas is one focusable widget: arrow
// keys move a cursor, and a live region reads the cell under it.

export const CANVAS_COLUMNS = 16;
export const LABEL_H = 18;
const CELL_H = 22;
const GAP = 2;
const MAX_CELL_W = 44;
const WHEEL_PAUSE_MS = 300;

interface Geometry {
  cellW: number;
  height: number;
  /** Top of each section's first line of cells. */
  tops: number[];
}

function geometry(level: ZoomLevel, width: number): Geometry {
  const cellW = Math.max(8, Math.min(MAX_CELL_W, Math.floor(width / CANVAS_COLUMNS)));
  const tops: number[] = [];
  let y = 0;
  for (const s of level.sections) {
    y += LABEL_H;
    tops.push(y);
    y += Math.ceil(s.cells.length / CANVAS_COLUMNS) * CELL_H + GAP * 2;
  }
  return { cellW, height: Math.max(y, CELL_H), tops };
}

const tail = (ip: string) => ip.slice(Math.max(ip.lastIndexOf('.'), ip.lastIndexOf(':')) + 1);

function draw(
  ctx: CanvasRenderingContext2D,
  level: ZoomLevel,
  g: Geometry,
  width: number,
  focus: number,
  showFocus: boolean,
  hover: number,
  arpLayer: PoolArpLayer | null,
) {
  ctx.clearRect(0, 0, width, g.height);
  ctx.textBaseline = 'middle';
  let index = 0;
  level.sections.forEach((s, si) => {
    ctx.fillStyle = '#71717a';
    ctx.font = '11px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textAlign = 'left';
    ctx.fillText(
      `${s.label}${s.step > 1n ? `  ·  ${s.step.toLocaleString('en-US')} addresses per cell` : ''}`,
      0,
      g.tops[si] - LABEL_H / 2,
    );
    s.cells.forEach((c, k) => {
      const x = (k % CANVAS_COLUMNS) * g.cellW;
      const y = g.tops[si] + Math.floor(k / CANVAS_COLUMNS) * CELL_H;
      const w = g.cellW - GAP;
      const h = CELL_H - GAP;
      const tone = cellTone(c);
      if (c.size === 1n) {
        ctx.fillStyle = CELL_FILL[tone];
        ctx.fillRect(x, y, w, h);
        if (w >= 26) {
          ctx.fillStyle = CELL_INK[tone];
          ctx.font = '10px ui-monospace, SFMono-Regular, Menlo, monospace';
          ctx.textAlign = 'center';
          ctx.fillText(tail(formatAddr({ family: c.family, value: c.from })), x + w / 2, y + h / 2);
        }
      } else {
        ctx.fillStyle = c.counts.blocked > 0n ? CELL_FILL.blocked : CELL_FILL.free;
        if (tone === 'reserved') ctx.fillStyle = CELL_FILL.reserved;
        ctx.fillRect(x, y, w, h);
        if (tone === 'allocated' || tone === 'shared' || tone === 'wanted') {
          ctx.globalAlpha = Math.max(0.35, heldShade(c));
          ctx.fillStyle = CELL_FILL[tone];
          ctx.fillRect(x, y, w, h);
          ctx.globalAlpha = 1;
        }
      }
      // The ARP layer: the worst verdict among the cell's addresses, as a dot in its corner.
      const arpFill = arpLayer ? ARP_MARK_FILL[arpLayer.toneIn(c) ?? 'quiet'] : null;
      if (arpFill) {
        ctx.beginPath();
        ctx.arc(x + w - 4, y + 4, 3, 0, 2 * Math.PI);
        ctx.fillStyle = arpFill;
        ctx.fill();
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1;
        ctx.stroke();
      }
      if (index === hover || (showFocus && index === focus)) {
        ctx.strokeStyle = index === focus && showFocus ? '#18181b' : 'rgba(24,24,27,0.45)';
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, w - 2, h - 2);
      }
      index++;
    });
  });
}

export function ZoomCanvas({
  pool,
  marks,
  cardId,
  onInspect,
  arp,
  arpLayer = null,
}: {
  pool: PoolView;
  marks: Mark[];
  cardId: string;
  onInspect: (i: Inspected | null) => void;
  arp?: ArpLookup;
  arpLayer?: PoolArpLayer | null;
}) {
  const router = useRouter();
  const [path, setPath] = useState<Stretch[]>([]);
  const [focus, setFocus] = useState(0);
  const [hover, setHover] = useState(-1);
  const [focused, setFocused] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [width, setWidth] = useState(CANVAS_COLUMNS * MAX_CELL_W);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const lastWheel = useRef(0);
  const painted = useRef(false);

  const level = useMemo(
    () => (path.length === 0 ? topLevel(pool, marks) : zoomInto(pool, marks, path[path.length - 1])),
    [pool, marks, path],
  );
  const layout = useMemo(() => gridLayout(level.sections, CANVAS_COLUMNS), [level]);
  const cells = layout.cells as ZoomCell[];
  const g = useMemo(() => geometry(level, width), [level, width]);
  const current = Math.min(focus, Math.max(0, cells.length - 1));

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(160, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(g.height * dpr);
    c.style.width = `${width}px`;
    c.style.height = `${g.height}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, level, g, width, current, focused, hover, arpLayer);
    if (!painted.current) {
      painted.current = true;
      // The bench (bench/ui-poolmap.bench.ts) times data-ready → this frame.
      requestAnimationFrame(() => {
        performance.mark('lbipam:poolmap:painted');
        c.dataset.painted = 'true';
      });
    }
  }, [level, g, width, current, focused, hover, arpLayer]);

  const inspectCell = (i: number) => {
    const c = cells[i];
    if (!c) return onInspect(null);
    if (c.size === 1n) {
      const ip = c.row?.ip ?? formatAddr({ family: c.family, value: c.from });
      onInspect({ kind: 'address', ip, state: c.state ?? 'free', row: c.row, arp: arp?.(ip) });
    } else onInspect({ kind: 'stretch', cell: c, marks: marksIn(marks, c) });
  };

  const zoomIn = (i: number) => {
    const c = cells[i];
    if (!c) return;
    if (c.size === 1n) {
      router.push(ipHref(c.row?.ip ?? formatAddr({ family: c.family, value: c.from })));
      return;
    }
    setPath((p) => [...p, { family: c.family, from: c.from, to: c.to }]);
    setFocus(0);
    setHover(-1);
    setAnnounce(`Zoomed into ${stretchLabel(c)}`);
  };
  const zoomTo = (depth: number) => {
    if (depth >= path.length) return;
    const back = path[depth];
    const next = path.slice(0, depth);
    const above = next.length === 0 ? topLevel(pool, marks) : zoomInto(pool, marks, next[next.length - 1]);
    const flat = above.sections.flatMap((s) => s.cells);
    const at = flat.findIndex((c) => c.family === back.family && c.from <= back.from && back.from <= c.to);
    setPath(next);
    setFocus(Math.max(0, at));
    setHover(-1);
    setAnnounce(
      `Zoomed out to ${next.length === 0 ? `the whole pool ${pool.name}` : stretchLabel(next[next.length - 1])}`,
    );
  };

  const hit = (clientX: number, clientY: number): number => {
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect) return -1;
    const x = clientX - rect.left;
    const y = clientY - rect.top;
    let base = 0;
    for (let si = 0; si < level.sections.length; si++) {
      const n = level.sections[si].cells.length;
      const top = g.tops[si];
      const lines = Math.ceil(n / CANVAS_COLUMNS);
      if (y >= top && y < top + lines * CELL_H) {
        const col = Math.floor(x / g.cellW);
        const k = Math.floor((y - top) / CELL_H) * CANVAS_COLUMNS + col;
        return col >= 0 && col < CANVAS_COLUMNS && k < n ? base + k : -1;
      }
      base += n;
    }
    return -1;
  };

  // Wheel zooms (one step per gesture); a listener of our own, since React's is passive.
  const onWheel = useEffectEvent((e: WheelEvent) => {
    const i = hit(e.clientX, e.clientY);
    const zoomingIn = e.deltaY < 0 && i >= 0 && !level.addresses;
    const zoomingOut = e.deltaY > 0 && path.length > 0;
    if (!zoomingIn && !zoomingOut) return;
    e.preventDefault();
    const now = performance.now();
    if (now - lastWheel.current < WHEEL_PAUSE_MS) return;
    lastWheel.current = now;
    if (zoomingIn) zoomIn(i);
    else zoomTo(path.length - 1);
  });
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const on = (e: WheelEvent) => onWheel(e);
    c.addEventListener('wheel', on, { passive: false });
    return () => c.removeEventListener('wheel', on);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isGridKey(e.key)) {
      e.preventDefault();
      const to = moveInGrid(layout, current, e.key, e.ctrlKey || e.metaKey);
      setFocus(to);
      inspectCell(to);
      setAnnounce(cells[to] ? zoomCellLabel(cells[to]) : '');
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      zoomIn(current);
    } else if ((e.key === 'Escape' || e.key === 'Backspace') && path.length > 0) {
      e.preventDefault();
      zoomTo(path.length - 1);
    }
  };

  const crumbs = [
    { label: `${pool.name} (whole pool)`, depth: 0 },
    ...path.map((s, i) => ({ label: stretchLabel(s), depth: i + 1 })),
  ];
  const levelText = level.addresses
    ? 'one address per cell'
    : `${cells.length.toLocaleString('en-US')} cells of up to ${level.sections[0]?.step.toLocaleString('en-US') ?? 0} addresses`;

  return (
    <div className="space-y-2">
      <nav aria-label="Map zoom" className="flex flex-wrap items-center gap-1 text-xs text-zinc-500">
        {crumbs.map((c, i) => (
          <span key={c.depth} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden>›</span> : null}
            {c.depth === path.length ? (
              <span aria-current="location" className="font-mono font-medium text-zinc-900">
                {c.label}
              </span>
            ) : (
              <button
                type="button"
                onClick={() => zoomTo(c.depth)}
                className="font-mono text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                {c.label}
              </button>
            )}
          </span>
        ))}
      </nav>
      <div
        ref={box}
        role="application"
        aria-roledescription="pool map"
        aria-label={`Map of pool ${pool.name} at ${crumbs[crumbs.length - 1].label}: ${levelText}. Arrow keys move, Enter zooms in or opens an address, Escape zooms out.`}
        aria-describedby={cardId}
        data-testid="pool-map-canvas"
        data-depth={path.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          inspectCell(current);
        }}
        onBlur={() => setFocused(false)}
        className="rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2"
      >
        <canvas
          ref={canvas}
          aria-hidden
          className="block cursor-pointer"
          onMouseMove={(e) => {
            const i = hit(e.clientX, e.clientY);
            if (i === hover) return;
            setHover(i);
            if (i >= 0) inspectCell(i);
          }}
          onMouseLeave={() => setHover(-1)}
          onClick={(e) => {
            const i = hit(e.clientX, e.clientY);
            if (i >= 0) zoomIn(i);
          }}
        />
      </div>
      <p data-testid="pool-map-focus" aria-live="polite" className="sr-only">
        {announce}
      </p>
    </div>
  );
}
