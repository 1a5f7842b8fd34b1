import { listText } from '../../explain';
import type { ObjectRef } from '../types';
import type { AlertRule, RuleAlert } from './context';

// L2 policies Cilium cannot use as written, and what the dashboard cannot check about them.

const policyRef = (name: string): ObjectRef => ({ kind: 'CiliumL2AnnouncementPolicy', name });

const FIELD: Record<string, string> = {
  'io.cilium/bad-node-selector': 'spec.nodeSelector',
  'io.cilium/bad-service-selector': 'spec.serviceSelector',
  'io.cilium/bad-interface-regex': 'spec.interfaces',
};

/** A selector or interface regex that does not parse: the agents skip the whole policy. */
export const l2PolicyInvalidAlerts: AlertRule = (ctx) =>
  ctx.l2Policies.flatMap((p): RuleAlert[] =>
    p.errors.length === 0
      ? []
      : [
          {
            id: `l2-policy-invalid:${p.name}`,
            severity: 'error',
            title: `Policy '${p.name}' is invalid and announces nothing`,
            detail: `${p.errors.map((e) => `${FIELD[e.type] ?? e.type}: ${e.message}`).join('; ')}. The agents skip a policy they cannot parse and record it in its status conditions.`,
            fix: `Fix ${listText([...new Set(p.errors.map((e) => FIELD[e.type] ?? e.type))])} of policy '${p.name}'.`,
            subject: policyRef(p.name),
          },
        ],
  );

/**
 * spec.interfaces are regexps over each node's network devices, which the Kubernetes API does not
 * show: whether any matches can only be seen on the node. Said once per policy that sets them, as
 * info, with the command that tells.
 */
export const l2InterfaceAlerts: AlertRule = (ctx) =>
  ctx.l2Policies.flatMap((p): RuleAlert[] =>
    p.interfaces.length === 0 || p.errors.length > 0 || !p.loadBalancerIPs
      ? []
      : [
          {
            id: `l2-policy-interfaces:${p.name}`,
            severity: 'info',
            title: `Policy '${p.name}' announces only on interfaces matching ${listText(p.interfaces.map((i) => `/${i}/`))}`,
            detail:
              'The dashboard cannot see nodes’ network devices through the Kubernetes API, so it cannot check that these patterns match one. When none matches on a node, that node holds leases but answers no ARP.',
            fix: 'On a selected node run kubectl -n kube-system exec ds/cilium -- cilium-dbg statedb devices, and check that a device listed there matches.',
            subject: policyRef(p.name),
          },
        ],
  );
