import type {
  CiliumLoadBalancerIPPool,
  EndpointSlice,
  Gateway,
  HTTPRoute,
  KubeNode,
  KubeObject,
  Pod,
  Service,
} from '../../cilium/objects';
import { SLICE_SERVICE_LABEL } from '../../cilium/l2-eligibility';
import { namespaceObject } from './demo-infra';
import type { GatewayClass } from './demo-gateways';

// The demo's second pool, in a namespace of its own, so the seed page's 20 rows of pool `pool`
// stay exactly as the page has them. It holds what makes every screen worth a look: a shared IP
// (two Services, one sharing key), a Cilium Gateway with externalTrafficPolicy: Local that nobody
// announces on Cilium ≥ 1.20.2 (its only endpoint has no node), its HTTPRoutes and external-dns
// name, a NotReady node whose only Pod backs a Local Service, and reserved first/last addresses.

export const LAB_NAMESPACE = 'lab';
export const LAB_POOL = 'lab';
const IPS = 'lbipam.cilium.io/ips';
const SHARING_KEY = 'lbipam.cilium.io/sharing-key';
const EXTERNAL_DNS = 'external-dns.alpha.kubernetes.io/hostname';
/** Cilium's Gateway API controller and the synthetic backend of its Gateway Services (reference F.1). */
const CILIUM_GATEWAY_CONTROLLER = 'io.cilium/gateway-controller';
const CILIUM_GATEWAY_BACKEND = '192.192.192.192';

export function labPool(): CiliumLoadBalancerIPPool {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: LAB_POOL },
    spec: {
      // A /28 whose network and broadcast addresses stay out (reserved on the map).
      allowFirstLastIPs: 'No',
      blocks: [{ cidr: '192.168.10.0/28' }],
      serviceSelector: { matchLabels: { 'io.kubernetes.service.namespace': LAB_NAMESPACE } },
    },
  };
}

/** A fourth node whose kubelet stopped reporting: its Pods turn NotReady, it may not announce. */
export function labNotReadyNode(): KubeNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'pitower-4',
      labels: {
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'arm64',
        'kubernetes.io/hostname': 'pitower-4',
      },
    },
    spec: { podCIDR: '10.42.3.0/24' },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: '192.168.0.204' },
        { type: 'Hostname', address: 'pitower-4' },
      ],
    },
  };
}

function labService(
  name: string,
  ip: string,
  ports: { name: string; port: number; protocol: string }[],
  over: {
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    local?: boolean;
    selector?: boolean;
  } = {},
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: LAB_NAMESPACE,
      ...(over.labels && { labels: over.labels }),
      annotations: { [IPS]: ip, ...over.annotations },
    },
    spec: {
      type: 'LoadBalancer',
      ...(over.selector === false ? {} : { selector: { app: name } }),
      ports,
      externalTrafficPolicy: over.local ? 'Local' : 'Cluster',
    },
  };
}

function pod(name: string, app: string, node: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: LAB_NAMESPACE, labels: { app } },
    spec: { nodeName: node, containers: [{ name: app, image: `example.com/${app}:1` }] },
  };
}

const ciliumGatewayClass = (): GatewayClass => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GatewayClass',
  metadata: { name: 'cilium' },
  spec: { controllerName: CILIUM_GATEWAY_CONTROLLER },
});

function edgeGateway(): Gateway {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: LAB_NAMESPACE, annotations: { [EXTERNAL_DNS]: 'edge.lab.example' } },
    spec: {
      gatewayClassName: 'cilium',
      listeners: [
        { name: 'http', protocol: 'HTTP', port: 80, hostname: '*.lab.example' },
        { name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.lab.example' },
      ],
    },
    // What Cilium's Gateway controller reports: accepted and programmed (its Service has an address).
    status: {
      addresses: [{ type: 'IPAddress', value: '192.168.10.3' }],
      conditions: [
        { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Gateway successfully scheduled' },
        {
          type: 'Programmed',
          status: 'True',
          reason: 'Programmed',
          message: 'Gateway successfully reconciled',
        },
      ],
    },
  };
}

/** The Service Cilium creates for a Gateway: no selector, one synthetic endpoint without a node. */
function edgeService(): Service {
  return labService(
    'cilium-gateway-edge',
    '192.168.10.3',
    [
      { name: 'port-80', port: 80, protocol: 'TCP' },
      { name: 'port-443', port: 443, protocol: 'TCP' },
    ],
    { labels: { 'io.cilium.gateway/owning-gateway': 'edge' }, local: true, selector: false },
  );
}

function edgeSlice(): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'cilium-gateway-edge-synthetic',
      namespace: LAB_NAMESPACE,
      labels: { [SLICE_SERVICE_LABEL]: 'cilium-gateway-edge' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [CILIUM_GATEWAY_BACKEND], conditions: { ready: true } }],
    ports: [{ name: 'port-80', port: 9999, protocol: 'TCP' }],
  };
}

function route(name: string, hostname: string): HTTPRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: LAB_NAMESPACE },
    spec: { hostnames: [hostname], parentRefs: [{ name: 'edge' }] },
  };
}

const dnsPorts = (protocol: string) => [{ name: `dns-${protocol.toLowerCase()}`, port: 53, protocol }];

export function demoLabObjects(): KubeObject[] {
  return [
    namespaceObject(LAB_NAMESPACE),
    labNotReadyNode(),
    labPool(),
    ciliumGatewayClass(),
    edgeGateway(),
    // Two Services, one address: DNS over TCP and UDP with one sharing key.
    labService('dns-tcp', '192.168.10.2', dnsPorts('TCP'), { annotations: { [SHARING_KEY]: 'lab-dns' } }),
    labService('dns-udp', '192.168.10.2', dnsPorts('UDP'), { annotations: { [SHARING_KEY]: 'lab-dns' } }),
    pod('dns-0', 'dns-tcp', 'pitower-2'),
    pod('dns-1', 'dns-udp', 'pitower-2'),
    edgeService(),
    edgeSlice(),
    route('wiki', 'wiki.lab.example'),
    route('grafana', 'grafana.lab.example'),
    // Local, and its only Pod runs on the NotReady node: no ready endpoint, so nobody announces it.
    labService('metrics', '192.168.10.4', [{ name: 'http', port: 9090, protocol: 'TCP' }], { local: true }),
    pod('metrics-0', 'metrics', 'pitower-4'),
  ];
}
