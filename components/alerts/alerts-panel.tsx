'use client';

import Link from 'next/link';
import { useAlertCounts, useAlerts } from '@/lib/queries/use-inventory';
import { Badge } from '../ui/badge';
import { AlertItem } from './alert-item';

/** Counts by severity (every member of a group counts), as badges. */
export function SeverityBadges() {
  const { data } = useAlertCounts();
  if (!data) return null;
  return (
    <>
      {data.error ? (
        <Badge tone="red">
          {data.error.toLocaleString('en-US')} error{data.error > 1 ? 's' : ''}
        </Badge>
      ) : null}
      {data.warning ? (
        <Badge tone="amber">
          {data.warning.toLocaleString('en-US')} warning{data.warning > 1 ? 's' : ''}
        </Badge>
      ) : null}
      {data.info ? <Badge tone="blue">{data.info.toLocaleString('en-US')} info</Badge> : null}
    </>
  );
}

/** The most severe alert groups, with a link to all of them; nothing when all is well. */
export function AlertsPanel({ limit = 5 }: { limit?: number }) {
  const { data: groups } = useAlerts();
  if (!groups || groups.length === 0) return null;
  const hidden = groups.length - limit;
  return (
    <section aria-labelledby="alerts-title" className="rounded-lg border border-zinc-200 bg-white">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-2">
        <h2 id="alerts-title" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          Alerts · {groups.length.toLocaleString('en-US')} {groups.length === 1 ? 'group' : 'groups'}
        </h2>
        <SeverityBadges />
        <Link href="/alerts" className="ml-auto text-xs font-medium text-sky-700 hover:underline">
          All alerts →
        </Link>
      </header>
      <ul id="alerts-list" className="divide-y divide-zinc-100">
        {groups.slice(0, limit).map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
          {hidden.toLocaleString('en-US')} more on the{' '}
          <Link href="/alerts" className="text-sky-700 hover:underline">
            Alerts
          </Link>{' '}
          screen.
        </p>
      ) : null}
    </section>
  );
}
