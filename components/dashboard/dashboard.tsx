'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { useQueryState } from 'nuqs';
import { inventoryQueryOptions } from '@/lib/queries';
import { AlertsPanel } from '../alerts/alerts-panel';
import { AllocationView } from '../allocation-table/allocation-view';
import { tableFilterParsers } from '../allocation-table/table-filters';
import { DashboardHeader } from '../header/dashboard-header';
import { PoolSummary } from '../pools/pool-summary';

/** The allocation screen. Reads the inventory from the cache the stream keeps current. */
export function Dashboard() {
  const { data: inventory } = useSuspenseQuery(inventoryQueryOptions());
  const [, setPool] = useQueryState('pool', tableFilterParsers.pool.withOptions({ history: 'replace' }));
  return (
    <div className="min-h-screen">
      <DashboardHeader cluster={inventory.cluster} sources={inventory.sources} />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 sm:px-6">
        <PoolSummary pools={inventory.pools} onShowPool={(name) => void setPool(name)} />
        <AlertsPanel alerts={inventory.alerts} />
        <AllocationView inventory={inventory} />
      </main>
    </div>
  );
}
