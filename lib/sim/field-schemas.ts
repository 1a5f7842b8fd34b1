// Which fields each kind declares, so `fieldValidation=Strict` (what kubectl sends) rejects a
// typo such as `spec.prots` or Cilium's removed `spec.cidrs` as a real API server does. Shapes,
// not full schemas: types and formats are the validators' business, this only knows names.

/**
 * A leaf (a scalar or a value we do not descend into, typed for `kubectl explain`: 'leaf' is
 * untyped), 'map' = free-form keys, [shape] = a list, or an object's declared fields.
 */
export type Leaf =
  | 'leaf'
  | 'string'
  | 'integer'
  | 'boolean'
  | 'int-or-string'
  | 'strings'
  | 'objects'
  | 'cidr'
  | `enum:${string}`;
export type Shape = Leaf | 'map' | { readonly [field: string]: Shape } | readonly [Shape];

function isLeafOrMap(shape: Shape): shape is Leaf | 'map' {
  return typeof shape === 'string';
}

const labelSelector: Shape = {
  matchLabels: 'map',
  matchExpressions: [{ key: 'string', operator: 'string', values: 'strings' }],
};

export const META_SHAPE: Shape = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'integer',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  deletionGracePeriodSeconds: 'integer',
  labels: 'map',
  annotations: 'map',
  ownerReferences: 'objects',
  finalizers: 'strings',
  managedFields: 'objects',
  selfLink: 'string',
};

export const SPEC_SHAPES = {
  service: {
    type: 'string',
    selector: 'map',
    clusterIP: 'string',
    clusterIPs: 'strings',
    externalIPs: 'strings',
    externalName: 'string',
    sessionAffinity: 'enum:ClientIP|None',
    sessionAffinityConfig: 'map',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: 'strings',
    loadBalancerClass: 'string',
    externalTrafficPolicy: 'enum:Cluster|Local',
    internalTrafficPolicy: 'enum:Cluster|Local',
    healthCheckNodePort: 'integer',
    publishNotReadyAddresses: 'boolean',
    ipFamilies: 'strings',
    ipFamilyPolicy: 'enum:SingleStack|PreferDualStack|RequireDualStack',
    allocateLoadBalancerNodePorts: 'boolean',
    trafficDistribution: 'string',
    ports: [
      {
        name: 'string',
        protocol: 'string',
        appProtocol: 'string',
        port: 'integer',
        targetPort: 'int-or-string',
        nodePort: 'integer',
      },
    ],
  },
  pool: {
    // Cilium's CRD: `cidr` has OpenAPI format cidr, start/stop are plain strings.
    blocks: [{ cidr: 'cidr', start: 'string', stop: 'string' }],
    allowFirstLastIPs: 'enum:Yes|No',
    serviceSelector: labelSelector,
    disabled: 'boolean',
  },
  l2Policy: {
    nodeSelector: labelSelector,
    serviceSelector: labelSelector,
    loadBalancerIPs: 'boolean',
    externalIPs: 'boolean',
    interfaces: 'strings',
  },
  lease: {
    holderIdentity: 'string',
    leaseDurationSeconds: 'integer',
    acquireTime: 'string',
    renewTime: 'string',
    leaseTransitions: 'integer',
    strategy: 'string',
    preferredHolder: 'string',
  },
  node: {
    podCIDR: 'string',
    podCIDRs: 'strings',
    providerID: 'string',
    unschedulable: 'boolean',
    taints: 'objects',
    configSource: 'map',
    externalID: 'string',
  },
  namespace: { finalizers: 'strings' },
  gateway: {
    gatewayClassName: 'string',
    listeners: [
      {
        name: 'string',
        hostname: 'string',
        port: 'integer',
        protocol: 'string',
        tls: 'map',
        allowedRoutes: 'map',
      },
    ],
    addresses: [{ type: 'string', value: 'string' }],
    infrastructure: { labels: 'map', annotations: 'map', parametersRef: 'map' },
    backendTLS: 'map',
  },
  gatewayClass: { controllerName: 'string', parametersRef: 'map', description: 'string' },
} satisfies Record<string, Shape>;

export type SpecShapeName = keyof typeof SPEC_SHAPES;

const conditions: Shape = [
  {
    type: 'string',
    status: 'string',
    reason: 'string',
    message: 'string',
    lastTransitionTime: 'string',
    observedGeneration: 'integer',
  },
];

/**
 * The parts of each kind's status the controllers and the dashboard read, for type checks only
 * (status is not pruned: its other fields pass).
 */
export const STATUS_SHAPES: Partial<Record<SpecShapeName, Shape>> = {
  service: {
    loadBalancer: { ingress: [{ ip: 'string', hostname: 'string', ipMode: 'string', ports: 'objects' }] },
    conditions,
  },
  pool: { conditions },
  l2Policy: { conditions },
  node: { conditions, addresses: [{ type: 'string', address: 'string' }], nodeInfo: 'map' },
  namespace: { phase: 'string' },
  gateway: { addresses: [{ type: 'string', value: 'string' }], conditions, listeners: 'objects' },
  gatewayClass: { conditions },
};

/** Paths (`spec.ports[0].nme`) of fields the shape does not declare. `$`-directives and nulls (patch syntax) pass. */
export function unknownFields(shape: Shape, value: unknown, path = ''): string[] {
  if (isLeafOrMap(shape) || value === null || typeof value !== 'object') return [];
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
  return {
    apiVersion: 'leaf',
    kind: 'leaf',
    metadata: META_SHAPE,
    spec: spec ? SPEC_SHAPES[spec] : 'map',
    status: 'map',
  };
}

/** A copy of `value` without undeclared fields: what a real server stores when it does not reject them. */
export function pruneUnknown(shape: Shape, value: unknown): unknown {
  if (isLeafOrMap(shape) || value === null || typeof value !== 'object') return value;
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
