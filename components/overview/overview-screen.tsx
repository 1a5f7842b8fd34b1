'use client';

import Link from 'next/link';
import { usePools } from '@/lib/queries/use-inventory';
import { AlertsPanel } from '../alerts/alerts-panel';
import { NoPools } from '../allocation-table/empty-states';
import { PoolSummary } from '../pools/pool-summary';
import { AnnouncersSummary } from './announcers-summary';

/** The first screen: pools and their usage, the alert groups, who announces what. */
export function OverviewScreen() {
  const { data: pools = [] } = usePools();
  return (
    <>
      {pools.length === 0 ? (
        <section className="rounded-lg border border-zinc-200 bg-white">
          <NoPools />
        </section>
      ) : (
        <PoolSummary pools={pools} limit={8} />
      )}
      <AlertsPanel />
      <AnnouncersSummary />
      {pools.length > 0 ? (
        <p className="text-xs text-zinc-500">
          Every address, free or held, is on the{' '}
          <Link href="/addresses" className="font-medium text-sky-700 hover:underline">
            Addresses
          </Link>{' '}
          screen.
        </p>
      ) : null}
    </>
  );
}
