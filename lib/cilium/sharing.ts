// Cilium's isCompatible (S1 service_store.go): whether two Services may share one address, and
// the first rule that forbids it, in Cilium's words. The engine allocates by it; explanations
// name the rule from the same function, so neither reads the reason back out of a message.
import type { ServicePortView } from './service';

/** What sharing depends on (a ServiceRequest has it, and so does the engine's view of a Service). */
export interface SharingFacts {
  readonly namespace: string;
  readonly sharingKey: string;
  readonly sharingCrossNamespace: readonly string[];
  readonly ports: readonly ServicePortView[];
  readonly externalTrafficPolicy: string;
  readonly selector: Readonly<Record<string, string>>;
}

/** Cilium's incompatibility reasons (S1), in the order isCompatible checks them. */
export const INCOMPATIBLE = {
  key: 'different sharing key',
  namespace: 'different and not permitted namespace',
  port: 'same port and protocol',
  trafficPolicy: 'different ExternalTrafficPolicy',
  localPods: 'compatible ExternalTrafficPolicy local but selecting different set of pods',
} as const;

const permits = (a: SharingFacts, b: SharingFacts): boolean =>
  a.sharingCrossNamespace.includes(b.namespace) || a.sharingCrossNamespace.includes('*');

/** isCompatible (S1): the first reason two Services cannot share an address, or undefined. */
export function sharingIncompatibility(a: SharingFacts, b: SharingFacts): string | undefined {
  if (a.sharingKey !== b.sharingKey) return INCOMPATIBLE.key;
  if (a.namespace !== b.namespace && (!permits(a, b) || !permits(b, a))) return INCOMPATIBLE.namespace;
  for (const p1 of a.ports) {
    for (const p2 of b.ports)
      if (p1.port === p2.port && p1.protocol === p2.protocol) return INCOMPATIBLE.port;
  }
  if (a.externalTrafficPolicy !== b.externalTrafficPolicy) return INCOMPATIBLE.trafficPolicy;
  if (a.externalTrafficPolicy === 'Local') {
    // S2 splits this into "…has no selector" and "…without sharing-permit-different-pods"; S1 has one reason.
    const ka = Object.keys(a.selector);
    const kb = Object.keys(b.selector);
    const same =
      ka.length === kb.length &&
      ka.every((k) => Object.prototype.hasOwnProperty.call(b.selector, k) && b.selector[k] === a.selector[k]);
    if (ka.length === 0 || kb.length === 0 || !same) return INCOMPATIBLE.localPods;
  }
  return undefined;
}
