import type { Alert } from '../types';
import type { AlertContext, AlertRule } from './context';
import { leaseAlerts, l2PolicyAlerts, l2PolicyNodeAlerts, orphanAlerts } from './network';
import { pendingAlerts } from './pending';
import { conflictAlerts, disabledPoolAlerts, fullPoolAlerts, invalidBlockAlerts } from './pools';
import { unhandledAlerts } from './unhandled';

export type { AlertContext, AlertRule } from './context';

/** Every rule, in the order their alerts read best within one severity. */
export const ALERT_RULES: AlertRule[] = [
  pendingAlerts,
  unhandledAlerts,
  conflictAlerts,
  invalidBlockAlerts,
  disabledPoolAlerts,
  fullPoolAlerts,
  orphanAlerts,
  l2PolicyAlerts,
  l2PolicyNodeAlerts,
  leaseAlerts,
];

const RANK: Record<Alert['severity'], number> = { error: 0, warning: 1, info: 2 };

/** All alerts, most severe first; ids are unique (a later duplicate is dropped). */
export function buildAlerts(ctx: AlertContext, rules: AlertRule[] = ALERT_RULES): Alert[] {
  const seen = new Set<string>();
  const out: Alert[] = [];
  for (const rule of rules) {
    for (const a of rule(ctx)) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(a);
    }
  }
  // Array.prototype.sort is stable: rule order is kept within a severity.
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
