import {
  describeSelector,
  isHandledByLbIpam,
  l2PolicySelectsNode,
  l2PolicySelectsService,
  LB_CLASS,
  type L2PolicyView,
} from '../../cilium';
import { freeText, listText, pickFree } from '../../explain';
import { refText, type ServiceModel } from '../service-model';
import type { L2Facts } from '../l2-facts';
import type { AlertContext, RuleAlert } from './context';
import { holderText, serviceAlertId, subjectName, type AlertRule } from './context';
import { freeFor } from './facts';

// Reachability: addresses outside every pool, Services nobody announces, and ARP leases that
// expired or sit on a node that is not Ready. Causes: orphans by who gave the address out, no
// announcement by policy, leases by node.

export const orphanAlerts: AlertRule = (ctx) =>
  ctx.orphans.map((ip): RuleAlert => {
    const holders = ctx.holders.get(ip) ?? [];
    const free = holders[0] ? freeText(pickFree(freeFor(ctx, holders[0]))) : null;
    const held = `${listText(holders.map(holderText))} hold${holders.length === 1 ? 's' : ''} ${ip}`;
    const subject = holders[0]?.ref ?? { kind: 'Service' as const, name: ip };
    const id = `orphan-ip:${ip}`;
    // Another controller's address (a Service LB-IPAM ignores) is that controller's business.
    if (holders.length > 0 && holders.every((h) => !isHandledByLbIpam(h.svc, ctx.options))) {
      const detail =
        'LB-IPAM does not handle the Services holding them, so another controller gave them out.';
      return {
        id,
        cause: 'other-controller',
        severity: 'info',
        title: `${ip} is held outside every pool, from another controller`,
        detail: `${held}, which LB-IPAM does not handle: another controller gave it out, and no CiliumLoadBalancerIPPool contains it.`,
        fix: null,
        subject,
        shared: { headline: 'are held outside every pool, from another controller', detail, fix: null },
      };
    }
    return {
      id,
      cause: 'lb-ipam',
      severity: 'warning',
      title: `${ip} is held outside every pool`,
      detail: `${held}, but no CiliumLoadBalancerIPPool contains it: its pool or block was deleted, or another controller wrote it.`,
      fix: `Add a block containing ${ip} to a pool if the address should stay${free ? `, or request an address from a pool — ${free}` : ''}.`,
      subject,
      shared: {
        headline: 'are held outside every pool',
        detail:
          'Services hold them, but no CiliumLoadBalancerIPPool contains them: their pool or block was deleted, or another controller wrote them.',
        fix: 'Add blocks containing them to a pool if the addresses should stay, or request addresses from a pool.',
      },
    };
  });

/** Announced by the L2 announcer at all: no class, or the L2 class (BGP-class Services are routed, not ARPed). */
const l2Eligible = (s: ServiceModel) => {
  const cls = s.svc.spec?.loadBalancerClass;
  return cls === undefined || cls === null || cls === LB_CLASS.l2;
};

/** A policy without a service selector selects every Service (saves building label sets per Service). */
const selectsAll = (p: L2PolicyView) => {
  const sel = p.serviceSelector;
  return (
    !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
  );
};

export const l2PolicyAlerts: AlertRule = (ctx) => {
  if (!ctx.options.l2Announcements) return [];
  const announced = ctx.services.filter((s) => s.view.ips.length > 0 && l2Eligible(s));
  if (announced.length === 0) return [];
  if (ctx.l2Policies.length === 0) {
    return [
      {
        id: 'no-l2-policies',
        severity: 'warning',
        title: 'No CiliumL2AnnouncementPolicy exists',
        detail: `No node answers ARP for the ${announced.length} LoadBalancer address${announced.length > 1 ? 'es' : ''}, so the LAN cannot reach them (unless BGP announces them).`,
        fix: 'Create a CiliumL2AnnouncementPolicy with loadBalancerIPs: true and a nodeSelector for the nodes that should answer.',
        subject: { kind: 'CiliumL2AnnouncementPolicy', name: '' },
      },
    ];
  }
  const out: RuleAlert[] = [];
  // A loop with a memo, not flatMap: this runs over every announced Service of every build, and at
  // 10,000 Services with no policy selecting most of them the words alone cost tens of ms a build.
  for (const s of announced) {
    const facts = ctx.l2?.get(s.key);
    // A policy that announces LoadBalancer IPs selects it (l2-facts ran the selectors already).
    if (facts && facts.policies.length > 0) continue;
    let raised = facts ? noPolicyMemo.get(facts) : undefined;
    if (!raised) {
      raised = noPolicyAlerts(ctx, s);
      // The same facts object means the same Service model and the same policies and nodes.
      if (facts) noPolicyMemo.set(facts, raised);
    }
    for (const a of raised) out.push(a);
  }
  return out;
};

const noPolicyMemo = new WeakMap<L2Facts, RuleAlert[]>();

function noPolicyAlerts(ctx: AlertContext, s: ServiceModel): RuleAlert[] {
  const selecting = ctx.l2Policies.filter((p) => selectsAll(p) || l2PolicySelectsService(p, s.svc));
  if (selecting.some((p) => p.loadBalancerIPs)) return [];
  const name = subjectName(s);
  const off = selecting[0];
  const widen = `Widen the serviceSelector of a policy (e.g. '${ctx.l2Policies[0].name}') or add a policy with loadBalancerIPs: true that selects`;
  const base = { id: serviceAlertId('no-l2-policy', s), severity: 'warning' as const, subject: s.ref };
  if (off) {
    const fix = `Set loadBalancerIPs: true on policy '${off.name}'.`;
    return [
      {
        ...base,
        cause: `lb-ips-off:${off.name}`,
        title: `Nobody answers ARP for ${name}`,
        detail: `Policy '${off.name}' selects ${name} but has loadBalancerIPs: false, so no node announces ${listText(s.view.ips)}.`,
        fix,
        shared: {
          headline: `are selected only by policy '${off.name}', which does not announce LoadBalancer IPs`,
          detail: `Policy '${off.name}' selects them but has loadBalancerIPs: false, so no node announces their addresses.`,
          fix,
        },
      },
    ];
  }
  return [
    {
      ...base,
      cause: 'no-policy',
      title: `Nobody answers ARP for ${name}`,
      detail: `No CiliumL2AnnouncementPolicy selects ${name}, so no node announces ${listText(s.view.ips)} and the LAN cannot reach it.`,
      fix: `${widen} it.`,
      shared: {
        headline: 'are announced by no L2 policy',
        detail:
          'No CiliumL2AnnouncementPolicy selects them, so no node answers ARP for their addresses and the LAN cannot reach them.',
        fix: `${widen} them.`,
      },
    },
  ];
}

/**
 * A policy whose nodeSelector matches no Ready node: the Services it selects are announced by
 * nobody (unless another policy selects them too). No node at all, and only NotReady ones, read
 * differently: the fix differs.
 */
export const l2PolicyNodeAlerts: AlertRule = (ctx) => {
  if (!ctx.options.l2Announcements || ctx.nodes.length === 0) return [];
  return ctx.l2Policies.flatMap((p): RuleAlert[] => {
    if (!p.loadBalancerIPs || p.errors.length > 0) return [];
    const selected = ctx.nodes.filter((n) => l2PolicySelectsNode(p, n));
    const notReady = selected.filter(
      (n) => ctx.notReady.has(n.metadata.name) || n.metadata.deletionTimestamp,
    );
    if (selected.length > 0 && notReady.length < selected.length) return [];
    const affected = ctx.services.filter(
      (s) => s.view.ips.length > 0 && l2Eligible(s) && (selectsAll(p) || l2PolicySelectsService(p, s.svc)),
    );
    if (affected.length === 0) return [];
    const sel = describeSelector(p.nodeSelector);
    const who = `${listText(affected.slice(0, 5).map((s) => refText(s.ref)))}${affected.length > 5 ? ` and ${affected.length - 5} more` : ''}`;
    if (selected.length === 0) {
      return [
        {
          id: `l2-policy-no-nodes:${p.name}`,
          severity: 'warning',
          title: `Policy '${p.name}' selects no node`,
          detail: `No node matches ${sel}, so nobody announces the addresses of ${who}.`,
          fix: `Change the nodeSelector of policy '${p.name}' to match the nodes that should answer ARP, or label those nodes.`,
          subject: { kind: 'CiliumL2AnnouncementPolicy', name: p.name },
        },
      ];
    }
    const names = listText(selected.map((n) => n.metadata.name));
    return [
      {
        id: `l2-policy-no-nodes:${p.name}`,
        severity: 'warning',
        title: `Policy '${p.name}' selects only nodes that are not Ready`,
        detail: `${names} ${selected.length === 1 ? 'is' : 'are'} the only node${selected.length === 1 ? '' : 's'} matching ${sel}, and not Ready: unless another policy selects them, nobody announces the addresses of ${who}.`,
        fix: `Bring ${names} back, or widen the nodeSelector of policy '${p.name}' to Ready nodes.`,
        subject: { kind: 'CiliumL2AnnouncementPolicy', name: p.name },
      },
    ];
  });
};

export const leaseAlerts: AlertRule = (ctx) =>
  ctx.services.flatMap((s): RuleAlert[] => {
    if (s.view.ips.length === 0) return [];
    const st = s.lease;
    // Most leases are held by a Ready node: decide that before building any words.
    if (st.kind !== 'expired' && !(st.kind === 'held' && ctx.notReady.has(st.holder))) return [];
    const name = subjectName(s);
    const leaseText = `${st.lease.metadata.namespace ?? 'kube-system'}/${st.lease.metadata.name}`;
    if (st.kind === 'expired') {
      const fix = `Check the Cilium agents on the nodes the L2 policy selects (kubectl -n kube-system get pods -l k8s-app=cilium -o wide), starting with ${st.holder}.`;
      return [
        {
          id: serviceAlertId('lease-expired', s),
          cause: `expired:${st.holder}`,
          severity: 'warning',
          title: `ARP lease for ${name} expired`,
          detail: `Lease ${leaseText} was last held by ${st.holder} and expired at ${st.expiredAt}; no node is answering ARP for ${listText(s.view.ips)} until another takes over.`,
          fix,
          subject: { kind: 'Lease', namespace: st.lease.metadata.namespace, name: st.lease.metadata.name },
          shared: {
            headline: `have an expired ARP lease, last held by ${st.holder}`,
            detail: `Their leases were last held by ${st.holder} and expired; no node is answering ARP for their addresses until another takes over.`,
            fix,
          },
        },
      ];
    }
    if (st.kind === 'held' && ctx.notReady.has(st.holder)) {
      const bring = `Bring ${st.holder} back, or drain it so another node's Cilium agent takes`;
      const why = ctx.notReady.get(st.holder);
      return [
        {
          id: serviceAlertId('lease-not-ready', s),
          cause: `not-ready:${st.holder}`,
          severity: 'warning',
          title: `${name} is announced by NotReady node ${st.holder}`,
          detail: `${st.holder} holds lease ${leaseText} but is not Ready (${why}); ARP for ${listText(s.view.ips)} may go unanswered until the lease expires and another node takes over.`,
          fix: `${bring} the lease.`,
          // The Service, not the node: a group of these (one node) lists which Services it strands.
          subject: s.ref,
          shared: {
            headline: `are announced by NotReady node ${st.holder}`,
            detail: `${st.holder} holds their leases but is not Ready (${why}); ARP for their addresses may go unanswered until the leases expire and another node takes over.`,
            fix: `${bring} their leases.`,
          },
        },
      ];
    }
    return [];
  });
