'use client';

import type { IpServiceExtras } from '@/lib/inventory/view/ip-detail-wire';
import { elapsed } from '@/lib/queries/connection';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { useDataNow } from '../ui/use-data-now';
import { TableHead } from '../ui/table-head';

const th = 'px-3 py-1.5 font-semibold first:pl-4';
const td = 'px-3 py-1 align-top first:pl-4';

function ServiceEvents({ e, now }: { e: IpServiceExtras; now: number }) {
  if (e.eventsError)
    return (
      <p role="alert" className="px-4 py-2 text-xs text-rose-800">
        {e.eventsError}
      </p>
    );
  if (e.events.length === 0)
    return (
      <p data-testid="ip-events-empty" className="px-4 py-2 text-xs text-zinc-500">
        No Events for {e.key} (Cilium records none for LB-IPAM; Kubernetes keeps Events for an hour).
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-xs">
        <TableHead
          className="bg-zinc-50 text-[11px] uppercase tracking-wide text-zinc-500"
          cellClassName={th}
          columns={[
            'Type',
            'Reason',
            'Message',
            { label: 'Count', className: 'text-right' },
            { label: 'Last seen', className: 'text-right' },
          ]}
        />
        <tbody>
          {e.events.map((ev) => (
            <tr
              key={ev.key}
              data-testid="ip-event"
              data-reason={ev.reason}
              className="border-t border-zinc-100"
            >
              <td className={td}>
                <Badge tone={ev.type === 'Warning' ? 'amber' : 'neutral'}>{ev.type}</Badge>
              </td>
              <td className={`${td} font-mono`}>{ev.reason}</td>
              <td className={`${td} text-zinc-700`}>{ev.message}</td>
              <td className={`${td} text-right tabular-nums`}>{ev.count.toLocaleString('en-US')}</td>
              <td
                className={`${td} whitespace-nowrap text-right text-zinc-500`}
                title={ev.lastSeen ?? undefined}
              >
                {ev.lastSeen ? `${elapsed(now - Date.parse(ev.lastSeen))} ago` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {e.eventsTotal > e.events.length ? (
        <p className="px-4 py-1 text-[11px] text-zinc-500">
          The newest {e.events.length} of {e.eventsTotal.toLocaleString('en-US')}.
        </p>
      ) : null}
    </div>
  );
}

/** Recent Kubernetes Events of its Services, any reason, read from the API server. */
export function IpEvents({ services, pending }: { services: IpServiceExtras[]; pending: boolean }) {
  const now = useDataNow(10_000);
  return (
    <Panel id="ip-events" title="Events">
      {services.length === 0 ? (
        <p role="status" className="px-4 py-2 text-xs text-zinc-500">
          {pending ? 'Reading Events…' : 'No Services to read Events of.'}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {services.map((e) => (
            <li key={e.key} data-testid="ip-events" data-service={e.key}>
              {services.length > 1 ? (
                <p className="px-4 pt-2 font-mono text-xs text-zinc-600">{e.key}</p>
              ) : null}
              <ServiceEvents e={e} now={now} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
