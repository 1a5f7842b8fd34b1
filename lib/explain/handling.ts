// Services LB-IPAM gives nothing to without a pending condition: it ignores them (type, class,
// operator option), it is dormant (no pool), or its operator has not processed them yet; and the
// plain answers (satisfied, no such Service) the engine's diagnose also gives.
import { LB_CLASS } from '../cilium/service';
import type { Explanation, Subject } from './types';
import { listText } from './words';

/** Words whose detail and fix name nothing but what every subject with the key shares. */
const sameForAll = (
  title: string,
  detail: string,
  fix: string | null,
  key: string,
  headline: string,
): Explanation => ({
  title,
  detail,
  fix,
  key,
  shared: { headline, detail, fix },
});

export function explainDormant(s: Subject): Explanation {
  return sameForAll(
    `${s.name} has no address: LB-IPAM is dormant`,
    'No CiliumLoadBalancerIPPool exists, so LB-IPAM is dormant: it allocates nothing and writes no condition until a pool appears, and the Service stays <pending>.',
    'Create a CiliumLoadBalancerIPPool with a block of addresses Services may use.',
    'dormant',
    'have no address: LB-IPAM is dormant',
  );
}

export interface NotHandledFacts {
  /** Why LB-IPAM ignores it (lib/cilium whyNotHandled): "its loadBalancerClass '…' belongs to another controller". */
  why: string;
  type: string | undefined;
  loadBalancerClass: string | null | undefined;
}

function notHandledFix(f: NotHandledFacts): string {
  if (f.type !== 'LoadBalancer')
    return 'Set spec.type: LoadBalancer if it should get an address from a pool.';
  const cls = f.loadBalancerClass;
  if (cls === LB_CLASS.l2 || cls === LB_CLASS.bgp) {
    const feature =
      cls === LB_CLASS.l2
        ? 'L2 announcements (l2announcements.enabled)'
        : 'the BGP control plane (bgpControlPlane.enabled)';
    return `Enable ${feature} in Cilium, or remove spec.loadBalancerClass; the field is immutable, so recreate the Service.`;
  }
  if (cls)
    return `Remove spec.loadBalancerClass (or set it to ${LB_CLASS.l2}) if Cilium should give it an address; the field is immutable, so recreate the Service.`;
  return "Set the operator's default-lb-service-ipam to 'lbipam' if Cilium should handle Services without a class.";
}

export function explainNotHandled(s: Subject, f: NotHandledFacts): Explanation {
  const fix = notHandledFix(f);
  const key =
    f.type !== 'LoadBalancer'
      ? `type:${f.type ?? ''}`
      : f.loadBalancerClass
        ? `class:${f.loadBalancerClass}`
        : 'no-class';
  return {
    title: `${s.name} is not handled by LB-IPAM`,
    detail: `Cilium's LB-IPAM ignores it: ${f.why}. It gets no address and no condition from Cilium.`,
    fix,
    key,
    shared: {
      headline: `are not handled by LB-IPAM${f.loadBalancerClass ? ` (loadBalancerClass ${f.loadBalancerClass})` : ''}`,
      detail: `Cilium's LB-IPAM ignores every one of them: ${f.why}. They get no address and no condition from Cilium.`,
      fix,
    },
  };
}

/** What the engine predicts once the operator processes it. */
export type Outlook = { ips: string[] } | { pending: string } | null;

export function explainNotProcessed(s: Subject, outlook: Outlook): Explanation {
  const why = 'the operator may be down, or LB-IPAM disabled (enable-lb-ipam: false)';
  const then =
    outlook && 'ips' in outlook && outlook.ips.length
      ? ` Once it does, it should get ${listText(outlook.ips)}.`
      : outlook && 'pending' in outlook
        ? ` Even then it would stay pending: ${outlook.pending}`
        : '';
  const fix = 'Check the cilium-operator pods and logs (kubectl -n kube-system logs deploy/cilium-operator).';
  return {
    title: `${s.name} has no address and no LB-IPAM condition`,
    detail: `Pools exist but Cilium's operator has not processed this Service: ${why}.${then}`,
    fix,
    key: 'unprocessed',
    shared: {
      headline: 'have no address and no LB-IPAM condition',
      detail: `Pools exist but Cilium's operator has processed none of them: ${why}.`,
      fix,
    },
  };
}

export function explainSatisfied(s: Subject, ips: string[]): Explanation {
  return ips.length
    ? sameForAll(
        `${s.name} has ${listText(ips)}`,
        `LB-IPAM gave it ${ips.join(', ')}.`,
        null,
        'satisfied',
        'are satisfied',
      )
    : sameForAll(
        `${s.name} is satisfied with no address`,
        'It requests no address family this cluster serves, so it is satisfied with none.',
        null,
        'satisfied-empty',
        'are satisfied with no address',
      );
}

export const explainUnknownService = (key: string): Explanation =>
  sameForAll(
    `There is no Service ${key}`,
    `There is no Service ${key}.`,
    'Check the namespace and name.',
    'unknown',
    'do not exist',
  );
