import { describeSelector, selectsService } from '../../cilium';
import { poolAllocates } from '../pool-model';
import type { ServiceModel } from '../service-model';
import type { RuleAlert } from './context';
import { incompatibleAlert } from './incompatible';
import {
  freeInPool,
  holderText,
  listText,
  poolContaining,
  poolWithRoomFor,
  serviceAlertId,
  subjectName,
  type AlertContext,
  type AlertRule,
  type PendingAlert,
} from './context';

// One alert per pending Service (IPAMRequestSatisfied=False), by Cilium's reason: why it waits,
// in terms of the objects involved, and what to change.

const quotedIp = (message: string | null): string | null => /'([^']+)'/.exec(message ?? '')?.[1] ?? null;

const requestFree = (free: string | null) =>
  free ? `Request a free address instead — ${free} —` : 'Request an address from a pool with room';

function alreadyAllocated(ctx: AlertContext, s: ServiceModel, ip: string): PendingAlert {
  const name = subjectName(s);
  const holders = (ctx.holders.get(ip) ?? []).filter((h) => h !== s);
  const pool = poolContaining(ctx, ip);
  const free = freeInPool(ctx, pool) ?? freeInPool(ctx, poolWithRoomFor(ctx, s));
  const title = `${name} is pending: ${ip} is already allocated`;
  if (holders.length > 0) {
    return {
      title,
      detail: `${ip} is held by ${listText(holders.map(holderText))}. Cilium gives a requested address to whichever Service it processed first.`,
      fix: `${requestFree(free)} or give ${holders.length > 1 ? 'all these' : 'both'} Services the same lbipam.cilium.io/sharing-key if they should share it.`,
    };
  }
  if (pool && pool.blocks.some((b) => b.reserved.length > 0 && (b.from === ip || b.to === ip))) {
    return {
      title,
      detail: `${ip} is the first or last address of a cidr block of pool '${pool.name}', which allowFirstLastIPs: "No" withholds. Cilium treats it as taken.`,
      fix: `${requestFree(free)} or set allowFirstLastIPs: "Yes" on pool '${pool.name}'.`,
    };
  }
  return {
    title,
    detail: `Nobody holds ${ip} any more. Cilium retries pending Services after every event, so ${name} should get it shortly.`,
    fix: null,
  };
}

function noPoolForIp(ctx: AlertContext, s: ServiceModel, ip: string): PendingAlert {
  const name = subjectName(s);
  const pool = poolContaining(ctx, ip);
  const free = freeInPool(ctx, poolWithRoomFor(ctx, s));
  if (pool && pool.disabled) {
    return {
      title: `${name} is pending: pool '${pool.name}' with ${ip} is disabled`,
      detail: `${ip} is in pool '${pool.name}', which has spec.disabled: true. Cilium allocates nothing new from a disabled pool and reports no_pool.`,
      fix: `Set spec.disabled: false on pool '${pool.name}', or ${free ? `request a free address — ${free}` : 'request an address from another pool'}.`,
    };
  }
  if (pool && pool.conflicting) {
    return {
      title: `${name} is pending: pool '${pool.name}' with ${ip} is conflicting`,
      detail: `${ip} is in pool '${pool.name}', which Cilium disabled because it overlaps another pool (${pool.conflictMessage || 'PoolConflict'}).`,
      fix: `Resolve the overlap of pool '${pool.name}' (see its alert), or ${free ? `request a free address — ${free}` : 'request an address from another pool'}.`,
    };
  }
  return {
    title: `${name} is pending: no pool contains ${ip}`,
    detail: `No CiliumLoadBalancerIPPool has a block containing ${ip}. Cilium never substitutes another address for a requested one, so the Service waits.`,
    fix: `${free ? `Request an address inside a pool — ${free} —` : 'Request an address inside a pool'} or add a block containing ${ip} to a pool.`,
  };
}

function selectorMismatch(ctx: AlertContext, s: ServiceModel, ip: string): PendingAlert {
  const name = subjectName(s);
  const pool = poolContaining(ctx, ip);
  const selector = pool ? describeSelector(pool.view.serviceSelector) : 'its serviceSelector';
  const free = freeInPool(ctx, poolWithRoomFor(ctx, s));
  const poolName = pool ? `pool '${pool.name}'` : 'the pool';
  return {
    title: `${name} is pending: ${poolName} with ${ip} does not select it`,
    detail: `${ip} is in ${poolName}, whose serviceSelector (${selector}) does not match the labels of ${name}.`,
    fix: `Add labels matching ${selector} to ${name}, widen the serviceSelector of ${poolName}, or request an address from a pool that selects it${free ? ` — ${free}` : ''}.`,
  };
}

/** Why no enabled pool matches a generic request, pool by pool. */
function noPoolGeneric(ctx: AlertContext, s: ServiceModel): PendingAlert {
  const name = subjectName(s);
  const title = `${name} is pending: no enabled pool selects it`;
  if (ctx.pools.length === 0) {
    return {
      title,
      detail: 'No CiliumLoadBalancerIPPool exists.',
      fix: 'Create a CiliumLoadBalancerIPPool whose serviceSelector selects it.',
    };
  }
  const reasons = ctx.pools.map((p) => {
    if (!selectsService(p.view.serviceSelector, s.svc))
      return `pool '${p.name}' selects only ${describeSelector(p.view.serviceSelector)}`;
    if (p.disabled) return `pool '${p.name}' is disabled`;
    if (p.conflicting) return `pool '${p.name}' is conflicting`;
    return `pool '${p.name}' has no block of the address family it asks for`;
  });
  const disabled = ctx.pools.find((p) => p.disabled && selectsService(p.view.serviceSelector, s.svc));
  const other = ctx.pools.find((p) => poolAllocates(p) && !selectsService(p.view.serviceSelector, s.svc));
  const fix = disabled
    ? `Set spec.disabled: false on pool '${disabled.name}'.`
    : other
      ? `Add labels matching ${describeSelector(other.view.serviceSelector)} to ${name}, or widen the serviceSelector of pool '${other.name}'.`
      : 'Create or fix a CiliumLoadBalancerIPPool whose serviceSelector selects it.';
  return { title, detail: `${listText(reasons)}.`, fix };
}

function outOfIps(ctx: AlertContext, s: ServiceModel): PendingAlert {
  const name = subjectName(s);
  const full = ctx.pools.filter((p) => poolAllocates(p) && selectsService(p.view.serviceSelector, s.svc));
  const names = listText(full.map((p) => `'${p.name}'`));
  return {
    title: `${name} is pending: its pools are full`,
    detail: `Every enabled pool that selects ${name} (${names || 'none'}) has no free address left.`,
    fix: `Add a block to ${full.length === 1 ? `pool ${names}` : 'one of these pools'}, delete a Service that no longer needs its address, or share an address with lbipam.cilium.io/sharing-key.`,
  };
}

export function pendingAlert(ctx: AlertContext, s: ServiceModel): PendingAlert {
  const ip = quotedIp(s.view.message);
  switch (s.view.reason) {
    case 'already_allocated':
      if (ip) return alreadyAllocated(ctx, s, ip);
      break;
    case 'already_allocated_incompatible_service':
      if (ip) return incompatibleAlert(ctx, s, ip);
      break;
    case 'no_pool':
      return ip ? noPoolForIp(ctx, s, ip) : noPoolGeneric(ctx, s);
    case 'pool_selector_mismatch':
      if (ip) return selectorMismatch(ctx, s, ip);
      break;
    case 'out_of_ips':
      return outOfIps(ctx, s);
  }
  const name = subjectName(s);
  const d = ctx.diagnose?.(s.ref.namespace ?? 'default', s.ref.name);
  const explained = d?.state === 'pending';
  return {
    title: `${name} is pending${s.view.reason ? ` (${s.view.reason})` : ''}`,
    detail:
      [s.view.message, explained ? d.cause : null].filter(Boolean).join(' — ') || 'Cilium did not say why.',
    fix: explained ? d.fix : null,
  };
}

/** Users edit a Gateway, not the Service Envoy Gateway generates from it. */
function gatewayHint(s: ServiceModel, a: PendingAlert): PendingAlert {
  if (!s.columns.gateway || a.fix === null) return a;
  return {
    ...a,
    fix: `${a.fix} For a Gateway, put lbipam.cilium.io/* annotations in its spec.infrastructure.annotations; Envoy Gateway copies them to the Service.`,
  };
}

export const pendingAlerts: AlertRule = (ctx) =>
  ctx.services
    .filter((s) => s.view.satisfied === false)
    .map((s): RuleAlert => ({
      id: serviceAlertId('pending', s),
      severity: 'error',
      subject: s.ref,
      ...gatewayHint(s, pendingAlert(ctx, s)),
    }));
