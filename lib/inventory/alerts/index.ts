import type { Alert } from '../types';
import type { AlertContext, AlertRule, RuleAlert } from './context';
import { plural } from '../view/format';
import { defaultWording, type GroupWording, type GroupWordings } from './group';
import { warningEventAlerts } from './events';
import { l2InterfaceAlerts, l2PolicyInvalidAlerts } from './l2-policies';
import { leaseCollisionAlerts, leaseMissingNodeAlerts, sharedSplitAlerts } from './leases';
import { localTrafficAlerts } from './local-traffic';
import { leaseAlerts, l2PolicyAlerts, l2PolicyNodeAlerts, orphanAlerts } from './network';
import { disabledHoldingAlerts, phantomUseAlerts } from './pool-counts';
import { versionAlerts } from './versions';
import { arpAlerts, proberAlerts } from './arp';
import { pendingAlerts } from './pending';
import { conflictAlerts, disabledPoolAlerts, fullPoolAlerts, invalidBlockAlerts } from './pools';
import { unhandledAlerts } from './unhandled';

export type { AlertContext, AlertRule, RuleAlert } from './context';

/** One alert rule: its name (every alert it raises carries it) and its function. Rules are data. */
export interface RuleDef {
  name: string;
  run: AlertRule;
}

/** Every rule, in the order their alerts read best within one severity. */
export const ALERT_RULES: RuleDef[] = [
  { name: 'pending', run: pendingAlerts },
  { name: 'unhandled', run: unhandledAlerts },
  { name: 'pool-conflict', run: conflictAlerts },
  { name: 'pool-invalid-block', run: invalidBlockAlerts },
  { name: 'pool-disabled', run: disabledPoolAlerts },
  { name: 'pool-full', run: fullPoolAlerts },
  { name: 'orphan-ip', run: orphanAlerts },
  { name: 'l2-policy', run: l2PolicyAlerts },
  { name: 'l2-policy-nodes', run: l2PolicyNodeAlerts },
  { name: 'lease', run: leaseAlerts },
  { name: 'local-traffic', run: localTrafficAlerts },
  { name: 'pool-phantom', run: phantomUseAlerts },
  { name: 'pool-disabled-holding', run: disabledHoldingAlerts },
  { name: 'l2-policy-invalid', run: l2PolicyInvalidAlerts },
  { name: 'l2-policy-interfaces', run: l2InterfaceAlerts },
  { name: 'lease-missing-node', run: leaseMissingNodeAlerts },
  { name: 'lease-collision', run: leaseCollisionAlerts },
  { name: 'shared-ip-split', run: sharedSplitAlerts },
  { name: 'event', run: warningEventAlerts },
  { name: 'cilium-version', run: versionAlerts },
  { name: 'arp', run: arpAlerts },
  { name: 'arp-prober', run: proberAlerts },
];

/**
 * A group read from what its members share (their `shared` words, written where their own words
 * are): "<count> <nouns> <headline>", the shared detail and the common fix.
 */
const sharedWording =
  (one: string, many: string): GroupWording =>
  (members) => {
    const shared = members[0].shared;
    if (!shared) return defaultWording(members);
    return {
      title: `${plural(members.length, one, many)} ${shared.headline}`,
      detail: shared.detail,
      fix: shared.fix,
    };
  };

/** Group words for every rule whose alerts can share a cause; the other rules raise one alert per cause. */
export const GROUP_WORDINGS: GroupWordings = {
  pending: sharedWording('Service', 'Services'),
  unhandled: sharedWording('Service', 'Services'),
  'orphan-ip': sharedWording('address', 'addresses'),
  'l2-policy': sharedWording('Service', 'Services'),
  lease: sharedWording('Service', 'Services'),
  'local-traffic': sharedWording('Service', 'Services'),
  'lease-missing-node': sharedWording('Service', 'Services'),
  event: sharedWording('Service', 'Services'),
};

const RANK: Record<Alert['severity'], number> = { error: 0, warning: 1, info: 2 };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** An alert in place of a rule that threw: the rest of the alerts still stand. */
function ruleFailed(rule: string, err: unknown): Alert {
  return {
    id: `rule-failed:${rule}`,
    rule: 'rule-failed',
    cause: rule,
    severity: 'warning',
    title: `The dashboard could not check '${rule}'`,
    detail: `Its alert rule failed on this cluster's data (${message(err)}); every other rule was checked.`,
    fix: 'Report this with the server log; the alerts of this rule are missing until it is fixed.',
    subject: { kind: 'Service', name: rule },
  };
}

/**
 * The alert a rule raised, with its rule and cause: one object per raised alert, so a rule that
 * hands back the same (memoised) alert build after build gets back the same Alert — written out
 * field by field, as the Service views are (lib/inventory/l2-facts.ts), so 10,000 of them share a
 * hidden class.
 */
function finished(a: RuleAlert, rule: string): Alert {
  const hit = finishedMemo.get(a);
  if (hit && hit.rule === rule) return hit;
  const alert: Alert = {
    id: a.id,
    rule,
    cause: a.cause ?? a.id,
    severity: a.severity,
    title: a.title,
    detail: a.detail,
    fix: a.fix,
    subject: a.subject,
  };
  if (a.shared) alert.shared = a.shared;
  finishedMemo.set(a, alert);
  return alert;
}
const finishedMemo = new WeakMap<RuleAlert, Alert>();

/** All alerts, most severe first, in rule order within a severity; ids are unique (a later duplicate is dropped). */
export function buildAlerts(ctx: AlertContext, rules: RuleDef[] = ALERT_RULES): Alert[] {
  const seen = new Set<string>();
  const bySeverity: Alert[][] = [[], [], []];
  for (const rule of rules) {
    let raised;
    try {
      raised = rule.run(ctx);
    } catch (err) {
      console.error(`[lbipam] alert rule ${rule.name} failed:`, err);
      bySeverity[RANK.warning].push(ruleFailed(rule.name, err));
      continue;
    }
    for (const a of raised) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      bySeverity[RANK[a.severity]].push(finished(a, rule.name));
    }
  }
  return bySeverity[0].concat(bySeverity[1], bySeverity[2]);
}
