import type { KubeEvent } from '../../cilium/objects';
import { subjectName, serviceAlertId, type AlertRule, type RuleAlert } from './context';

// Warning Events on LoadBalancer Services, whoever recorded them (Cilium records none for LB-IPAM;
// kube-controller-manager, external-dns, a cloud controller or a GitOps tool may). One alert per
// Service and reason: the newest message, and how often it happened.

const timeOf = (e: KubeEvent) => e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '';

export const warningEventAlerts: AlertRule = (ctx) => {
  const events = ctx.events ?? [];
  if (events.length === 0) return [];
  const byService = new Map(ctx.services.map((s) => [s.key, s]));
  const newest = new Map<string, { e: KubeEvent; count: number }>();
  for (const e of events) {
    if (e.type !== 'Warning' || e.involvedObject?.kind !== 'Service') continue;
    const key = `${e.involvedObject.namespace ?? 'default'}/${e.involvedObject.name ?? ''}`;
    if (!byService.has(key)) continue;
    const id = `${key}|${e.reason ?? ''}`;
    const seen = newest.get(id);
    const count = (seen?.count ?? 0) + (typeof e.count === 'number' && e.count > 0 ? e.count : 1);
    newest.set(id, { e: !seen || timeOf(e) > timeOf(seen.e) ? e : seen.e, count });
  }
  return [...newest].map(([id, { e, count }]): RuleAlert => {
    const s = byService.get(id.split('|')[0])!;
    const reason = e.reason || 'Warning';
    const by = e.source?.component ? ` by ${e.source.component}` : '';
    return {
      id: `${serviceAlertId('event', s)}:${reason}`,
      cause: `event:${reason}`,
      severity: 'warning',
      title: `${subjectName(s)}: ${reason}`,
      detail: `Recorded${by}${count > 1 ? `, ${count} times` : ''}${timeOf(e) ? `, last at ${timeOf(e)}` : ''}: “${e.message ?? ''}”`,
      fix: `Read the Service's events (kubectl -n ${s.view.namespace} describe service ${s.view.name}) and fix what ${e.source?.component ?? 'the recording controller'} reports.`,
      subject: s.ref,
      shared: {
        headline: `have Warning events '${reason}'`,
        detail: `Controllers recorded '${reason}' Warning events on these LoadBalancer Services.`,
        fix: 'Read each Service’s events (kubectl describe service) and fix what the recording controller reports.',
      },
    };
  });
};
