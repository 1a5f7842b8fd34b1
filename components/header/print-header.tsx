import type { InventoryMeta } from '@/lib/inventory/types';
import { formatUtcTime } from '@/lib/inventory/view/format';

/**
 * What a printed page says at its top instead of the interactive header: which cluster, and the
 * moment the data is of (a snapshot's time, else when the inventory was built).
 */
export function PrintHeader({ meta }: { meta: InventoryMeta }) {
  const snapshot = meta.cluster.snapshot;
  return (
    <div data-testid="print-header" className="hidden border-b border-zinc-300 pb-2 print:block">
      <p className="text-base font-semibold">LB-IPAM · {meta.cluster.name}</p>
      <p className="text-xs text-zinc-600">
        {snapshot
          ? `Snapshot taken ${formatUtcTime(snapshot.takenAt)}`
          : `Data as of ${formatUtcTime(meta.generatedAt)}`}
        {meta.cluster.readOnly ? ' · read-only' : ''}
      </p>
    </div>
  );
}
