import { plural } from '../view/format';
import type { ObjectRef } from '../types';
import type { AlertRule, RuleAlert } from './context';

// What a pool's counts say beyond fullness (./pools.ts): Cilium counting owners nobody can see
// (phantom exhaustion, reference ../shared/reference/cilium-lbipam.md F.5), and a disabled pool
// whose Services keep the addresses it gave them.

const poolRef = (name: string): ObjectRef => ({ kind: 'CiliumLoadBalancerIPPool', name });

export const phantomUseAlerts: AlertRule = (ctx) =>
  ctx.pools.flatMap((p): RuleAlert[] => {
    const v = ctx.poolViews.get(p.name);
    if (!v?.reported) return [];
    const reported = BigInt(v.reported.used);
    const seen = BigInt(v.used);
    if (reported <= seen) return [];
    const ghosts = reported - seen;
    const full = v.reported.available === '0';
    return [
      {
        id: `pool-phantom:${p.name}`,
        severity: full ? 'error' : 'warning',
        title: `Pool '${p.name}': Cilium counts ${plural(ghosts, 'more used address', 'more used addresses')} than any Service holds`,
        detail: `Its status says ${v.reported.used} used, but the Services the dashboard can read hold ${plural(seen, 'address', 'addresses')} from it.${full ? ' Cilium reports it full, so new Services stay pending with out_of_ips although addresses are free.' : ''} Cilium has leaked allocations like this before (cilium/cilium#30078).`,
        fix: `First check that the dashboard can read Services in every namespace. If it can, restart cilium-operator (kubectl -n kube-system rollout restart deployment/cilium-operator) so it recounts from the Services' statuses — on Cilium before 1.18.2 a restart can re-allocate addresses.`,
        subject: poolRef(p.name),
      },
    ];
  });

export const disabledHoldingAlerts: AlertRule = (ctx) =>
  ctx.pools.flatMap((p): RuleAlert[] => {
    const v = ctx.poolViews.get(p.name);
    if (!p.disabled || !v || v.used === '0') return [];
    return [
      {
        id: `pool-disabled-holding:${p.name}`,
        severity: 'info',
        title: `Pool '${p.name}' is disabled but ${v.used} of its addresses are still held`,
        detail: `Cilium keeps the addresses a disabled pool already gave out; it only stops handing out new ones. Deleting the pool would take them away from their Services.`,
        fix: `Move those Services to another pool (request an address there with lbipam.cilium.io/ips) before deleting '${p.name}', or set spec.disabled: false if it should allocate again.`,
        subject: poolRef(p.name),
      },
    ];
  });
