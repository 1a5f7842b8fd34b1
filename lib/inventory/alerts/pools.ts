import { selectsService } from '../../cilium';
import { listText, runsText } from '../../explain';
import { formatRange, parseAddr, rangeContains, rangesOverlap, type IpRange } from '../../net';
import type { PoolModel } from '../pool-model';
import { NEARLY_FULL, usedFraction } from '../view/format';
import { refText, type ServiceModel } from '../service-model';
import type { ObjectRef } from '../types';
import type { RuleAlert } from './context';
import type { AlertContext, AlertRule } from './context';

// Pool health: overlaps Cilium marked, disabled pools that Services wait on, pools running out,
// and blocks Cilium cannot parse.

const poolRef = (name: string): ObjectRef => ({ kind: 'CiliumLoadBalancerIPPool', name });

/** The overlap that makes a pool conflict, found from the blocks (Cilium's message is only shown). */
function overlapOf(ctx: AlertContext, p: PoolModel): { mine: IpRange; theirs: IpRange; pool: string } | null {
  for (const [i, a] of p.blocks.entries()) {
    const inner = p.blocks.find((b, j) => j !== i && rangesOverlap(a.range, b.range));
    if (inner) return { mine: a.range, theirs: inner.range, pool: p.name };
  }
  for (const a of p.blocks) {
    for (const other of ctx.pools) {
      if (other === p) continue;
      const b = other.blocks.find((x) => rangesOverlap(a.range, x.range));
      if (b) return { mine: a.range, theirs: b.range, pool: other.name };
    }
  }
  return null;
}

function conflictFix(ctx: AlertContext, p: PoolModel): string {
  const o = overlapOf(ctx, p);
  if (!o) return `Edit pool '${p.name}' so none of its blocks overlap another pool's blocks.`;
  if (o.pool === p.name)
    return `Edit pool '${p.name}' so its blocks ${formatRange(o.mine)} and ${formatRange(o.theirs)} no longer overlap each other.`;
  return `Edit pool '${p.name}' (the newer pool, which Cilium disabled) so its range ${formatRange(o.mine)} no longer overlaps ${formatRange(o.theirs)} of pool '${o.pool}', or delete one of the two pools.`;
}

export const conflictAlerts: AlertRule = (ctx) =>
  ctx.pools
    .filter((p) => p.conflicting)
    .map((p): RuleAlert => ({
      id: `pool-conflict:${p.name}`,
      severity: 'error',
      title: `Pool '${p.name}' is conflicting and allocates nothing`,
      detail: `${p.conflictMessage || 'Cilium marked it PoolConflict=True.'} Cilium disables the whole newer pool; addresses it already gave out stay, new Services get none from it.`,
      fix: conflictFix(ctx, p),
      subject: poolRef(p.name),
    }));

/** Pending Services a disabled pool would serve: their requested address is in it, or (generic) it selects them. */
function waitingOn(ctx: AlertContext, poolName: string): ServiceModel[] {
  const pool = ctx.pools.find((p) => p.name === poolName);
  if (!pool) return [];
  return ctx.services.filter((s) => {
    if (s.view.satisfied !== false) return false;
    if (s.view.requestedIps.length > 0) {
      return s.view.requestedIps.some((ip) => {
        const a = parseAddr(ip);
        return a !== null && !s.view.ips.includes(ip) && pool.blocks.some((b) => rangeContains(b.range, a));
      });
    }
    return s.view.reason === 'no_pool' && selectsService(pool.view.serviceSelector, s.svc);
  });
}

export const disabledPoolAlerts: AlertRule = (ctx) =>
  ctx.pools
    .filter((p) => p.disabled)
    .flatMap((p): RuleAlert[] => {
      const waiting = waitingOn(ctx, p.name);
      if (waiting.length === 0) return [];
      const n = waiting.length;
      return [
        {
          id: `pool-disabled:${p.name}`,
          severity: 'warning',
          title: `Pool '${p.name}' is disabled while ${n} Service${n > 1 ? 's wait' : ' waits'} for it`,
          detail: `${listText(waiting.slice(0, 5).map((s) => refText(s.ref)))}${waiting.length > 5 ? ` and ${(waiting.length - 5).toLocaleString('en-US')} more` : ''} could get an address from pool '${p.name}', but it has spec.disabled: true.`,
          fix: `Set spec.disabled: false on pool '${p.name}' if these Services should get addresses from it.`,
          subject: poolRef(p.name),
        },
      ];
    });

export const fullPoolAlerts: AlertRule = (ctx) =>
  ctx.pools.flatMap((p): RuleAlert[] => {
    const v = ctx.poolViews.get(p.name);
    if (!v || v.total === '0' || p.disabled) return [];
    const fraction = usedFraction(v);
    if (fraction < NEARLY_FULL) return [];
    const full = v.available === '0';
    const runs = ctx.stats.get(p.name)?.freeRuns ?? [];
    return [
      {
        id: `pool-full:${p.name}`,
        severity: 'warning',
        title: full
          ? `Pool '${p.name}' is full (${v.used} of ${v.total} used)`
          : `Pool '${p.name}' is ${Math.floor(fraction * 100)}% used (${v.used} of ${v.total})`,
        detail: full
          ? 'New Services that this pool selects will stay pending with out_of_ips.'
          : `Only ${v.available} address${v.available === '1' ? '' : 'es'} left${runs.length ? `: ${runsText(runs)}` : ''}.`,
        fix: `Add a block to pool '${p.name}', or delete Services that no longer need their address.`,
        subject: poolRef(p.name),
      },
    ];
  });

export const invalidBlockAlerts: AlertRule = (ctx) =>
  ctx.pools.flatMap((p) =>
    p.invalidBlocks.map((b): RuleAlert => ({
      id: `pool-invalid-block:${p.name}:${b.index}`,
      severity: 'error',
      title: `Pool '${p.name}' has a block Cilium cannot use`,
      detail: `spec.blocks[${b.index}]: ${b.error}. Cilium only logs this and retries; no status condition shows it.`,
      fix: `Fix spec.blocks[${b.index}].${b.field} of pool '${p.name}'.`,
      subject: poolRef(p.name),
    })),
  );
