// Why a generic request (no requested address) got nothing (C.6): no_pool names each pool and
// why it does not serve the Service; out_of_ips names the full pools.
import { type Piece, type Who } from './piece';
import type { GenericFacts, PoolNote } from './types';
import { boundedList, compareNames, digest, listText, MAX_NAMED } from './words';

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

/**
 * Every pool and why it does not serve the Service; on a cluster with many pools, the ones that
 * select it (disabled, conflicting, wrong family) by name and the others counted, one example given.
 */
function poolNotesText(pools: PoolNote[]): string {
  if (pools.length <= MAX_NAMED) return listText(pools.map(noteText));
  const selecting = pools.filter((n) => n.why !== 'selector');
  const others = pools.filter((n) => n.why === 'selector');
  const parts: string[] = [];
  if (selecting.length > 0)
    parts.push(
      boundedList(
        selecting.map(noteText),
        (n) => `more pool${n > 1 ? 's' : ''} that select it but cannot allocate`,
      ),
    );
  if (others.length > 0) {
    const n = others.length;
    parts.push(
      `${n.toLocaleString('en-US')} ${selecting.length > 0 ? 'other ' : ''}pool${n > 1 ? 's select' : ' selects'} only other Services (e.g. ${noteText(others[0])})`,
    );
  }
  return parts.join('; ');
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
  return { what, detail: `${poolNotesText(pools)}.`, fix };
}

function outOfIps(pools: string[], who: Who): Piece {
  const names = boundedList(
    pools.map((p) => `'${p}'`),
    (n) => `more pool${n > 1 ? 's' : ''}`,
  );
  return {
    what: `${who.its} pools are full`,
    detail: `Every enabled pool that selects ${who.name} (${names || 'none'}) has no free address left.`,
    fix: `Add a block to ${pools.length === 1 ? `pool ${names}` : 'one of these pools'}, delete a Service that no longer needs its address, or share an address with lbipam.cilium.io/sharing-key.`,
  };
}

/** Pools in name order, so the engine (Cilium's order) and the inventory (name order) agree. */
export function sortedGeneric(g: GenericFacts): GenericFacts {
  // The inventory lists pools in name order already: checking is linear, sorting a thousand pools
  // for each of a thousand pending Services is not.
  if (g.reason === 'no_pool') {
    if (g.inNameOrder) return g;
    const byName = (a: PoolNote, b: PoolNote) => compareNames(a.pool, b.pool);
    return isSorted(g.pools, byName) ? g : { reason: 'no_pool', pools: [...g.pools].sort(byName) };
  }
  return isSorted(g.pools, compareNames)
    ? g
    : { reason: 'out_of_ips', pools: [...g.pools].sort(compareNames) };
}

function isSorted<T>(items: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (cmp(items[i - 1], items[i]) > 0) return false;
  return true;
}

export const genericPiece = (g: GenericFacts, who: Who): Piece =>
  g.reason === 'no_pool' ? noPool(g.pools, who) : outOfIps(g.pools, who);

/** The cause of a generic request's group: the words themselves (bounded, whatever the pool count). */
export function genericKey(g: GenericFacts): string {
  const who: Who = { name: '', it: '', its: '' };
  const piece = genericPiece(g, who);
  const text = `${piece.detail}|${piece.fix ?? ''}`;
  return `${g.reason}:${text.length > 64 ? digest(text) : text}`;
}
