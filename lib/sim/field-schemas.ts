// Which fields each kind declares, so `fieldValidation=Strict` (what kubectl sends) rejects a
// typo such as `spec.prots` or Cilium's removed `spec.cidrs` as a real API server does. Shapes,
// not full schemas: types and formats are the validators' business, this only knows names.

/** 'leaf' = a scalar or a value we do not descend into; 'map' = free-form keys; [shape] = a list. */
export type Shape = 'leaf' | 'map' | { readonly [field: string]: Shape } | readonly [Shape];

const labelSelector: Shape = { matchLabels: 'map', matchExpressions: [{ key: 'leaf', operator: 'leaf', values: 'leaf' }] };

export const META_SHAPE: Shape = {
  name: 'leaf', generateName: 'leaf', namespace: 'leaf', uid: 'leaf', resourceVersion: 'leaf', generation: 'leaf',
  creationTimestamp: 'leaf', deletionTimestamp: 'leaf', deletionGracePeriodSeconds: 'leaf', labels: 'map',
  annotations: 'map', ownerReferences: 'leaf', finalizers: 'leaf', managedFields: 'leaf', selfLink: 'leaf',
};

export const SPEC_SHAPES = {
  service: {
    type: 'leaf', selector: 'map', clusterIP: 'leaf', clusterIPs: 'leaf', externalIPs: 'leaf', externalName: 'leaf',
    sessionAffinity: 'leaf', sessionAffinityConfig: 'map', loadBalancerIP: 'leaf', loadBalancerSourceRanges: 'leaf',
    loadBalancerClass: 'leaf', externalTrafficPolicy: 'leaf', internalTrafficPolicy: 'leaf', healthCheckNodePort: 'leaf',
    publishNotReadyAddresses: 'leaf', ipFamilies: 'leaf', ipFamilyPolicy: 'leaf', allocateLoadBalancerNodePorts: 'leaf',
    trafficDistribution: 'leaf',
    ports: [{ name: 'leaf', protocol: 'leaf', appProtocol: 'leaf', port: 'leaf', targetPort: 'leaf', nodePort: 'leaf' }],
  },
  pool: {
    blocks: [{ cidr: 'leaf', start: 'leaf', stop: 'leaf' }],
    allowFirstLastIPs: 'leaf', serviceSelector: labelSelector, disabled: 'leaf',
  },
  l2Policy: { nodeSelector: labelSelector, serviceSelector: labelSelector, loadBalancerIPs: 'leaf', externalIPs: 'leaf', interfaces: 'leaf' },
  lease: {
    holderIdentity: 'leaf', leaseDurationSeconds: 'leaf', acquireTime: 'leaf', renewTime: 'leaf', leaseTransitions: 'leaf',
    strategy: 'leaf', preferredHolder: 'leaf',
  },
  node: { podCIDR: 'leaf', podCIDRs: 'leaf', providerID: 'leaf', unschedulable: 'leaf', taints: 'leaf', configSource: 'map', externalID: 'leaf' },
  namespace: { finalizers: 'leaf' },
  gateway: {
    gatewayClassName: 'leaf',
    listeners: [{ name: 'leaf', hostname: 'leaf', port: 'leaf', protocol: 'leaf', tls: 'map', allowedRoutes: 'map' }],
    addresses: [{ type: 'leaf', value: 'leaf' }],
    infrastructure: { labels: 'map', annotations: 'map', parametersRef: 'map' },
    backendTLS: 'map',
  },
  gatewayClass: { controllerName: 'leaf', parametersRef: 'map', description: 'leaf' },
} satisfies Record<string, Shape>;

export type SpecShapeName = keyof typeof SPEC_SHAPES;

/** Paths (`spec.ports[0].nme`) of fields the shape does not declare. `$`-directives and nulls (patch syntax) pass. */
export function unknownFields(shape: Shape, value: unknown, path = ''): string[] {
  if (shape === 'leaf' || shape === 'map' || value === null || typeof value !== 'object') return [];
  if (Array.isArray(shape)) {
    return Array.isArray(value) ? value.flatMap((v, i) => unknownFields(shape[0], v, `${path}[${i}]`)) : [];
  }
  if (Array.isArray(value)) return [];
  const fields = shape as Record<string, Shape>;
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.startsWith('$')) continue;
    const p = path ? `${path}.${k}` : k;
    if (!Object.prototype.hasOwnProperty.call(fields, k)) out.push(p);
    else out.push(...unknownFields(fields[k], v, p));
  }
  return out;
}

/** The whole object: top-level fields, metadata, and spec when the kind has a spec shape. */
export function objectShape(spec: SpecShapeName | undefined): Shape {
  return { apiVersion: 'leaf', kind: 'leaf', metadata: META_SHAPE, spec: spec ? SPEC_SHAPES[spec] : 'map', status: 'map' };
}

/** A copy of `value` without undeclared fields: what a real server stores when it does not reject them. */
export function pruneUnknown(shape: Shape, value: unknown): unknown {
  if (shape === 'leaf' || shape === 'map' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((v) => pruneUnknown(shape[0], v)) : value;
  if (Array.isArray(value)) return value;
  const fields = shape as Record<string, Shape>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.startsWith('$')) out[k] = v;
    else if (Object.prototype.hasOwnProperty.call(fields, k)) out[k] = pruneUnknown(fields[k], v);
  }
  return out;
}
