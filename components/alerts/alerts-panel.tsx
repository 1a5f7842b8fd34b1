'use client';

import { useMemo, useState } from 'react';
import type { Alert } from '@/lib/inventory/types';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { AlertItem } from './alert-item';
import { sortAlerts } from './sort-alerts';

// A broken cluster can raise thousands of alerts; the most severe few come first, the rest on demand.
const FIRST_SHOWN = 5;
const MORE_STEP = 50;

export function AlertsPanel({ alerts }: { alerts: Alert[] }) {
  // Open when something is broken or the list is short; a flood of warnings starts folded so the
  // table stays in view (the counts are on the toggle).
  const [open, setOpen] = useState(
    () => alerts.length <= FIRST_SHOWN || alerts.some((a) => a.severity === 'error'),
  );
  const [limit, setLimit] = useState(FIRST_SHOWN);
  const sorted = useMemo(() => sortAlerts(alerts), [alerts]);
  if (alerts.length === 0) return null;
  const errors = alerts.filter((a) => a.severity === 'error').length;
  const warnings = alerts.filter((a) => a.severity === 'warning').length;
  const hidden = sorted.length - limit;
  return (
    <section aria-labelledby="alerts-title" className="rounded-lg border border-zinc-200 bg-white">
      <h2 id="alerts-title" className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="alerts-list"
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center gap-2 px-4 py-2 text-left focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          <span aria-hidden className={`text-zinc-400 transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          <span className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
            Alerts · {alerts.length.toLocaleString('en-US')}
          </span>
          {errors ? (
            <Badge tone="red">
              {errors.toLocaleString('en-US')} error{errors > 1 ? 's' : ''}
            </Badge>
          ) : null}
          {warnings ? (
            <Badge tone="amber">
              {warnings.toLocaleString('en-US')} warning{warnings > 1 ? 's' : ''}
            </Badge>
          ) : null}
        </button>
      </h2>
      {open ? (
        <ul id="alerts-list" className="divide-y divide-zinc-100 border-t border-zinc-100">
          {sorted.slice(0, limit).map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
          {hidden > 0 ? (
            <li className="flex items-center gap-2 px-4 py-2 text-xs text-zinc-500">
              {hidden.toLocaleString('en-US')} more
              <Button variant="ghost" onClick={() => setLimit((l) => l + MORE_STEP)}>
                Show {Math.min(hidden, MORE_STEP)} more
              </Button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
