// The Service a declaration becomes in the cluster, and its name: a plain Service as written (in the
// namespace it lands in), else one carrying the claims of the chart, Gateway or operator that makes it.
import { ANNOTATION } from '../cilium/annotations';
import type { Claim, Owner } from './types';

export interface ServiceDecl {
  owner: Owner;
  type: string;
  object: Record<string, unknown> | null;
  claims: Claim[];
}

/** The Service a declaration becomes: a plain Service as written, else one carrying its claims. */
export function serviceObject(s: ServiceDecl): Record<string, unknown> {
  const [namespace, name] = serviceName(s);
  if (s.object) {
    // The namespace it lands in (Flux targetNamespace, kustomize namespace), not only the one written;
    // a metadata that is no mapping is left for the plan's loader to refuse.
    const meta = s.object.metadata;
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return s.object;
    return { ...s.object, metadata: { ...meta, namespace } };
  }
  const addresses = s.claims.flatMap((c) => (c.address ? [c.address] : []));
  const annotations: Record<string, string> = {};
  if (addresses.length) annotations[ANNOTATION.ips] = addresses.join(',');
  const key = s.claims.find((c) => c.sharingKey)?.sharingKey;
  if (key) annotations[ANNOTATION.sharingKey] = key;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, annotations },
    spec: { type: s.type },
  };
}

/** The Service's namespace and name; a controller whose naming we cannot tell gives its own name. */
export function serviceName(s: Pick<ServiceDecl, 'owner'>): [string, string] {
  if (s.owner.service) {
    const i = s.owner.service.indexOf('/');
    return [s.owner.service.slice(0, i), s.owner.service.slice(i + 1)];
  }
  return [s.owner.namespace ?? 'default', s.owner.name];
}
