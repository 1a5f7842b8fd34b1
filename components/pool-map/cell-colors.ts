import type { ArpTone } from '@/lib/inventory/view/arp-labels';
import type { CellState } from '@/lib/inventory/view/pool-map-cells';

// One palette for the DOM cells, the canvas and the legend, so a colour means one state everywhere.

/** Canvas fills (hex), the Tailwind colours of `cellClass` below. */
export const CELL_FILL: Record<CellState, string> = {
  allocated: '#0284c7', // sky-600
  shared: '#7c3aed', // violet-600
  wanted: '#e11d48', // rose-600
  reserved: '#a1a1aa', // zinc-400
  blocked: '#fcd34d', // amber-300
  free: '#dcfce7', // green-100
};

/** Text on a cell of that state (canvas labels at the address level). */
export const CELL_INK: Record<CellState, string> = {
  allocated: '#ffffff',
  shared: '#ffffff',
  wanted: '#ffffff',
  reserved: '#27272a',
  blocked: '#78350f',
  free: '#166534',
};

export const cellClass: Record<CellState, string> = {
  allocated: 'bg-sky-600 text-white',
  shared: 'bg-violet-600 text-white',
  wanted: 'bg-rose-600 text-white',
  reserved: 'bg-zinc-400 text-zinc-900',
  blocked: 'bg-amber-300 text-amber-900',
  free: 'bg-green-100 text-green-800',
};

/** The ARP layer's marks (a dot in the cell's corner), by the verdict's tone; quiet draws none. */
export const ARP_MARK_FILL: Record<ArpTone, string | null> = {
  bad: '#e11d48', // rose-600
  warn: '#d97706', // amber-600
  good: '#059669', // emerald-600
  quiet: null,
};

export const arpMarkClass: Record<ArpTone, string> = {
  bad: 'bg-rose-600 ring-1 ring-white',
  warn: 'bg-amber-600 ring-1 ring-white',
  good: 'bg-emerald-600 ring-1 ring-white',
  quiet: 'hidden',
};
