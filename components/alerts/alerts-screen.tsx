'use client';

import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { SEVERITIES } from '@/lib/inventory/view/alerts';
import { useAlerts } from '@/lib/queries/use-inventory';
import { AlertItem } from './alert-item';
import { ReshuffleBanner } from '../history/reshuffle-banner';
import { SeverityBadges } from './alerts-panel';

const severityParser = parseAsStringLiteral(SEVERITIES);

/** Every alert group, most severe first, filterable by severity (kept in the URL). */
export function AlertsScreen() {
  const [severity, setSeverity] = useQueryState(
    'severity',
    severityParser.withOptions({ history: 'replace' }),
  );
  const { data: groups } = useAlerts({ severity });
  const all = useAlerts().data ?? [];
  return (
    <section aria-labelledby="alerts-title" className="rounded-lg border border-zinc-200 bg-white">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-2">
        <h1 id="alerts-title" className="text-sm font-semibold text-zinc-900">
          Alerts
        </h1>
        <SeverityBadges />
        <div role="group" aria-label="Severity" className="ml-auto flex gap-1 text-xs">
          {[null, ...SEVERITIES].map((s) => (
            <button
              key={s ?? 'all'}
              type="button"
              aria-pressed={severity === s}
              onClick={() => void setSeverity(s)}
              className={`rounded px-2 py-0.5 ${severity === s ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100'}`}
            >
              {s ?? 'all'}
            </button>
          ))}
        </div>
      </header>
      <ReshuffleBanner className="mx-4 mt-3" />
      {all.length === 0 ? (
        <div data-testid="alerts-empty" className="px-4 py-10 text-center">
          <p className="text-sm font-medium text-zinc-900">No alerts</p>
          <p className="mt-1 text-xs text-zinc-500">
            Every Service that asked for an address has one, pools are healthy and announcements are held.
          </p>
        </div>
      ) : (groups ?? []).length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">No {severity} alerts.</p>
      ) : (
        <ul id="alerts-list" className="divide-y divide-zinc-100">
          {(groups ?? []).map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </section>
  );
}
