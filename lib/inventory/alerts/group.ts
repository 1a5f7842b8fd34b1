import { digest } from '../../explain';
import type { Alert, AlertGroup, ObjectRef, Severity } from '../types';
import { plural } from '../view/format';

// Alerts with one cause and one fix are grouped, as Alertmanager groups by labels: the wire
// carries one AlertGroup per (rule, cause), with a count and the first few subjects; the members
// are listed on demand. A group of one is the alert itself (same id, same words).

/** How many subjects a group carries on the wire; the rest are listed on demand. */
export const GROUP_SAMPLE = 5;

export interface GroupWords {
  title: string;
  detail: string;
  fix: string | null;
}

/** Words for a group of several alerts of one rule and cause. */
export type GroupWording = (members: Alert[]) => GroupWords;

export type GroupWordings = Partial<Record<string, GroupWording>>;

/** Fallback: the first member's words, with the count in front. */
export const defaultWording: GroupWording = (members) => ({
  title: `${plural(members.length, 'alert', 'alerts')}: ${members[0].title}`,
  detail: members[0].detail,
  fix: members[0].fix,
});

export const groupId = (rule: string, cause: string) => `${rule}:${cause}`;

/** A short stable digest of the member ids, so a members query knows when to refetch. */
const revisionOf = (members: Alert[]): string =>
  `${members.length}-${digest(members.map((m) => m.id).join(','))}`;

const sample = (members: Alert[]): ObjectRef[] => members.slice(0, GROUP_SAMPLE).map((m) => m.subject);

export interface GroupedAlerts {
  groups: AlertGroup[];
  /** Every member of each group, by group id (a group of one lists its alert). */
  members: Map<string, Alert[]>;
}

/** Groups in the order of their first member (alerts arrive sorted by severity, then rule order). */
export function groupAlerts(alerts: Alert[], wordings: GroupWordings = {}): GroupedAlerts {
  const byCause = new Map<string, Alert[]>();
  for (const a of alerts) {
    const k = groupId(a.rule, a.cause);
    const list = byCause.get(k);
    if (list) list.push(a);
    else byCause.set(k, [a]);
  }
  const groups: AlertGroup[] = [];
  const members = new Map<string, Alert[]>();
  for (const [k, list] of byCause) {
    const first = list[0];
    if (list.length === 1) {
      groups.push({
        id: first.id,
        rule: first.rule,
        cause: first.cause,
        severity: first.severity,
        title: first.title,
        detail: first.detail,
        fix: first.fix,
        count: 1,
        subjects: [first.subject],
        revision: revisionOf(list),
      });
      members.set(first.id, list);
      continue;
    }
    const words = (wordings[first.rule] ?? defaultWording)(list);
    groups.push({
      id: k,
      rule: first.rule,
      cause: first.cause,
      severity: first.severity,
      ...words,
      count: list.length,
      subjects: sample(list),
      revision: revisionOf(list),
    });
    members.set(k, list);
  }
  return { groups, members };
}

/** Alerts per severity, counting every member of every group. */
export function severityCounts(groups: readonly AlertGroup[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const g of groups) out[g.severity] += g.count;
  return out;
}
