import { announcedByL2, trafficPolicyOf } from '../../cilium/l2-eligibility';
import { gatesLocalTraffic, LOCAL_GATE_VERSION } from '../../cilium/version';
import { listText } from '../../explain';
import type { L2Facts } from '../l2-facts';
import type { ServiceModel } from '../service-model';
import { serviceAlertId, subjectName, type AlertContext, type AlertRule, type RuleAlert } from './context';

// externalTrafficPolicy: Local under L2 announcements (reference ../shared/reference/cilium-lbipam.md
// F.1). On Cilium ≥ 1.20.2 only a node with a local endpoint may take the lease, so a Service whose
// endpoints sit on no node its policies select gets no lease — silently (no condition, no Event).
// Below 1.20.2 the lease may sit on a node without a backend, and traffic arriving there is dropped.

/** Why no node may announce it: no endpoint at all, only node-less ones (Cilium's Gateways), or elsewhere. */
type Stranded = 'no-endpoints' | 'nodeless' | 'elsewhere';

function strandedBy(f: L2Facts): Stranded {
  const ep = f.endpoints ?? {};
  const onNodes = Object.keys(ep).filter((n) => n !== '' && ep[n] > 0);
  if (onNodes.length > 0) return 'elsewhere';
  return (ep[''] ?? 0) > 0 ? 'nodeless' : 'no-endpoints';
}

const GATEWAY_ISSUE = 'cilium/cilium#48799';

function unannounced(ctx: AlertContext, s: ServiceModel, f: L2Facts, known: boolean): RuleAlert {
  const name = subjectName(s);
  const ips = listText(s.view.ips);
  const why = strandedBy(f);
  const ep = f.endpoints ?? {};
  const nodesWith = Object.keys(ep)
    .filter((n) => n !== '' && ep[n] > 0)
    .sort();
  const policyNodes = f.policyNodes.length ? listText(f.policyNodes) : 'no Ready node';
  const version = known
    ? `Cilium ${ctx.cilium?.text}`
    : `Cilium ≥ ${LOCAL_GATE_VERSION} (this cluster's version is unknown)`;
  const gate = `On ${version}, only a node with a local endpoint may announce an externalTrafficPolicy: Local Service`;
  const reasons: Record<
    Stranded,
    { detail: string; fix: string; headline: string; shared: string; sharedFix: string }
  > = {
    'no-endpoints': {
      detail: `${gate}; ${name} has no ready endpoint, so no node takes its lease and nobody answers ARP for ${ips}.`,
      fix: `Get its Pods Ready (kubectl -n ${s.view.namespace} get endpointslices -l kubernetes.io/service-name=${s.view.name}), or set externalTrafficPolicy: Cluster.`,
      headline: 'are externalTrafficPolicy: Local with no ready endpoint, so nobody announces them',
      shared: `${gate}; these Services have no ready endpoint, so no node takes their leases and nobody answers ARP for their addresses.`,
      sharedFix: 'Get their Pods Ready, or set externalTrafficPolicy: Cluster.',
    },
    nodeless: {
      detail: `${gate}; the only endpoint of ${name} has no nodeName (Cilium's Gateway API Services have one synthetic backend), so no node takes its lease and nobody answers ARP for ${ips}. Nothing reports it: no condition, no Event (${GATEWAY_ISSUE}).`,
      fix: `Set externalTrafficPolicy: Cluster on the Gateway's Service${s.columns.gateway ? ` (Gateway ${s.columns.gateway})` : ''}.`,
      headline:
        'have only a node-less endpoint (Cilium Gateway API) and externalTrafficPolicy: Local, so nobody announces them',
      shared: `${gate}; their only endpoint has no nodeName (Cilium's Gateway API Services), so no node takes their leases (${GATEWAY_ISSUE}).`,
      sharedFix: "Set externalTrafficPolicy: Cluster on the Gateways' Services.",
    },
    elsewhere: {
      detail: `${gate}; the endpoints of ${name} run on ${listText(nodesWith)}, but its L2 policies (${listText(f.policies.map((p) => `'${p}'`))}) may only use ${policyNodes}. No node takes its lease and nobody answers ARP for ${ips}.`,
      fix: `Schedule a Pod of ${s.view.namespace}/${s.view.name} on ${policyNodes === 'no Ready node' ? 'a node the policy selects' : `one of ${policyNodes}`}, widen the policy's nodeSelector to include ${listText(nodesWith)}, or set externalTrafficPolicy: Cluster.`,
      headline: 'are externalTrafficPolicy: Local with endpoints only on nodes that may not announce them',
      shared: `${gate}; their endpoints run on nodes their L2 policies do not select (or that are not Ready), so no node takes their leases.`,
      sharedFix:
        "Schedule their Pods on nodes the policies select, widen the policies' nodeSelector, or set externalTrafficPolicy: Cluster.",
    },
  };
  const r = reasons[why];
  return {
    id: serviceAlertId('local-unannounced', s),
    cause: `unannounced:${why}`,
    severity: known ? 'error' : 'warning',
    title: `Nobody announces ${name}: externalTrafficPolicy Local without a local endpoint`,
    detail: r.detail,
    fix: r.fix,
    subject: s.ref,
    shared: {
      headline: r.headline,
      detail: r.shared,
      fix: r.sharedFix,
    },
  };
}

function announcedWithoutBackend(ctx: AlertContext, s: ServiceModel, holder: string): RuleAlert {
  const name = subjectName(s);
  const version = ctx.cilium ? `Cilium ${ctx.cilium.text}` : 'This Cilium';
  const fix = `Upgrade to Cilium ${LOCAL_GATE_VERSION} or later (only nodes with a local endpoint then take the lease), run a Pod of the Service on ${holder}, or set externalTrafficPolicy: Cluster.`;
  return {
    id: serviceAlertId('local-no-backend', s),
    cause: `no-backend:${holder}`,
    severity: 'warning',
    title: `${name} is announced from ${holder}, which has no local endpoint`,
    detail: `${version} does not let externalTrafficPolicy: Local decide who announces: ${holder} answers ARP for ${listText(s.view.ips)} but runs no ready endpoint of it, so traffic arriving there is dropped (cilium/cilium#27800).`,
    fix,
    subject: s.ref,
    shared: {
      headline: `are externalTrafficPolicy: Local but announced from ${holder}, which runs none of their endpoints`,
      detail: `${version} lets any selected node take the lease of an externalTrafficPolicy: Local Service; ${holder} holds theirs without a local endpoint, so traffic arriving there is dropped.`,
      fix,
    },
  };
}

export const localTrafficAlerts: AlertRule = (ctx) => {
  if (!ctx.options.l2Announcements || !ctx.l2) return [];
  const known = ctx.cilium !== undefined && ctx.cilium !== null;
  const gated = known && gatesLocalTraffic(ctx.cilium ?? null);
  const out: RuleAlert[] = [];
  // A loop, not flatMap: this runs over every Service of every build, and few are Local.
  for (const s of ctx.services) {
    if (s.view.ips.length === 0 || trafficPolicyOf(s.svc) !== 'Local' || !announcedByL2(s.svc)) continue;
    const f = ctx.l2?.get(s.key);
    // Not selected by any policy: the no-l2-policy rule says so. Endpoints unknown: nothing to claim.
    if (!f || f.policies.length === 0 || f.endpoints === undefined) continue;
    const ep = f.endpoints;
    const local = f.policyNodes.filter((n) => (ep[n] ?? 0) > 0);
    const holder = s.lease.kind === 'held' ? s.lease.holder : null;
    if (gated) {
      if (local.length === 0) out.push(unannounced(ctx, s, f, true));
    } else if (holder !== null && (ep[holder] ?? 0) === 0) {
      out.push(announcedWithoutBackend(ctx, s, holder));
    } else if (!known && holder === null && local.length === 0) {
      // Version unknown and nobody holds it while no eligible node has an endpoint: consistent with the gate.
      out.push(unannounced(ctx, s, f, false));
    }
  }
  return out;
};
