import type { ArpVerdictKind } from '@/lib/inventory/types';
import { ARP_LABELS } from '@/lib/inventory/view/arp-labels';
import type { PoolArpLayer } from '@/lib/inventory/view/pool-map-arp';
import { arpMarkClass } from './cell-colors';

/** Worst first, as the alerts are ordered. */
const ORDER: ArpVerdictKind[] = [
  'foreign',
  'several-macs',
  'wrong-node',
  'silent',
  'unannounced',
  'ok',
  'quiet',
  'not-probed',
];

/**
 * The ARP layer's legend: each verdict present in the pool with its mark and count, and the switch
 * that shows or hides the layer (kept in the URL, `?arp=off`).
 */
export function ArpLegend({
  layer,
  shown,
  onShown,
}: {
  layer: PoolArpLayer;
  shown: boolean;
  onShown: (shown: boolean) => void;
}) {
  const kinds = ORDER.filter((k) => (layer.counts[k] ?? 0) > 0);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600">
      <label className="flex items-center gap-1.5 font-medium text-zinc-700">
        <input
          type="checkbox"
          data-testid="arp-layer-toggle"
          checked={shown}
          onChange={(e) => onShown(e.target.checked)}
          className="h-3.5 w-3.5 accent-sky-600"
        />
        ARP layer
        {layer.simulated ? <span className="font-normal text-zinc-400">(simulated)</span> : null}
      </label>
      {shown ? (
        <ul aria-label="ARP legend" className="contents">
          {kinds.map((k) => {
            const { label, tone } = ARP_LABELS[k];
            return (
              <li
                key={k}
                data-testid="arp-legend-item"
                data-verdict={k}
                className="flex items-center gap-1.5"
              >
                <span
                  aria-hidden
                  className={`inline-block h-2 w-2 rounded-full ${tone === 'quiet' ? 'ring-1 ring-zinc-300' : arpMarkClass[tone]}`}
                />
                <span>{label}</span>
                <span className="font-mono font-medium tabular-nums text-zinc-900">{layer.counts[k]}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
