import type { AllocationRow, ArpVerdict, ObjectRef, ServiceView } from '@/lib/inventory/types';
import { portText, refText } from '@/lib/inventory/view/format';
import { CELL_STATE_WORDS, type CellState, type Mark } from '@/lib/inventory/view/pool-map-cells';
import { stretchLabel, type ZoomCell } from '@/lib/inventory/view/pool-map-zoom';
import { ArpBadge } from '../allocation-table/arp-cell';
import { Count } from '../ui/count';
import { cellClass } from './cell-colors';

/** What the hover card shows: one address, or a stretch of the canvas map. */
export type Inspected =
  | { kind: 'address'; ip: string; state: CellState; row: AllocationRow | null; arp?: ArpVerdict }
  | { kind: 'stretch'; cell: ZoomCell; marks: { shown: Mark[]; total: number } };

function StateName({ state }: { state: CellState }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-700">
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${cellClass[state]}`} />
      {CELL_STATE_WORDS[state].name}
    </span>
  );
}

function Owner({ refObj, service }: { refObj: ObjectRef; service: ServiceView | undefined }) {
  return (
    <li data-testid="cell-owner" className="py-1">
      <div className="font-mono text-xs font-medium text-zinc-900">{refText(refObj)}</div>
      {service ? (
        <div className="text-[11px] text-zinc-600">
          {service.ports.length > 0 ? (
            <span data-testid="cell-ports">ports {service.ports.map(portText).join(', ')}</span>
          ) : (
            <span>no ports</span>
          )}
          {' · '}
          <span data-testid="cell-announcer">
            {service.announcer ? `announced by ${service.announcer}` : 'no node announces it'}
          </span>
          {service.hostnames && service.hostnames.length > 0 ? (
            <div data-testid="cell-hostnames" className="truncate font-mono text-[11px] text-zinc-700">
              {[...new Set(service.hostnames.map((h) => h.name))].join(', ')}
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The hover/focus card beside the map: the address (or stretch) and who owns, wants and announces it. */
export function CellCard({
  id,
  inspected,
  services,
  hint,
}: {
  id: string;
  inspected: Inspected | null;
  services: ReadonlyMap<string, ServiceView>;
  hint: string;
}) {
  const body = (() => {
    if (!inspected) return <p className="text-xs text-zinc-500">{hint}</p>;
    if (inspected.kind === 'stretch') {
      const { cell, marks } = inspected;
      return (
        <>
          <h3 className="font-mono text-sm font-semibold text-zinc-900">{stretchLabel(cell)}</h3>
          <p className="mt-1 text-xs text-zinc-600">
            <Count n={cell.held} /> held of <Count n={cell.size} /> addresses
          </p>
          {marks.total > 0 ? (
            <ul className="mt-2 space-y-0.5 text-xs">
              {marks.shown.map((m) => (
                <li key={m.row.ip} className="flex items-baseline gap-2">
                  <span className="font-mono text-zinc-900">{m.row.ip}</span>
                  <span className="truncate text-zinc-600">
                    {m.row.holders.length > 0
                      ? m.row.holders.map(refText).join(', ')
                      : CELL_STATE_WORDS[m.state].name}
                  </span>
                </li>
              ))}
              {marks.total > marks.shown.length ? (
                <li className="text-zinc-500">
                  +{(marks.total - marks.shown.length).toLocaleString('en-US')} more
                </li>
              ) : null}
            </ul>
          ) : null}
          <p className="mt-2 text-[11px] text-zinc-500">Click, scroll up or press Enter to zoom in.</p>
        </>
      );
    }
    const { ip, state, row, arp } = inspected;
    const holders = row?.holders ?? [];
    const waiting = row?.waiting ?? [];
    return (
      <>
        <h3 className="flex items-center justify-between gap-2">
          <span className="font-mono text-sm font-semibold text-zinc-900">{ip}</span>
          <StateName state={state} />
        </h3>
        {holders.length > 0 ? (
          <ul aria-label="Owners" className="mt-1 divide-y divide-zinc-100">
            {holders.map((h) => (
              <Owner key={refText(h)} refObj={h} service={services.get(refText(h))} />
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-xs text-zinc-600">{CELL_STATE_WORDS[state].meaning}.</p>
        )}
        {waiting.length > 0 ? (
          <p className="mt-1 text-xs text-rose-800">Wanted by {waiting.map(refText).join(', ')} (pending)</p>
        ) : null}
        {arp ? (
          <p data-testid="cell-arp" data-verdict={arp.verdict} className="mt-1 text-xs text-zinc-700">
            <span className="mr-1 font-medium">ARP</span>
            <ArpBadge verdict={arp} /> {arp.detail}
            {arp.simulated ? <span className="text-zinc-400"> (simulated)</span> : null}
          </p>
        ) : null}
        <p className="mt-2 text-[11px] text-zinc-500">Click or press Enter to open this address.</p>
      </>
    );
  })();
  return (
    <aside
      id={id}
      data-testid="cell-card"
      aria-label="Address details"
      className="min-h-28 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2"
    >
      {body}
    </aside>
  );
}
