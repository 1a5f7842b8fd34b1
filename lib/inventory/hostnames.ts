import type { Gateway, HTTPRoute, Service } from '../cilium/objects';
import { owningGatewayRef, type GatewayIndex } from './columns';
import type { HostnameView } from './types';

// The names people know an address by (issue 7, "Names people know"): external-dns hostname
// annotations on the Service or its Gateway, the Gateway's listener hostnames, and the hostnames of
// the HTTPRoutes attached to that Gateway — with the Gateway's Programmed condition, as
// `gwctl get gateway -o wide` shows it.

export const EXTERNAL_DNS_HOSTNAME = 'external-dns.alpha.kubernetes.io/hostname';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Routes by the Gateway (`ns/name`) they attach to; built once per build. */
export type RouteIndex = Map<string, HTTPRoute[]>;

/** A parentRef names a Gateway unless it says another kind or group (the defaults are Gateway's). */
const refersToGateway = (ref: { group?: string; kind?: string }) =>
  (ref.kind ?? 'Gateway') === 'Gateway' && (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP;

export function indexRoutes(routes: readonly HTTPRoute[]): RouteIndex {
  const out: RouteIndex = new Map();
  for (const r of routes) {
    if (typeof r?.metadata?.name !== 'string' || !Array.isArray(r.spec?.parentRefs)) continue;
    const seen = new Set<string>();
    for (const ref of r.spec.parentRefs) {
      if (typeof ref?.name !== 'string' || !refersToGateway(ref)) continue;
      const key = `${ref.namespace ?? r.metadata.namespace ?? 'default'}/${ref.name}`;
      if (seen.has(key)) continue; // one route, two listeners of one Gateway: listed once
      seen.add(key);
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(r);
    }
  }
  return out;
}

/** "a.example.com, b.example.com" → the names, trimmed, without empties. */
export const splitHostnames = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h.length > 0);

/** True / False as the Gateway's Programmed condition says; null when it has none (not reconciled yet). */
export function gatewayProgrammed(gw: Gateway | undefined): boolean | null {
  const c = gw?.status?.conditions?.find((x) => x?.type === 'Programmed');
  if (!c) return null;
  return c.status === 'True';
}

const NO_NAMES: HostnameView[] = Object.freeze([]) as unknown as HostnameView[];

/** Only a Service of a Gateway, or one with an external-dns name, can have hostnames. */
export const mayHaveHostnames = (svc: Service): boolean =>
  owningGatewayRef(svc) !== null || !!svc.metadata.annotations?.[EXTERNAL_DNS_HOSTNAME];

/** Every name pointing at the Service's addresses, each once per source, in source order. */
export function serviceHostnames(svc: Service, gateways: GatewayIndex, routes: RouteIndex): HostnameView[] {
  // Most Services: no Gateway, no external-dns name — one shared empty list, no allocation.
  if (!mayHaveHostnames(svc)) return NO_NAMES;
  const ref = owningGatewayRef(svc);
  const out: HostnameView[] = [];
  const seen = new Set<string>();
  const add = (h: HostnameView) => {
    const key = `${h.source}|${h.name}|${h.route?.namespace ?? ''}/${h.route?.name ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(h);
  };
  const gwKey = ref ? `${ref.namespace}/${ref.name}` : null;
  const gw = gwKey ? gateways.get(gwKey) : undefined;
  const gateway = ref
    ? { namespace: ref.namespace, name: ref.name, programmed: gatewayProgrammed(gw) }
    : undefined;
  const dns = [
    ...splitHostnames(svc.metadata.annotations?.[EXTERNAL_DNS_HOSTNAME]),
    ...splitHostnames(gw?.metadata.annotations?.[EXTERNAL_DNS_HOSTNAME]),
  ];
  for (const name of dns) add({ name, source: 'external-dns', ...(gateway && { gateway }) });
  if (!gateway || !gwKey) return out;
  for (const l of gw?.spec?.listeners ?? []) {
    if (typeof l?.hostname === 'string' && l.hostname)
      add({ name: l.hostname, source: 'gateway-listener', gateway });
  }
  for (const r of routes.get(gwKey) ?? []) {
    for (const name of r.spec.hostnames ?? []) {
      if (typeof name !== 'string' || !name) continue;
      add({
        name,
        source: 'httproute',
        gateway,
        route: { namespace: r.metadata.namespace ?? 'default', name: r.metadata.name },
      });
    }
  }
  return out;
}
