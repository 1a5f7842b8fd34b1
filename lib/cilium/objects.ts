// Shapes of the Kubernetes and Cilium objects we read, as the API server sends them (JSON),
// after lib/kube has trimmed them (no managedFields). Every room agrees on these shapes:
// the engine, the embedded cluster, the data path and the inventory all pass them around.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

export interface PoolBlock {
  cidr?: string;
  start?: string;
  stop?: string;
}

export interface CiliumLoadBalancerIPPool extends KubeObject {
  spec: {
    blocks?: PoolBlock[];
    /** v2alpha1 before 1.16: cidr-only blocks. */
    cidrs?: PoolBlock[];
    allowFirstLastIPs?: string;
    serviceSelector?: LabelSelector | null;
    disabled?: boolean;
  };
  status?: { conditions?: Condition[] };
}

export interface CiliumL2AnnouncementPolicy extends KubeObject {
  spec: {
    nodeSelector?: LabelSelector | null;
    serviceSelector?: LabelSelector | null;
    loadBalancerIPs?: boolean;
    externalIPs?: boolean;
    interfaces?: string[];
  };
  status?: { conditions?: Condition[] };
}

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: string;
}

export interface Service extends KubeObject {
  spec: {
    type?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
    clusterIP?: string;
    loadBalancerIP?: string;
    loadBalancerClass?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    externalTrafficPolicy?: string;
    externalIPs?: string[];
  };
  status?: {
    loadBalancer?: { ingress?: LoadBalancerIngress[] };
    conditions?: Condition[];
  };
}

export interface GatewayListener {
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
}

export interface Gateway extends KubeObject {
  spec: {
    gatewayClassName: string;
    infrastructure?: { annotations?: Record<string, string>; labels?: Record<string, string> };
    listeners?: GatewayListener[];
    addresses?: { type?: string; value: string }[];
  };
  status?: { addresses?: { type?: string; value: string }[]; conditions?: Condition[] };
}

export interface Lease extends KubeObject {
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

export interface KubeNode extends KubeObject {
  spec?: { unschedulable?: boolean; podCIDR?: string };
  status?: {
    conditions?: Condition[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: Record<string, string>;
  };
}

/** core/v1 Event (events.k8s.io/v1 events are converted to this shape by lib/kube). */
export interface KubeEvent extends KubeObject {
  involvedObject: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
}

/** discovery.k8s.io/v1 EndpointSlice (trimmed): which Pods back a Service, on which node, ready or not. */
export interface EndpointSlice extends KubeObject {
  addressType?: string;
  endpoints?: {
    addresses?: string[];
    /** ready: serving and not terminating (absent means ready, as upstream reads it). */
    conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
    nodeName?: string;
    targetRef?: { kind?: string; namespace?: string; name?: string; uid?: string };
  }[];
  ports?: { name?: string; port?: number; protocol?: string; appProtocol?: string }[];
}

/** gateway.networking.k8s.io/v1 HTTPRoute (trimmed): the hostnames it serves and the Gateways it attaches to. */
export interface HTTPRoute extends KubeObject {
  spec: {
    hostnames?: string[];
    parentRefs?: { group?: string; kind?: string; namespace?: string; name: string; sectionName?: string }[];
  };
  status?: {
    parents?: {
      parentRef: { group?: string; kind?: string; namespace?: string; name: string; sectionName?: string };
      controllerName?: string;
      conditions?: Condition[];
    }[];
  };
}

/** apps/v1 Deployment, trimmed to its containers' images (the cilium-operator's tag is the Cilium version). */
export interface Deployment extends KubeObject {
  spec?: { template?: { spec?: { containers?: { name?: string; image?: string }[] } } };
}

/** v1 ConfigMap, trimmed to the keys the dashboard reads. */
export interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

/** v1 Pod, the parts the embedded cluster's controllers read and write. */
export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: {
      name?: string;
      image?: string;
      ports?: { name?: string; containerPort?: number; protocol?: string }[];
    }[];
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    hostIP?: string;
    conditions?: Condition[];
    containerStatuses?: { name?: string; ready?: boolean; restartCount?: number }[];
  };
}
