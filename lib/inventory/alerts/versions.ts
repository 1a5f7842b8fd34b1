import { announcedByL2, trafficPolicyOf } from '../../cilium/l2-eligibility';
import { CILIUM_OPERATOR, versionBelow, type CiliumVersion } from '../../cilium/version';
import { plural } from '../view/format';
import type { AlertContext, AlertRule, RuleAlert } from './context';

// Cilium versions with a published bug that reshuffles or loses LoadBalancer addresses (reference
// ../shared/reference/cilium-lbipam.md F.3). Bugs are data: adding one is adding a row.

interface KnownBug {
  id: string;
  /** Does this version have it? */
  affects: (v: CiliumVersion) => boolean;
  /**
   * What of this cluster the bug can break, in words added to the detail ('' when it needs none);
   * null when the cluster uses nothing it breaks (so the warning would not be worth reading).
   */
  affectedHere: (ctx: AlertContext) => string | null;
  title: (v: CiliumVersion) => string;
  detail: string;
  fix: string;
}

/** Sharing keys whose Services hold more than one address between them (the port-overlap case). */
export function multiIpSharingKeys(ctx: AlertContext): string[] {
  const ips = new Map<string, Set<string>>();
  for (const s of ctx.services) {
    const key = s.view.sharingKey;
    if (!key || s.view.ips.length === 0) continue;
    let set = ips.get(key);
    if (!set) ips.set(key, (set = new Set()));
    for (const ip of s.view.ips) set.add(ip);
  }
  return [...ips].filter(([, set]) => set.size > 1).map(([key]) => key);
}

const holdsAddresses = (ctx: AlertContext) => (ctx.services.some((s) => s.view.ips.length > 0) ? '' : null);

function sharingKeysHere(ctx: AlertContext): string | null {
  const keys = multiIpSharingKeys(ctx);
  if (keys.length === 0) return null;
  return ` Affected here: sharing key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}.`;
}

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: 'restart-reallocates',
    affects: (v) => versionBelow(v, '1.18.2'),
    affectedHere: holdsAddresses,
    title: (v) => `Cilium ${v.text} may re-allocate LoadBalancer IPs when the operator restarts`,
    detail:
      'Before 1.18.2 an operator restart (or a slow API server at its start) can hand existing Services new addresses, and widening a block or changing a selector can reassign them (cilium/cilium#41147, #41122, #43131).',
    fix: 'Upgrade Cilium to 1.18.2 or later. Until then pin addresses that must not move with lbipam.cilium.io/ips.',
  },
  {
    id: 'sharing-key-restart',
    affects: (v) => v.major === 1 && v.minor === 19 && !versionBelow(v, '1.19.4'),
    affectedHere: sharingKeysHere,
    title: (v) => `Cilium ${v.text} may move a shared IP when the operator restarts`,
    detail:
      'On 1.19.4 a sharing key whose Services hold several IPs (ports overlapping) can lose its current IP on an operator restart. It is fixed on main by cilium/cilium#46262; no release names the fix yet.',
    fix: 'Avoid restarting cilium-operator, and pin the shared addresses with lbipam.cilium.io/ips so a restart cannot move them.',
  },
];

const operatorRef = { kind: 'Deployment' as const, ...CILIUM_OPERATOR };

export const versionAlerts: AlertRule = (ctx) => {
  const v = ctx.cilium;
  if (v === undefined) return [];
  if (v === null) return unknownVersion(ctx);
  return KNOWN_BUGS.flatMap((b): RuleAlert[] => {
    if (!b.affects(v)) return [];
    const here = b.affectedHere(ctx);
    if (here === null) return [];
    return [
      {
        id: `cilium-version:${b.id}`,
        severity: 'warning',
        title: b.title(v),
        detail: `${b.detail}${here}`,
        fix: b.fix,
        subject: operatorRef,
      },
    ];
  });
};

/** Rules that depend on the version cannot be judged: say so once, when one would apply. */
function unknownVersion(ctx: AlertContext): RuleAlert[] {
  if (!ctx.options.l2Announcements) return [];
  let local = 0;
  for (const s of ctx.services)
    if (s.view.ips.length > 0 && trafficPolicyOf(s.svc) === 'Local' && announcedByL2(s.svc)) local++;
  if (local === 0) return [];
  return [
    {
      id: 'cilium-version:unknown',
      severity: 'info',
      title: 'The Cilium version is unknown',
      detail: `Who may announce the ${plural(local, 'externalTrafficPolicy: Local Service', 'externalTrafficPolicy: Local Services')} depends on it (1.20.2 changed it), and so do the known-bug warnings. The dashboard reads it from the image tag of ${CILIUM_OPERATOR.namespace}/${CILIUM_OPERATOR.name}, which it could not read or which is not a version.`,
      fix: 'Set LBIPAM_CILIUM_VERSION (e.g. 1.20.2) where the dashboard runs, or let it read Deployments in kube-system.',
      subject: operatorRef,
    },
  ];
}
