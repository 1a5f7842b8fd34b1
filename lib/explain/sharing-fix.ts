// already_allocated_incompatible_service: what to change follows from the one rule of Cilium's
// isCompatible that refused (lib/cilium/sharing.ts computes it from both Services).
import { INCOMPATIBLE, type SharingFacts } from '../cilium/sharing';
import type { Who } from './piece';
import type { Holder } from './types';

const portSet = (s: SharingFacts) => s.ports.map((p) => `${p.port}/${p.protocol}`);

/** Whether the fix for this rule names the requesting Service (then it cannot be shared by a group). */
export const fixNamesSubject = (why: string | undefined): boolean =>
  why === INCOMPATIBLE.namespace || why === INCOMPATIBLE.port || why === INCOMPATIBLE.trafficPolicy;

export function sharingFix(
  why: string | undefined,
  who: Who,
  me: SharingFacts,
  holders: Holder[],
  free: string | null,
): string {
  const other = holders[0];
  const otherName = other ? other.name : 'the holder';
  const orFree = free ? `, or request a free address — ${free}` : '';
  switch (why) {
    case INCOMPATIBLE.key:
      // A holder without a key cannot be matched by copying its key: both need one, the same.
      return other?.sharingKey
        ? `Give ${who.name} the same lbipam.cilium.io/sharing-key as ${otherName} ('${other.sharingKey}')${orFree}.`
        : `Give ${who.name} and ${otherName} the same lbipam.cilium.io/sharing-key (${otherName} has none yet)${orFree}.`;
    case INCOMPATIBLE.namespace:
      return `Set lbipam.cilium.io/sharing-cross-namespace to "${other?.namespace ?? '*'}" on ${who.name} and to "${me.namespace}" on ${otherName} (both sides must allow it)${orFree}.`;
    case INCOMPATIBLE.port: {
      const mine = new Set(portSet(me));
      const clash = [...new Set(holders.flatMap(portSet).filter((p) => mine.has(p)))];
      return `Services sharing an address need different ports; ${who.name} and ${otherName} both use ${clash.join(', ') || 'the same port'}. Change one of them${orFree}.`;
    }
    case INCOMPATIBLE.trafficPolicy:
      return `Set the same spec.externalTrafficPolicy on both (${otherName} has ${other?.externalTrafficPolicy || 'Cluster'}, ${who.name} has ${me.externalTrafficPolicy || 'Cluster'})${orFree}.`;
    case INCOMPATIBLE.localPods:
      return `With externalTrafficPolicy: Local, Services sharing an address must select the same pods: use Cluster on both, or give them the same spec.selector${orFree}.`;
    default:
      return free ? `Request a free address instead — ${free}.` : 'Request an address from a pool with room.';
  }
}
