'use client';

import Link from 'next/link';
import type { PoolView } from '@/lib/inventory/types';
import { useAlerts, useArpVerdicts, usePool, usePoolRows, useServices } from '@/lib/queries/use-inventory';
import { AddressesTable } from '../addresses/addresses-screen';
import { AlertItem } from '../alerts/alert-item';
import { PoolMap } from '../pool-map/pool-map';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';
import { Panel } from '../ui/panel';
import { PoolCard } from './pool-card';

/** Marks the moment the pool's data is in the page (bench/ui-poolmap.bench.ts times from here). */
function markDataReady() {
  if (
    typeof performance === 'undefined' ||
    performance.getEntriesByName('lbipam:poolmap:data-ready').length > 0
  )
    return;
  performance.mark('lbipam:poolmap:data-ready');
}

/** The pool's map, once the Services (the on-demand collection) are in the cache. */
function PoolMapSection({ pool }: { pool: PoolView }) {
  const services = useServices();
  // In render, before the rows are expanded: the figure includes expansion, layout and drawing.
  if (services.data) markDataReady();
  const { rows: poolRows, error } = usePoolRows(pool.name);
  const verdicts = useArpVerdicts();
  if (error) return <ScreenError error={error} />;
  if (!poolRows || !services.data) return <ScreenSkeleton label="Loading the map of this pool…" />;
  return <PoolMap pool={pool} rows={poolRows} services={services.data} verdicts={verdicts.data} />;
}

/** One pool: its state and counts, the alerts about it, and its allocation table. */
export function PoolScreen({ name }: { name: string }) {
  const { data: pool } = usePool(name);
  const { data: alerts = [] } = useAlerts({ subject: name });
  if (!pool) {
    return (
      <div data-testid="pool-not-found" className="rounded-lg border border-zinc-200 bg-white px-6 py-10">
        <h1 className="text-sm font-semibold text-zinc-900">No pool named {name}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          This cluster has no CiliumLoadBalancerIPPool called{' '}
          <code className="font-mono text-xs">{name}</code> (it may have been deleted or renamed).
        </p>
        <Link href="/pools" className="mt-3 inline-block text-sm text-sky-700 hover:underline">
          ← All pools
        </Link>
      </div>
    );
  }
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link href="/pools" className="hover:underline">
          Pools
        </Link>{' '}
        / <span className="font-mono text-zinc-800">{pool.name}</span>
      </nav>
      <Panel id="pool" title={<span className="font-mono normal-case">{pool.name}</span>}>
        <ul>
          <PoolCard pool={pool} />
        </ul>
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
          Selects{' '}
          {pool.serviceSelector === 'every Service' ? (
            'every Service'
          ) : (
            <code className="font-mono">{pool.serviceSelector}</code>
          )}
        </p>
      </Panel>
      {alerts.length > 0 ? (
        <Panel id="pool-alerts" title={`Alerts · ${alerts.length}`}>
          <ul className="divide-y divide-zinc-100">
            {alerts.map((a) => (
              <AlertItem key={a.id} alert={a} />
            ))}
          </ul>
        </Panel>
      ) : null}
      <PoolMapSection pool={pool} />
      <AddressesTable pool={pool.name} title={`Addresses of ${pool.name}`} />
    </>
  );
}
