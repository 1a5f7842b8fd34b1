import type { Alert } from '@/lib/inventory/types';

const rank: Record<Alert['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Most severe first; ties keep the inventory's order (it is stable across updates). */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank[x.a.severity] - rank[y.a.severity] || x.i - y.i)
    .map(({ a }) => a);
}
