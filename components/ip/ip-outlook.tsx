import type { AddressOutlookWire } from '@/lib/inventory/view/ip-detail-wire';
import { outlookLines } from '@/lib/inventory/view/ip-words';
import { Panel } from '../ui/panel';

/** A free (or reserved, or blocked) address: what Cilium would do with it, from the engine. */
export function IpOutlook({
  outlook,
  pending,
  error,
}: {
  outlook: AddressOutlookWire | null | undefined;
  pending: boolean;
  error: Error | null;
}) {
  let body;
  if (outlook) {
    const lines = outlookLines(outlook);
    body = (
      <>
        <ul className="divide-y divide-zinc-100">
          {lines.map((l, i) => (
            <li
              key={`${l.pool}/${i}`}
              data-testid="ip-outlook-line"
              data-pool={l.pool}
              className="px-4 py-2 text-sm"
            >
              <p className="text-zinc-800">{l.text}</p>
              {l.hint ? <p className="mt-0.5 text-xs text-zinc-500">{l.hint}</p> : null}
            </li>
          ))}
        </ul>
        <p className="border-t border-zinc-100 px-4 py-1.5 text-[11px] text-zinc-500">
          Worked out by the dashboard’s copy of LB-IPAM from the statuses Cilium wrote, as a restarted
          operator sees them (pools in the order the API server lists them).
        </p>
        {outlook.pendingSelected.length > 0 ? (
          <p
            data-testid="ip-outlook-pending"
            className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-600"
          >
            Pending Services its pool selects, in the order Cilium retries them:{' '}
            <span className="font-mono">{outlook.pendingSelected.join(', ')}</span>
            {outlook.morePending > 0 ? ` and ${outlook.morePending.toLocaleString('en-US')} more` : ''}.
          </p>
        ) : null}
      </>
    );
  } else if (error) {
    body = (
      <p role="alert" className="px-4 py-3 text-xs text-rose-800">
        {error.message}
      </p>
    );
  } else {
    body = (
      <p role="status" className="px-4 py-3 text-xs text-zinc-500">
        {pending ? 'Asking the engine…' : 'The engine has nothing to say about this address.'}
      </p>
    );
  }
  return (
    <Panel id="ip-outlook" title="What Cilium would do with it">
      <div data-testid="ip-outlook">{body}</div>
    </Panel>
  );
}
