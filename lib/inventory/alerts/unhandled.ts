import { LB_CLASS, whyNotHandled } from '../../cilium';
import type { RuleAlert } from './context';
import { listText, serviceAlertId, subjectName, type AlertRule } from './context';

// LoadBalancer Services with no LB-IPAM condition at all: Cilium either ignores them on purpose
// (another loadBalancerClass), or LB-IPAM is dormant (no pool yet), or the operator never saw them.

export const unhandledAlerts: AlertRule = (ctx) => {
  const out: RuleAlert[] = [];
  for (const s of ctx.services) {
    if (s.svc.spec?.type !== 'LoadBalancer' || s.view.satisfied !== null) continue;
    const name = subjectName(s);
    const why = whyNotHandled(s.svc, ctx.options);
    const base = { id: serviceAlertId('unhandled', s), subject: s.ref };
    if (why) {
      // A Service another controller owns is not a problem unless it has no address.
      if (s.view.ips.length > 0) continue;
      out.push({
        ...base,
        severity: 'info',
        title: `${name} is not handled by LB-IPAM`,
        detail: `Cilium's LB-IPAM ignores ${name}: ${why}. It gets no address and no condition from Cilium.`,
        fix: s.svc.spec.loadBalancerClass
          ? `Remove spec.loadBalancerClass (or set it to ${LB_CLASS.l2}) if Cilium should give it an address; the field is immutable, so recreate the Service.`
          : `Set the operator's default-lb-service-ipam to 'lbipam' if Cilium should handle Services without a class.`,
      });
      continue;
    }
    if (ctx.pools.length === 0) {
      out.push({
        ...base,
        severity: 'warning',
        title: `${name} has no address: LB-IPAM is dormant`,
        detail:
          'No CiliumLoadBalancerIPPool exists, so LB-IPAM does nothing at all: it writes no condition and the Service stays <pending>.',
        fix: 'Create a CiliumLoadBalancerIPPool with a block of addresses Services may use.',
      });
      continue;
    }
    if (s.view.ips.length > 0) continue;
    const d = ctx.diagnose?.(s.ref.namespace ?? 'default', s.ref.name);
    const outlook =
      d?.state === 'satisfied' && d.ips.length
        ? ` Once it does, it should get ${listText(d.ips)}.`
        : d?.state === 'pending'
          ? ` Even then it would stay pending: ${d.cause}`
          : '';
    out.push({
      ...base,
      severity: 'warning',
      title: `${name} has no address and no LB-IPAM condition`,
      detail: `Pools exist but Cilium's operator has not processed this Service: the operator may be down, or LB-IPAM disabled (enable-lb-ipam: false).${outlook}`,
      fix: 'Check the cilium-operator pods and logs (kubectl -n kube-system logs deploy/cilium-operator).',
    });
  }
  return out;
};
