import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import Link from 'next/link';
import { useContext } from 'react';
import type { ObjectRef, RowStatus } from '@/lib/inventory/types';
import { CellText } from '../ui/cell-text';
import { ipHref } from '../pool-map/links';
import { IpLinksContext } from './ip-links';
import { ArpCell } from './arp-cell';
import { LastReleaseNote } from './last-release';
import { StatusBadge } from './status-badge';
import { compareRecords, type TableRecord } from './table-records';

const col = createColumnHelper<TableRecord>();

const ipOrder: SortingFn<TableRecord> = (a, b) => compareRecords(a.original, b.original);
const statusRank: Record<RowStatus, number> = {
  contested: 0,
  allocated: 1,
  reserved: 2,
  unallocatable: 3,
  available: 4,
};
const statusOrder: SortingFn<TableRecord> = (a, b) =>
  statusRank[a.original.status] - statusRank[b.original.status];

const Empty = () => <span className="text-zinc-300">—</span>;
const text = (v: string | null) => (v ? <CellText value={v} /> : <Empty />);
const refName = (r: ObjectRef) => `${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

const ipLink =
  'text-zinc-900 hover:text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600';

/** The address opens its page; a free range links both ends (prefetching thousands of rows would flood the server). */
function IpCell({ r }: { r: TableRecord }) {
  if (!useContext(IpLinksContext))
    return (
      <span className="font-mono text-zinc-900">{r.kind === 'address' ? r.ip : `${r.ip} – ${r.to}`}</span>
    );
  if (r.kind === 'address')
    return (
      <Link href={ipHref(r.ip)} prefetch={false} data-testid="ip-link" className={`font-mono ${ipLink}`}>
        {r.ip}
      </Link>
    );
  return (
    <span className="font-mono">
      <Link href={ipHref(r.ip)} prefetch={false} className={ipLink}>
        {r.ip}
      </Link>{' '}
      <span className="text-zinc-400">–</span>{' '}
      <Link href={ipHref(r.to ?? r.ip)} prefetch={false} className={ipLink}>
        {r.to}
      </Link>
    </span>
  );
}

function ServiceCell({ r }: { r: TableRecord }) {
  if (r.kind === 'range') {
    return (
      <span className="text-zinc-500">{BigInt(r.count ?? '0').toLocaleString('en-US')} free addresses</span>
    );
  }
  return (
    <span className="flex flex-col">
      <span className={r.service ? 'font-medium text-zinc-900' : ''}>{text(r.service)}</span>
      {r.holders.length > 1 ? (
        <span className="text-[11px] text-zinc-500" title={r.holders.map(refName).join(', ')}>
          shared by {r.holders.length} Services
        </span>
      ) : null}
      {r.waiting.length > 0 ? (
        <span className="text-[11px] text-rose-700" title="Requested this address but did not get it">
          wanted by <CellText value={r.waiting.map(refName).join(', ')} />
        </span>
      ) : null}
    </span>
  );
}

// Nulls sort last whichever way a text column is sorted.
const nullsLast = { sortUndefined: 'last' as const, sortingFn: 'alphanumeric' as const };
const orUndefined = (v: string | null) => v ?? undefined;

export const allocationColumns = [
  col.accessor('ip', {
    id: 'ip',
    header: 'IP',
    sortingFn: ipOrder,
    cell: (c) => <IpCell r={c.row.original} />,
  }),
  col.accessor((r) => orUndefined(r.service), {
    id: 'service',
    header: 'Service',
    ...nullsLast,
    cell: (c) => <ServiceCell r={c.row.original} />,
  }),
  col.accessor((r) => orUndefined(r.namespace), {
    id: 'namespace',
    header: 'Namespace',
    ...nullsLast,
    cell: (c) => text(c.row.original.namespace),
  }),
  col.accessor((r) => orUndefined(r.type), {
    id: 'type',
    header: 'Type',
    ...nullsLast,
    cell: (c) => text(c.row.original.type),
  }),
  col.accessor((r) => orUndefined(r.notes), {
    id: 'notes',
    header: 'Notes',
    ...nullsLast,
    cell: (c) => <span className="text-zinc-600">{text(c.row.original.notes)}</span>,
  }),
  col.accessor('status', {
    id: 'status',
    header: 'Status',
    sortingFn: statusOrder,
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  // A free address's last release, from history (./last-release.tsx): to give it back to its owner.
  col.display({
    id: 'released',
    header: 'Last released',
    cell: (c) => {
      const r = c.row.original;
      return r.kind === 'address' && r.holders.length === 0 ? <LastReleaseNote ip={r.ip} /> : null;
    },
  }),
  col.display({
    id: 'arp',
    header: 'ARP',
    cell: (c) => (c.row.original.kind === 'address' ? <ArpCell ip={c.row.original.ip} /> : null),
  }),
  col.accessor((r) => orUndefined(r.announcer), {
    id: 'announcer',
    header: 'Announcer',
    ...nullsLast,
    cell: (c) => <span className="font-mono text-zinc-600">{text(c.row.original.announcer)}</span>,
  }),
  col.accessor('pool', {
    id: 'pool',
    header: 'Pool',
    cell: (c) => <span className="font-mono text-zinc-600">{c.getValue()}</span>,
  }),
];
