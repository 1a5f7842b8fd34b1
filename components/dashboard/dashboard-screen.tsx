'use client';

import { useQueryState } from 'nuqs';
import type { Inventory } from '@/lib/inventory/types';
import { AlertsPanel } from '../alerts/alerts-panel';
import { AllocationView } from '../allocation-table/allocation-view';
import { tableFilterParsers } from '../allocation-table/table-filters';
import { DashboardHeader } from '../header/dashboard-header';
import { PoolSummary } from '../pools/pool-summary';

/** Layout of the allocation screen for one inventory. Uses nuqs: render under <Suspense>. */
export function DashboardScreen({ inventory }: { inventory: Inventory }) {
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
