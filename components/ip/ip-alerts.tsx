import type { AlertGroup } from '@/lib/inventory/types';
import { AlertItem } from '../alerts/alert-item';
import { Panel } from '../ui/panel';

/** The alert groups about its Services and its pools (a group of many, when one member is about them). */
export function IpAlerts({ alerts }: { alerts: AlertGroup[] }) {
  return (
    <Panel id="ip-alerts" title={alerts.length > 0 ? `Alerts · ${alerts.length}` : 'Alerts'}>
      {alerts.length === 0 ? (
        <p data-testid="ip-alerts-none" className="px-4 py-2 text-xs text-zinc-500">
          Nothing is wrong with its Services or its pool.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {alerts.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
