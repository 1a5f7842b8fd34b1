'use client';

import { useState } from 'react';
import type { Alert } from '@/lib/inventory/types';
import { Badge } from '../ui/badge';
import { AlertItem } from './alert-item';
import { sortAlerts } from './sort-alerts';

export function AlertsPanel({ alerts }: { alerts: Alert[] }) {
  const [open, setOpen] = useState(true);
  if (alerts.length === 0) return null;
  const sorted = sortAlerts(alerts);
  const errors = alerts.filter((a) => a.severity === 'error').length;
  const warnings = alerts.filter((a) => a.severity === 'warning').length;
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
            Alerts · {alerts.length}
          </span>
          {errors ? (
            <Badge tone="red">
              {errors} error{errors > 1 ? 's' : ''}
            </Badge>
          ) : null}
          {warnings ? (
            <Badge tone="amber">
              {warnings} warning{warnings > 1 ? 's' : ''}
            </Badge>
          ) : null}
        </button>
      </h2>
      {open ? (
        <ul id="alerts-list" className="divide-y divide-zinc-100 border-t border-zinc-100">
          {sorted.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
