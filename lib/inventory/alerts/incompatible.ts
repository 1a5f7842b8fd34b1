import { ANNOTATION, getAnnotation } from '../../cilium';
import { refText, type ServiceModel } from '../service-model';
import {
  freeInPool,
  holderText,
  listText,
  poolContaining,
  subjectName,
  type AlertContext,
  type PendingAlert,
} from './context';

// already_allocated_incompatible_service: both Services carry a sharing key, but Cilium's
// isCompatible refused; its reason names the one rule that failed, and the fix follows from it.

const sharingKey = (s: ServiceModel) =>
  getAnnotation(s.svc.metadata.annotations, ANNOTATION.sharingKey, ANNOTATION.sharingKeyAlias).value;

const portSet = (s: ServiceModel) => s.view.ports.map((p) => `${p.port}/${p.protocol}`);

function fixFor(reason: string, s: ServiceModel, holders: ServiceModel[], free: string | null): string {
  const name = subjectName(s);
  const other = holders[0];
  const otherName = other ? refText(other.ref) : 'the holder';
  const orFree = free ? `, or request a free address — ${free}` : '';
  if (reason.startsWith('different sharing key')) {
    return `Give ${name} the same lbipam.cilium.io/sharing-key as ${otherName} ('${other ? sharingKey(other) : ''}')${orFree}.`;
  }
  if (reason.startsWith('different and not permitted namespace')) {
    return `Set lbipam.cilium.io/sharing-cross-namespace to "${other?.ref.namespace ?? '*'}" on ${name} and to "${s.ref.namespace}" on ${otherName} (both sides must allow it)${orFree}.`;
  }
  if (reason.startsWith('same port and protocol')) {
    const mine = new Set(portSet(s));
    const clash = [...new Set(holders.flatMap(portSet).filter((p) => mine.has(p)))];
    return `Services sharing an address need different ports; ${name} and ${otherName} both use ${clash.join(', ') || 'the same port'}. Change one of them${orFree}.`;
  }
  if (reason.startsWith('different ExternalTrafficPolicy')) {
    const theirs = other?.svc.spec?.externalTrafficPolicy || 'Cluster';
    const mine = s.svc.spec?.externalTrafficPolicy || 'Cluster';
    return `Set the same spec.externalTrafficPolicy on both (${otherName} has ${theirs}, ${name} has ${mine})${orFree}.`;
  }
  if (reason.includes('ExternalTrafficPolicy local')) {
    return `With externalTrafficPolicy: Local, Services sharing an address must select the same pods: use Cluster on both, or give them the same spec.selector${orFree}.`;
  }
  return free ? `Request a free address instead — ${free}.` : 'Request an address from a pool with room.';
}

export function incompatibleAlert(ctx: AlertContext, s: ServiceModel, ip: string): PendingAlert {
  const name = subjectName(s);
  const reason = /Reason: (.*)$/.exec(s.view.message ?? '')?.[1]?.trim() ?? 'not given';
  const holders = (ctx.holders.get(ip) ?? []).filter((h) => h !== s);
  const free = freeInPool(ctx, poolContaining(ctx, ip));
  const held = holders.length
    ? `${ip} is held by ${listText(holders.map(holderText))}`
    : `${ip} is held by another Service`;
  return {
    title: `${name} is pending: ${ip} is held by an incompatible Service`,
    detail: `${held}, and Cilium will not let them share it: ${reason}.`,
    fix: fixFor(reason, s, holders, free),
  };
}
