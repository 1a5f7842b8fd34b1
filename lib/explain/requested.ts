// Why a requested address was not given (C.5): the words for each of Cilium's reasons, from the
// situation the caller found in its own state (the engine's ranges, or the inventory's pools and
// holders), never from Cilium's message.
import { formatAddr } from '../net';
import { requestFree, type Piece, type Who } from './piece';
import { fixNamesSubject, sharingFix } from './sharing-fix';
import type { PendingFacts, RequestedFacts, RequestedSituation } from './types';
import { freeText, listText, pickFree } from './words';

type Of<R extends RequestedSituation['reason']> = Extract<RequestedSituation, { reason: R }>;

function noPool(ip: string, s: Of<'no_pool'>, free: string | null): Piece {
  const orFree = free ? `request a free address — ${free}` : 'request an address from another pool';
  if (s.pool?.state === 'disabled') {
    const p = s.pool.name;
    return {
      what: `pool '${p}' with ${ip} is disabled`,
      detail: `${ip} is in pool '${p}', which has spec.disabled: true. Cilium allocates nothing new from a disabled pool and reports no_pool.`,
      fix: `Set spec.disabled: false on pool '${p}', or ${orFree}.`,
    };
  }
  if (s.pool?.state === 'conflicting') {
    const p = s.pool.name;
    return {
      what: `pool '${p}' with ${ip} is conflicting`,
      detail: `${ip} is in pool '${p}', which Cilium disabled because it overlaps another pool (${s.pool.conflictMessage || 'PoolConflict'}).`,
      fix: `Resolve the overlap of pool '${p}', or ${orFree}.`,
    };
  }
  return {
    what: `no pool contains ${ip}`,
    detail: `No CiliumLoadBalancerIPPool has a block containing ${ip}. Cilium never substitutes another address for a requested one, so the Service waits.`,
    fix: `${free ? `Request an address inside a pool — ${free} —` : 'Request an address inside a pool'} or add a block containing ${ip} to a pool.`,
  };
}

function mismatch(ip: string, s: Of<'pool_selector_mismatch'>, who: Who, free: string | null): Piece {
  return {
    what: `pool '${s.pool}' with ${ip} does not select ${who.it}`,
    detail: `${ip} is in pool '${s.pool}', whose serviceSelector (${s.selector}) does not match the labels of ${who.name}.`,
    fix: `Add labels matching ${s.selector} to ${who.name}, widen the serviceSelector of pool '${s.pool}', or request an address from a pool that selects ${who.it}${free ? ` — ${free}` : ''}.`,
  };
}

function allocated(ip: string, s: Of<'already_allocated'>, who: Who, free: string | null): Piece {
  const what = `${ip} is already allocated`;
  if (s.holders.length === 0 && s.reserved) {
    return {
      what,
      detail: `${ip} is the first or last address of a cidr block of pool '${s.pool}', which allowFirstLastIPs: "No" withholds. Cilium treats it as taken.`,
      fix: `${requestFree(free)} or set allowFirstLastIPs: "Yes" on pool '${s.pool}'.`,
    };
  }
  const many = who.it === 'them';
  return {
    what,
    detail: `${ip} is held by ${listText(s.holders.length ? s.holders : ['another Service'])}. Cilium gives a requested address to whichever Service it processed first.`,
    fix: `${requestFree(free)} or give ${many ? `them and ${listText(s.holders)}` : s.holders.length > 1 ? 'all these Services' : 'both Services'} the same lbipam.cilium.io/sharing-key if they should share it.`,
  };
}

function incompatible(
  ip: string,
  s: Of<'already_allocated_incompatible_service'>,
  who: Who,
  free: string | null,
): Piece {
  const held = `${ip} is held by ${listText(s.holders.length ? s.holders.map((h) => h.name) : ['another Service'])}`;
  return {
    what: `${ip} is held by an incompatible Service`,
    detail: `${held}, and Cilium will not let them share it${s.why ? `: ${s.why}` : ''}.`,
    fix: sharingFix(s.why, who, s.requester, s.holders, free),
  };
}

function freeNow(ip: string, who: Who): Piece {
  return {
    what: `${ip} is free now`,
    detail: `Nobody holds ${ip} any more. Cilium retries pending Services after every event, so ${who.it === 'them' ? 'one of them' : who.name} should get it shortly.`,
    fix: null,
  };
}

/** The pool whose free addresses the fix offers, and what the words depend on besides the situation. */
function context(r: RequestedFacts, f: PendingFacts): { free: string | null; key: string } {
  const s = r.situation;
  const prefer = 'pool' in s && typeof s.pool === 'string' ? s.pool : undefined;
  const picked = s.reason === 'free' ? undefined : pickFree(f.free, prefer, r.ip.family);
  const ip = formatAddr(r.ip);
  let key = picked ? `${s.reason}:${ip}:${picked.pool}` : `${s.reason}:${ip}`;
  if (s.reason === 'already_allocated_incompatible_service') {
    key += `:${s.why ?? ''}`;
    if (fixNamesSubject(s.why)) key += `:${f.subject.name}`;
  }
  return { free: freeText(picked), key };
}

export function requestedPiece(r: RequestedFacts, f: PendingFacts, who: Who): Piece {
  const ip = formatAddr(r.ip);
  const { free } = context(r, f);
  const s = r.situation;
  let piece: Piece;
  switch (s.reason) {
    case 'no_pool':
      piece = noPool(ip, s, free);
      break;
    case 'pool_selector_mismatch':
      piece = mismatch(ip, s, who, free);
      break;
    case 'already_allocated':
      piece = allocated(ip, s, who, free);
      break;
    case 'already_allocated_incompatible_service':
      piece = incompatible(ip, s, who, free);
      break;
    case 'free':
      piece = freeNow(ip, who);
      break;
  }
  if (r.ip.zone === undefined) return piece;
  // Go's netip keeps the zone, so Cilium looks for fe80::1%eth0, never fe80::1.
  const plain = formatAddr({ family: r.ip.family, value: r.ip.value });
  return {
    ...piece,
    detail: `${piece.detail} Cilium keeps the IPv6 zone '%${r.ip.zone}' as part of the requested address, so it is not ${plain}.`,
    fix: `Request ${plain} without the zone.`,
  };
}

export const requestedKey = (r: RequestedFacts, f: PendingFacts): string => context(r, f).key;
