import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  Deployment,
  KubeNode,
  KubeObject,
} from '../../cilium/objects';

// The cluster-level half of the demo: what /work/shared/seed/load-balancers.md shows of the
// user's home lab besides its Services. The pool and the policy are exactly the page's YAML
// (including the v2alpha1 apiVersion the user wrote, which Cilium still serves).

export const DEMO_NAMESPACES = ['kube-system', 'networking', 'security', 'home-automation', 'media'];

export function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  };
}

interface NodeSpec {
  name: string;
  address: string;
  controlPlane: boolean;
}

const DEMO_NODES: NodeSpec[] = [
  { name: 'pitower-1', address: '192.168.0.201', controlPlane: true },
  { name: 'pitower-2', address: '192.168.0.202', controlPlane: false },
  { name: 'pitower-3', address: '192.168.0.203', controlPlane: false },
];

export const DEMO_NODE_NAMES = DEMO_NODES.map((n) => n.name);

function nodeObject(n: NodeSpec): KubeNode {
  const labels: Record<string, string> = {
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'arm64',
    'kubernetes.io/hostname': n.name,
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': 'arm64',
  };
  if (n.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels },
    spec: { podCIDR: `10.42.${DEMO_NODES.indexOf(n)}.0/24` },
    status: {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: n.address },
        { type: 'Hostname', address: n.name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.33.1+k3s1',
        kubeProxyVersion: 'v1.33.1+k3s1',
        containerRuntimeVersion: 'containerd://2.0.5-k3s1',
        osImage: 'Ubuntu 24.04.2 LTS',
        kernelVersion: '6.8.0-1028-raspi',
        operatingSystem: 'linux',
        architecture: 'arm64',
      },
    },
  };
}

export function demoNodes(): KubeNode[] {
  return DEMO_NODES.map(nodeObject);
}

export function demoPool(): CiliumLoadBalancerIPPool {
  return {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: 'pool' },
    spec: { allowFirstLastIPs: 'Yes', blocks: [{ start: '192.168.0.220', stop: '192.168.0.239' }] },
  };
}

export function demoL2Policy(): CiliumL2AnnouncementPolicy {
  return {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    metadata: { name: 'policy' },
    spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { 'kubernetes.io/os': 'linux' } } },
  };
}

/** The Cilium the demo runs: 1.20.2, where externalTrafficPolicy: Local decides who announces (reference F.1). */
export const DEMO_CILIUM_IMAGE = 'quay.io/cilium/operator-generic:v1.20.2';

export function demoCiliumOperator(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cilium-operator', namespace: 'kube-system', labels: { 'io.cilium/app': 'operator' } },
    spec: {
      template: { spec: { containers: [{ name: 'cilium-operator', image: DEMO_CILIUM_IMAGE }] } },
    },
  };
}
