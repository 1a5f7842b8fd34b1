import { requestedIPs, SERVICE_REASONS } from '../../cilium';
import { explainDormant, explainPending, explainUnrecognised, type Explanation } from '../../explain';
import { formatAddr } from '../../net';
import type { ServiceModel } from '../service-model';
import { alertFrom, serviceAlertId, subjectName, type AlertContext, type AlertRule } from './context';
import { freeFor, genericFacts, requestedSituation } from './facts';

// One alert per pending Service (IPAMRequestSatisfied=False): the facts behind Cilium's reason,
// worded by lib/explain (the words `lbipam plan` and the engine's diagnose give too).

const KNOWN: ReadonlySet<string> = new Set(SERVICE_REASONS.filter((r) => r !== 'satisfied'));

export function pendingExplanation(ctx: AlertContext, s: ServiceModel): Explanation {
  const subject = { name: subjectName(s), gateway: s.columns.gateway !== null };
  // The last pool was deleted: Cilium wrote no_pool, then went dormant (C.1).
  if (ctx.pools.length === 0) return explainDormant(subject);
  if (!s.view.reason || !KNOWN.has(s.view.reason)) {
    const d = ctx.diagnose?.(s.ref.namespace ?? 'default', s.ref.name);
    const engine = d?.state === 'pending' ? { title: d.title, detail: d.cause, fix: d.fix } : undefined;
    return explainUnrecognised(subject, s.view.reason, s.view.message, engine);
  }
  const missing = requestedIPs(s.svc).ips.filter((a) => !s.view.ips.includes(formatAddr(a)));
  return explainPending({
    subject,
    message: s.view.message,
    requested: missing.map((ip) => ({ ip, situation: requestedSituation(ctx, s, ip) })),
    generic: missing.length === 0 ? genericFacts(ctx, s) : undefined,
    free: freeFor(ctx, s),
  });
}

export const pendingAlerts: AlertRule = (ctx) =>
  ctx.services
    .filter((s) => s.view.satisfied === false)
    .map((s) => ({
      id: serviceAlertId('pending', s),
      severity: 'error',
      subject: s.ref,
      ...alertFrom(pendingExplanation(ctx, s)),
    }));
