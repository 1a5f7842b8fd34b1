// Kinds are data: every kind the embedded API server serves is one row of KINDS. Routing,
// discovery, Table output, validation hooks and the store all read these rows; adding a kind
// is adding a row. Cilium's facts come from /work/shared/reference/cilium-lbipam.md section A.
import type { SpecShapeName } from './field-schemas';
import type { CellName } from './printer-cells';

export interface PrinterColumn {
  /** As the API server names it (kubectl upper-cases it). */
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  /** CRD-style JSONPath (`.spec.disabled`, `.status.conditions[?(@.type=="X")].status`) … */
  jsonPath?: string;
  /** … or a computed cell, for built-in kinds whose columns are code in Kubernetes too. */
  cell?: CellName;
  /** 0 = shown by `kubectl get`; 1 = only with `-o wide`. */
  priority?: number;
  description?: string;
}

export interface SelectableField {
  /** Where the value lives when it is not the selector path itself (Event `source` is `source.component`). */
  from?: string;
  /** What an object without the field reports (default ''). */
  absent?: string;
}

export interface KindVersion {
  name: string;
  deprecated?: boolean;
  deprecationWarning?: string;
}

export interface KindDef {
  group: string;
  /** Served versions, storage version first. Every version is served from the same store. */
  versions: KindVersion[];
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Printer columns after NAME (which comes first unless the row lists its own `Name` column). */
  columns: PrinterColumn[];
  /** Has a `/status` subresource: main-resource writes ignore status, `/status` writes only status. */
  status: boolean;
  /** Built-in types accept strategic-merge patches; custom resources reject them with 415 like a real server. */
  strategicMerge: boolean;
  /** Schema defaults for top-level `spec` fields (CRD `default:`), applied when absent. */
  specDefaults?: Readonly<Record<string, boolean | string | number>>;
  /** Declared spec fields (field-schemas.ts), for fieldValidation=Strict; none = spec is not checked. */
  fields?: SpecShapeName;
  /** Served from another row's collection through a field conversion (events.k8s.io/v1 Event ⇄ v1 Event). */
  storedAs?: { apiVersion: string; kind: string; conversion: 'events' };
  /**
   * Field selector paths beyond metadata.name/metadata.namespace, as the real server's
   * `…ToSelectableFields` lists them, each with the value an object without the field reports
   * (upstream prints Go zero values: `spec.unschedulable=false` matches a node that never set it).
   */
  selectableFields?: Readonly<Record<string, SelectableField>>;
  /** Kind-specific defaulting/validation, looked up by name in kind-hooks.ts. */
  hooks?: 'service' | 'namespace';
}

/** v1 Event's selectable fields (pkg/registry/core/event); events.k8s.io/v1 names map onto these. */
function eventFields(): Record<string, SelectableField> {
  const out: Record<string, SelectableField> = {
    reason: {},
    reportingComponent: {},
    type: {},
    source: { from: 'source.component' },
  };
  for (const f of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'])
    out[`involvedObject.${f}`] = {};
  return out;
}

const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

export const KINDS: readonly KindDef[] = [
  {
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    fields: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    categories: [],
    status: true,
    strategicMerge: true,
    hooks: 'namespace',
    selectableFields: { 'status.phase': {} },
    columns: [{ name: 'Status', type: 'string', jsonPath: '.status.phase' }, age],
  },
  {
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'nodes',
    singular: 'node',
    kind: 'Node',
    fields: 'node',
    namespaced: false,
    shortNames: ['no'],
    categories: [],
    status: true,
    strategicMerge: true,
    selectableFields: { 'spec.unschedulable': { absent: 'false' } },
    columns: [
      { name: 'Status', type: 'string', cell: 'nodeStatus' },
      { name: 'Roles', type: 'string', cell: 'nodeRoles' },
      age,
      { name: 'Version', type: 'string', jsonPath: '.status.nodeInfo.kubeletVersion' },
      { name: 'Internal-IP', type: 'string', cell: 'nodeInternalIP', priority: 1 },
      { name: 'External-IP', type: 'string', cell: 'nodeExternalIP', priority: 1 },
      { name: 'OS-Image', type: 'string', cell: 'nodeOSImage', priority: 1 },
      { name: 'Kernel-Version', type: 'string', cell: 'nodeKernelVersion', priority: 1 },
      { name: 'Container-Runtime', type: 'string', cell: 'nodeContainerRuntime', priority: 1 },
    ],
  },
  {
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    fields: 'service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    status: true,
    strategicMerge: true,
    hooks: 'service',
    selectableFields: { 'spec.type': {}, 'spec.clusterIP': {} },
    columns: [
      { name: 'Type', type: 'string', jsonPath: '.spec.type' },
      { name: 'Cluster-IP', type: 'string', cell: 'serviceClusterIP' },
      { name: 'External-IP', type: 'string', cell: 'serviceExternalIP' },
      { name: 'Port(s)', type: 'string', cell: 'servicePorts' },
      age,
      { name: 'Selector', type: 'string', cell: 'serviceSelector', priority: 1 },
    ],
  },
  {
    // Served (empty unless a seed or user adds some) because kubectl needs it: `describe node`
    // lists the node's pods, and `get all` includes them.
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    status: true,
    strategicMerge: true,
    selectableFields: {
      'spec.nodeName': {},
      'spec.restartPolicy': {},
      'spec.schedulerName': {},
      'spec.serviceAccountName': {},
      'spec.hostNetwork': { absent: 'false' },
      'status.phase': {},
      'status.podIP': {},
      'status.nominatedNodeName': {},
    },
    columns: [
      { name: 'Ready', type: 'string', cell: 'podReady' },
      { name: 'Status', type: 'string', cell: 'podStatus' },
      { name: 'Restarts', type: 'string', cell: 'podRestarts' },
      age,
      { name: 'IP', type: 'string', cell: 'podIP', priority: 1 },
      { name: 'Node', type: 'string', cell: 'podNode', priority: 1 },
    ],
  },
  {
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    categories: [],
    status: false,
    strategicMerge: true,
    selectableFields: eventFields(),
    // As kubectl prints events: LAST SEEN first, NAME only with -o wide.
    columns: [
      { name: 'Last Seen', type: 'date', cell: 'eventLastSeen' },
      { name: 'Type', type: 'string', jsonPath: '.type' },
      { name: 'Reason', type: 'string', jsonPath: '.reason' },
      { name: 'Object', type: 'string', cell: 'eventObject' },
      { name: 'Message', type: 'string', jsonPath: '.message' },
      { name: 'Count', type: 'integer', jsonPath: '.count', priority: 1 },
      { name: 'Name', type: 'string', jsonPath: '.metadata.name', priority: 1 },
    ],
  },
  {
    group: 'events.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: [],
    categories: [],
    status: false,
    strategicMerge: true,
    storedAs: { apiVersion: 'v1', kind: 'Event', conversion: 'events' },
    columns: [
      { name: 'Type', type: 'string', jsonPath: '.type' },
      { name: 'Reason', type: 'string', jsonPath: '.reason' },
      { name: 'Note', type: 'string', jsonPath: '.note' },
      age,
    ],
  },
  {
    // Maintained from Pods by the endpoint-slice controller (controllers/endpoint-slices.ts) for
    // Services with a selector; selector-less Services keep the slices users (or Cilium) write.
    group: 'discovery.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    namespaced: true,
    shortNames: [],
    categories: [],
    status: false,
    strategicMerge: true,
    columns: [
      { name: 'AddressType', type: 'string', jsonPath: '.addressType' },
      { name: 'Ports', type: 'string', cell: 'slicePorts' },
      { name: 'Endpoints', type: 'string', cell: 'sliceEndpoints' },
      age,
    ],
  },
  {
    // Stored only (no rollout): the cilium-operator Deployment's image tag says the Cilium version.
    group: 'apps',
    versions: [{ name: 'v1' }],
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    status: true,
    strategicMerge: true,
    columns: [
      { name: 'Ready', type: 'string', cell: 'deploymentReady' },
      { name: 'Up-to-date', type: 'integer', jsonPath: '.status.updatedReplicas' },
      { name: 'Available', type: 'integer', jsonPath: '.status.availableReplicas' },
      age,
      { name: 'Containers', type: 'string', cell: 'deploymentContainers', priority: 1 },
      { name: 'Images', type: 'string', cell: 'deploymentImages', priority: 1 },
    ],
  },
  {
    group: '',
    versions: [{ name: 'v1' }],
    resource: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
    categories: [],
    status: false,
    strategicMerge: true,
    columns: [{ name: 'Data', type: 'integer', cell: 'configMapData' }, age],
  },
  {
    group: 'coordination.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'leases',
    singular: 'lease',
    kind: 'Lease',
    fields: 'lease',
    namespaced: true,
    shortNames: [],
    categories: [],
    status: false,
    strategicMerge: true,
    columns: [{ name: 'Holder', type: 'string', jsonPath: '.spec.holderIdentity' }, age],
  },
  {
    group: 'cilium.io',
    versions: [
      { name: 'v2' },
      {
        name: 'v2alpha1',
        deprecated: true,
        deprecationWarning:
          'cilium.io/v2alpha1 CiliumLoadBalancerIPPool is deprecated; use cilium.io/v2 CiliumLoadBalancerIPPool',
      },
    ],
    resource: 'ciliumloadbalancerippools',
    singular: 'ciliumloadbalancerippool',
    kind: 'CiliumLoadBalancerIPPool',
    fields: 'pool',
    namespaced: false,
    shortNames: ['ippools', 'ippool', 'lbippool', 'lbippools'],
    categories: ['cilium'],
    status: true,
    strategicMerge: false,
    specDefaults: { disabled: false },
    columns: [
      { name: 'Disabled', type: 'boolean', jsonPath: '.spec.disabled' },
      {
        name: 'Conflicting',
        type: 'string',
        jsonPath: '.status.conditions[?(@.type=="cilium.io/PoolConflict")].status',
      },
      {
        name: 'IPs Available',
        type: 'string',
        jsonPath: '.status.conditions[?(@.type=="cilium.io/IPsAvailable")].message',
      },
      age,
    ],
  },
  {
    group: 'cilium.io',
    versions: [{ name: 'v2alpha1' }],
    resource: 'ciliuml2announcementpolicies',
    fields: 'l2Policy',
    singular: 'ciliuml2announcementpolicy',
    kind: 'CiliumL2AnnouncementPolicy',
    namespaced: false,
    shortNames: ['l2announcement'],
    categories: ['cilium'],
    status: true,
    strategicMerge: false,
    columns: [age],
    specDefaults: { loadBalancerIPs: false, externalIPs: false },
  },
  {
    group: 'gateway.networking.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'gateways',
    singular: 'gateway',
    fields: 'gateway',
    kind: 'Gateway',
    namespaced: true,
    shortNames: ['gtw'],
    categories: ['gateway-api'],
    status: true,
    strategicMerge: false,
    columns: [
      { name: 'Class', type: 'string', jsonPath: '.spec.gatewayClassName' },
      { name: 'Address', type: 'string', jsonPath: '.status.addresses[*].value' },
      { name: 'Programmed', type: 'string', jsonPath: '.status.conditions[?(@.type=="Programmed")].status' },
      age,
    ],
  },
  {
    group: 'gateway.networking.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'httproutes',
    singular: 'httproute',
    kind: 'HTTPRoute',
    namespaced: true,
    shortNames: [],
    categories: ['gateway-api'],
    status: true,
    strategicMerge: false,
    columns: [{ name: 'Hostnames', type: 'string', jsonPath: '.spec.hostnames' }, age],
  },
  {
    group: 'gateway.networking.k8s.io',
    versions: [{ name: 'v1' }],
    resource: 'gatewayclasses',
    singular: 'gatewayclass',
    fields: 'gatewayClass',
    kind: 'GatewayClass',
    namespaced: false,
    shortNames: ['gc'],
    categories: ['gateway-api'],
    status: true,
    strategicMerge: false,
    columns: [
      { name: 'Controller', type: 'string', jsonPath: '.spec.controllerName' },
      { name: 'Accepted', type: 'string', jsonPath: '.status.conditions[?(@.type=="Accepted")].status' },
      age,
      { name: 'Description', type: 'string', jsonPath: '.spec.description', priority: 1 },
    ],
  },
];

export function groupVersion(def: KindDef, version: string): string {
  return def.group ? `${def.group}/${version}` : version;
}

export function storageApiVersion(def: KindDef): string {
  return groupVersion(def, def.versions[0].name);
}

/** The store keeps one collection per row, whatever version a client speaks. */
export function storeKey(def: KindDef): string {
  return `${def.group}/${def.kind}`;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function findKind(apiVersion: string, kind: string): KindDef | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return KINDS.find(
    (d) => d.group === group && d.kind === kind && d.versions.some((v) => v.name === version),
  );
}

export function findResource(group: string, version: string, resource: string): KindDef | undefined {
  return KINDS.find(
    (d) => d.group === group && d.resource === resource && d.versions.some((v) => v.name === version),
  );
}
