import { whyNotHandled } from '../../cilium';
import { explainDormant, explainNotHandled, explainNotProcessed, type Outlook } from '../../explain';
import type { RuleAlert } from './context';
import { alertFrom, serviceAlertId, subjectName, type AlertRule } from './context';

// LoadBalancer Services with no LB-IPAM condition at all: Cilium either ignores them on purpose
// (another loadBalancerClass), or LB-IPAM is dormant (no pool yet), or the operator never saw them.

export const unhandledAlerts: AlertRule = (ctx) => {
  const out: RuleAlert[] = [];
  for (const s of ctx.services) {
    if (s.svc.spec?.type !== 'LoadBalancer' || s.view.satisfied !== null) continue;
    const subject = { name: subjectName(s), gateway: s.columns.gateway !== null };
    const why = whyNotHandled(s.svc, ctx.options);
    const base = { id: serviceAlertId('unhandled', s), subject: s.ref };
    if (why) {
      // A Service another controller owns is not a problem unless it has no address.
      if (s.view.ips.length > 0) continue;
      const facts = { why, type: s.svc.spec.type, loadBalancerClass: s.svc.spec.loadBalancerClass };
      out.push({ ...base, severity: 'info', ...alertFrom(explainNotHandled(subject, facts)) });
      continue;
    }
    if (ctx.pools.length === 0) {
      out.push({ ...base, severity: 'warning', ...alertFrom(explainDormant(subject)) });
      continue;
    }
    if (s.view.ips.length > 0) continue;
    const d = ctx.diagnose?.(s.ref.namespace ?? 'default', s.ref.name);
    const outlook: Outlook =
      d?.state === 'satisfied' ? { ips: d.ips } : d?.state === 'pending' ? { pending: d.cause } : null;
    out.push({ ...base, severity: 'warning', ...alertFrom(explainNotProcessed(subject, outlook)) });
  }
  return out;
};
