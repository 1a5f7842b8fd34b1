// Why a generic request (no requested address) got nothing (C.6): no_pool names each pool and
// why it does not serve the Service; out_of_ips names the full pools.
import { type Piece, type Who } from './piece';
import type { GenericFacts, PoolNote } from './types';
import { compareNames, digest, listText } from './words';

function noteText(n: PoolNote): string {
  switch (n.why) {
    case 'selector':
      return `pool '${n.pool}' selects only ${n.selector}`;
    case 'disabled':
      return `pool '${n.pool}' is disabled`;
    case 'conflicting':
      return `pool '${n.pool}' is conflicting`;
    case 'family':
      return `pool '${n.pool}' has no block of the address family it asks for`;
  }
}

function noPool(pools: PoolNote[], who: Who): Piece {
  const what = `no enabled pool selects ${who.it}`;
  if (pools.length === 0) {
    return {
      what,
      detail: 'No CiliumLoadBalancerIPPool exists.',
      fix: `Create a CiliumLoadBalancerIPPool whose serviceSelector selects ${who.it}.`,
    };
  }
  const disabled = pools.find((n) => n.why === 'disabled');
  const other = pools.find((n) => n.why === 'selector' && n.allocates);
  const fix = disabled
    ? `Set spec.disabled: false on pool '${disabled.pool}'.`
    : other?.why === 'selector'
      ? `Add labels matching ${other.selector} to ${who.name}, or widen the serviceSelector of pool '${other.pool}'.`
      : `Create or fix a CiliumLoadBalancerIPPool whose serviceSelector selects ${who.it}.`;
  return { what, detail: `${listText(pools.map(noteText))}.`, fix };
}

function outOfIps(pools: string[], who: Who): Piece {
  const names = listText(pools.map((p) => `'${p}'`));
  return {
    what: `${who.its} pools are full`,
    detail: `Every enabled pool that selects ${who.name} (${names || 'none'}) has no free address left.`,
    fix: `Add a block to ${pools.length === 1 ? `pool ${names}` : 'one of these pools'}, delete a Service that no longer needs its address, or share an address with lbipam.cilium.io/sharing-key.`,
  };
}

/** Pools in name order, so the engine (Cilium's order) and the inventory (name order) agree. */
export function sortedGeneric(g: GenericFacts): GenericFacts {
  return g.reason === 'no_pool'
    ? { reason: 'no_pool', pools: [...g.pools].sort((a, b) => compareNames(a.pool, b.pool)) }
    : { reason: 'out_of_ips', pools: [...g.pools].sort(compareNames) };
}

export const genericPiece = (g: GenericFacts, who: Who): Piece =>
  g.reason === 'no_pool' ? noPool(g.pools, who) : outOfIps(g.pools, who);

export function genericKey(g: GenericFacts): string {
  const facts =
    g.reason === 'no_pool'
      ? g.pools.map((n) => `${n.pool}=${n.why === 'selector' ? `${n.selector}/${n.allocates}` : n.why}`)
      : g.pools;
  const text = facts.join(',');
  return `${g.reason}:${text.length > 64 ? digest(text) : text}`;
}
