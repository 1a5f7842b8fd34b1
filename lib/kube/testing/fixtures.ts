// Hand-made objects for the informer tests: one of every kind lib/kube reads, plus some it must
// filter out (a non-Cilium lease, an event about a Pod).

const managedFields = [
  { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', fieldsV1: { 'f:spec': {} } },
];

export const fixtureObjects: object[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'media' } },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'k8s-1', labels: { 'kubernetes.io/hostname': 'k8s-1' } },
    status: { addresses: [{ type: 'InternalIP', address: '192.168.0.11' }] },
  },
  {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: 'home' },
    spec: { blocks: [{ start: '192.168.0.220', stop: '192.168.0.239' }] },
  },
  {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    metadata: { name: 'l2' },
    spec: { loadBalancerIPs: true, interfaces: ['^eth0$'] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'jellyfin',
      namespace: 'media',
      managedFields,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Service"}',
        'lbipam.cilium.io/ips': '192.168.0.224',
      },
    },
    spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 8096, protocol: 'TCP' }] },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'internal', namespace: 'media' },
    spec: { gatewayClassName: 'cilium', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] },
  },
  {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'cilium-l2announce-media-jellyfin', namespace: 'kube-system' },
    spec: { holderIdentity: 'k8s-1', leaseDurationSeconds: 15 },
  },
  {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
    spec: { holderIdentity: 'k8s-1' },
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'jellyfin.1', namespace: 'media' },
    involvedObject: { kind: 'Service', namespace: 'media', name: 'jellyfin' },
    reason: 'IPAllocated',
    message: 'allocated 192.168.0.224',
    type: 'Normal',
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'pod.1', namespace: 'media' },
    involvedObject: { kind: 'Pod', namespace: 'media', name: 'jellyfin-0' },
    reason: 'Pulled',
    type: 'Normal',
  },
];
