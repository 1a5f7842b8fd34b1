import type { Gateway, Service } from '../cilium/objects';
import { portNotes } from './port-notes';

// The Service / Namespace / Type / Notes columns of the allocation table. The demo cluster is
// annotated for exactly these rules, so the dashboard reproduces the user's hand-written table.

export const DISPLAY_NAME_ANNOTATION = 'dashboard.lbipam.io/display-name';
export const TYPE_ANNOTATION = 'dashboard.lbipam.io/type';
export const NOTES_ANNOTATION = 'dashboard.lbipam.io/notes';
export const OWNING_GATEWAY_NAME_LABEL = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE_LABEL = 'gateway.envoyproxy.io/owning-gateway-namespace';
/** Cilium's own Gateway API Services (cilium-gateway-<name>) carry this label, in the Gateway's namespace. */
export const CILIUM_OWNING_GATEWAY_LABEL = 'io.cilium.gateway/owning-gateway';

export interface ServiceColumns {
  service: string;
  namespace: string;
  type: string | null;
  notes: string | null;
  /** `<ns>/<name>` of the owning Gateway, for Services Envoy Gateway generated. */
  gateway: string | null;
}

/** The Gateway a Service was generated for, by Envoy Gateway's owning-gateway labels or Cilium's. */
export function owningGatewayRef(svc: Service): { namespace: string; name: string } | null {
  const labels = svc.metadata.labels ?? {};
  const cilium = labels[CILIUM_OWNING_GATEWAY_LABEL];
  if (cilium) return { name: cilium, namespace: svc.metadata.namespace ?? 'default' };
  const name = labels[OWNING_GATEWAY_NAME_LABEL];
  if (!name) return null;
  return { name, namespace: labels[OWNING_GATEWAY_NAMESPACE_LABEL] ?? svc.metadata.namespace ?? 'default' };
}

export type GatewayIndex = Map<string, Gateway>;

export function indexGateways(gateways: Gateway[]): GatewayIndex {
  return new Map(gateways.map((g) => [`${g.metadata.namespace ?? 'default'}/${g.metadata.name}`, g]));
}

/** First non-empty value of an annotation on the Service, then the Gateway's infrastructure, then the Gateway. */
function annotation(key: string, svc: Service, gw: Gateway | undefined): string | null {
  const sources = [svc.metadata.annotations, gw?.spec?.infrastructure?.annotations, gw?.metadata.annotations];
  for (const s of sources) {
    const v = s?.[key]?.trim();
    if (v) return v;
  }
  return null;
}

export function serviceColumns(svc: Service, gateways: GatewayIndex): ServiceColumns {
  const ref = owningGatewayRef(svc);
  const gw = ref ? gateways.get(`${ref.namespace}/${ref.name}`) : undefined;
  return {
    service: annotation(DISPLAY_NAME_ANNOTATION, svc, gw) ?? ref?.name ?? svc.metadata.name,
    namespace: ref?.namespace ?? svc.metadata.namespace ?? 'default',
    type: annotation(TYPE_ANNOTATION, svc, gw) ?? (ref ? 'Gateway' : null),
    notes: annotation(NOTES_ANNOTATION, svc, gw) ?? portNotes(svc.spec?.ports),
    gateway: ref ? `${ref.namespace}/${ref.name}` : null,
  };
}

export { joinColumn } from './view/rows';
