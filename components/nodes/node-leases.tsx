'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { AnnouncerView } from '@/lib/inventory/types';
import type { NodeLease } from '@/lib/inventory/view/ip-detail-wire';
import { leaseTimes } from '@/lib/inventory/view/lease-times';
import { clockTime, elapsed } from '@/lib/queries/connection';
import { nodeLeasesQueryOptions } from '@/lib/queries/ip-detail';
import { ipHref } from '../pool-map/links';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { useDataNow } from '../ui/use-data-now';
import { TableHead } from '../ui/table-head';

const STEP = 100;
const th = 'px-3 py-1 font-semibold first:pl-8';
const td = 'px-3 py-1 align-top first:pl-8';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function Renewal({ lease, readAt }: { lease: NodeLease | undefined; readAt: number }) {
  if (!lease) return <span className="text-zinc-400">—</span>;
  const t = leaseTimes(lease, readAt, readAt);
  if (t.renewedBefore === null) return <span className="text-zinc-500">never</span>;
  const late = t.used !== null && t.used >= 1;
  return (
    <span className={late ? 'text-rose-800' : 'text-zinc-700'} title={`read at ${clockTime(readAt)}`}>
      {seconds(t.renewedBefore)} ago{lease.durationSeconds !== null ? ` of ${lease.durationSeconds} s` : ''}
    </span>
  );
}

/** The leases one node holds (and lets expire): addresses as links, age, renewal against duration, transitions. */
export function NodeLeases({ node, leases }: { node: string; leases: AnnouncerView[] }) {
  const [shown, setShown] = useState(STEP);
  const now = useDataNow(1000);
  // A new revision (a lease moved, was taken or dropped) reads the renewals again.
  const revision = leases
    .map((a) => `${a.key}:${a.state}:${a.acquireTime ?? ''}:${a.transitions ?? ''}`)
    .join('|');
  const q = useQuery(nodeLeasesQueryOptions(node, revision));
  const readAt = q.data ? Date.parse(q.data.now) : 0;
  const byName = new Map((q.data?.leases ?? []).map((l) => [`${l.namespace}/${l.name}`, l]));
  if (leases.length === 0)
    return <p className="px-8 py-2 text-xs text-zinc-500">It holds no L2 announcement lease.</p>;
  return (
    <div data-testid="node-leases" data-node={node} className="bg-zinc-50/60 py-1">
      <div className="flex items-center justify-between gap-2 px-8 py-1 text-[11px] text-zinc-500">
        <span role="status">
          {q.isError
            ? `renewals could not be read: ${q.error.message}`
            : q.data
              ? `renewals as read at ${clockTime(readAt)}`
              : 'reading renewals…'}
        </span>
        <Button variant="ghost" onClick={() => void q.refetch()} disabled={q.isFetching}>
          {q.isFetching ? 'Reading…' : 'Read renewals again'}
        </Button>
      </div>
      <table className="w-full border-collapse text-left text-xs">
        <TableHead
          className="text-[11px] uppercase tracking-wide text-zinc-500"
          cellClassName={th}
          columns={[
            'Address',
            'Service',
            'Lease',
            'Held for',
            'Renewed',
            { label: 'Transitions', className: 'text-right' },
          ]}
        />
        <tbody>
          {leases.slice(0, shown).map((a) => (
            <tr
              key={a.key}
              data-testid="node-lease"
              data-service={a.key}
              className="border-t border-zinc-100"
            >
              <td className={`${td} font-mono`}>
                {a.ips.map((ip) => (
                  <Link key={ip} href={ipHref(ip)} className="mr-2 text-sky-700 hover:underline">
                    {ip}
                  </Link>
                ))}
              </td>
              <td className={`${td} font-mono text-zinc-700`}>{a.key}</td>
              <td className={td}>
                <Badge tone={a.state === 'held' ? 'green' : 'red'}>{a.state}</Badge>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {a.acquireTime ? (
                  elapsed(now - Date.parse(a.acquireTime))
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <Renewal lease={byName.get(`${a.lease.namespace}/${a.lease.name}`)} readAt={readAt} />
              </td>
              <td className={`${td} text-right tabular-nums`}>{a.transitions ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {leases.length > shown ? (
        <div className="px-8 py-1">
          <Button variant="ghost" onClick={() => setShown((n) => n + STEP)}>
            Show {Math.min(STEP, leases.length - shown)} more of {leases.length.toLocaleString('en-US')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
