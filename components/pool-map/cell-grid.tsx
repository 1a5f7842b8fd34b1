'use client';

import { useRouter } from 'next/navigation';
import { memo, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  cellLabel,
  type ArpLookup,
  type BlockGroup,
  type MapCell,
} from '@/lib/inventory/view/pool-map-cells';
import type { ArpVerdict } from '@/lib/inventory/types';
import { ARP_LABELS } from '@/lib/inventory/view/arp-labels';
import { arpTone } from '@/lib/inventory/view/pool-map-arp';
import { gridLayout, isGridKey, moveInGrid } from '@/lib/inventory/view/pool-map-grid';
import { arpMarkClass, cellClass } from './cell-colors';
import type { Inspected } from './cell-card';
import { ipHref } from './links';

// A small pool (≤ 4,096 addresses) as real DOM cells. ARIA grid, not a listbox: the cells are laid
// out in two dimensions (up/down moves by a row) and activating one opens it — nothing is
// "selected", which is what a listbox is for. One tab stop (roving tabindex); each cell holds a
// link, so Enter, click, middle-click and "open in new tab" behave as links do.

export const GRID_COLUMNS = 16;

/** The last part of the address, what fits in a cell ("226", or the last IPv6 group). */
const tail = (ip: string) => ip.slice(Math.max(ip.lastIndexOf('.'), ip.lastIndexOf(':')) + 1) || ip;

const Cell = memo(function Cell({
  cell,
  index,
  active,
  describedBy,
  arp,
}: {
  cell: MapCell;
  index: number;
  active: boolean;
  describedBy: string | undefined;
  arp: ArpVerdict | undefined;
}) {
  const tone = arpTone(arp);
  return (
    <div role="gridcell" className="p-px">
      <a
        href={ipHref(cell.ip)}
        data-index={index}
        data-ip={cell.ip}
        data-state={cell.state}
        tabIndex={active ? 0 : -1}
        aria-label={`${cellLabel(cell.ip, cell.state, cell.row)}${tone && tone !== 'good' && arp ? `; ARP: ${ARP_LABELS[arp.verdict].label}` : ''}`}
        data-arp={arp?.verdict}
        aria-describedby={describedBy}
        className={`relative flex h-6 w-9 items-center justify-center rounded-sm font-mono text-[10px] tabular-nums outline-none ring-inset hover:ring-2 hover:ring-zinc-900/40 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-zinc-900 ${cellClass[cell.state]}`}
      >
        {tail(cell.ip)}
        {tone && tone !== 'quiet' ? (
          <span
            aria-hidden
            data-testid="arp-mark"
            className={`absolute -right-0.5 -top-0.5 h-2 w-2 rounded-full ${arpMarkClass[tone]}`}
          />
        ) : null}
      </a>
    </div>
  );
});

export function CellGrid({
  groups,
  label,
  cardId,
  onInspect,
  arp,
}: {
  groups: BlockGroup[];
  label: string;
  cardId: string;
  onInspect: (i: Inspected | null) => void;
  arp?: ArpLookup;
}) {
  const router = useRouter();
  const layout = useMemo(() => gridLayout(groups, GRID_COLUMNS), [groups]);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, layout.cells.length - 1));
  const root = useRef<HTMLDivElement>(null);

  const inspect = (i: number) => {
    const c = layout.cells[i];
    if (c) onInspect({ kind: 'address', ip: c.ip, state: c.state, row: c.row, arp: arp?.(c.ip) });
  };
  const indexOf = (t: EventTarget) => {
    const el = (t as HTMLElement).closest<HTMLElement>('[data-index]');
    return el ? Number(el.dataset.index) : -1;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isGridKey(e.key)) return;
    const from = indexOf(e.target);
    if (from < 0) return;
    e.preventDefault();
    const to = moveInGrid(layout, from, e.key, e.ctrlKey || e.metaKey);
    setActive(to);
    inspect(to);
    root.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus();
  };
  // Client-side navigation for plain clicks; modified clicks stay the browser's (new tab, …).
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const i = indexOf(e.target);
    const c = layout.cells[i];
    if (!c) return;
    e.preventDefault();
    router.push(ipHref(c.ip));
  };

  return (
    <div
      ref={root}
      role="grid"
      aria-label={label}
      data-testid="pool-map-grid"
      onKeyDown={onKeyDown}
      onClick={onClick}
      onFocus={(e) => {
        const i = indexOf(e.target);
        if (i < 0) return;
        setActive(i);
        inspect(i);
      }}
      onMouseOver={(e) => {
        const i = indexOf(e.target);
        if (i >= 0) inspect(i);
      }}
      className="space-y-2"
    >
      {groups.map((g, gi) => {
        const rows = layout.rows.filter((r) => r.group === gi);
        return (
          <div key={`${g.label}-${gi}`} role="rowgroup" aria-label={`Block ${g.label}`}>
            <div role="row">
              <div
                role="columnheader"
                aria-colspan={GRID_COLUMNS}
                className="pb-0.5 font-mono text-[11px] text-zinc-500"
              >
                {g.label}
              </div>
            </div>
            {rows.map((r) => {
              return (
                <div key={r.start} role="row" className="flex">
                  {layout.cells.slice(r.start, r.start + r.length).map((c, k) => {
                    const i = r.start + k;
                    return (
                      <Cell
                        key={c.ip}
                        cell={c}
                        index={i}
                        active={i === current}
                        describedBy={i === current ? cardId : undefined}
                        arp={arp?.(c.ip)}
                      />
                    );
                  })}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
