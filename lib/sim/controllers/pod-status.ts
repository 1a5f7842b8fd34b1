import type { Condition, KubeNode, KubeObject, Pod } from '../../cilium/objects';
import { rfc3339 } from '../object-utils';
import { sameJson } from './compare';
import { guarded } from './guard';
import { nodeIsReady } from './node-ready';
import { Cache, type Clock, type ControllerStore } from './port';

// What the kubelets and the node lifecycle controller do to Pods, reduced to what EndpointSlices
// read: a Pod bound to an existing node (spec.nodeName) starts Running with an IP from the node's
// podCIDR; its Ready condition follows its node's (a NotReady node's Pods turn Ready=False, as the
// node lifecycle controller marks them). There is no scheduler: a Pod without nodeName stays Pending.

const POD = { apiVersion: 'v1', kind: 'Pod' };
const NODE = { apiVersion: 'v1', kind: 'Node' };

/** The n-th host address of an IPv4 /24-or-wider podCIDR ("10.42.1.0/24", 5 → 10.42.1.5). */
function hostAddress(cidr: string | undefined, n: number): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? '');
  if (!m || Number(m[5]) > 24) return null;
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const v = base + n;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

export class PodStatusController {
  private readonly pods: Cache<Pod>;
  private readonly nodes: Cache<KubeNode>;
  private soon: NodeJS.Immediate | null = null;
  private stopped = false;

  constructor(
    private readonly store: ControllerStore,
    private readonly clock: Clock,
  ) {
    this.pods = new Cache(store, POD);
    this.nodes = new Cache(store, NODE);
  }

  start(): void {
    const wake = () => this.schedule();
    this.pods.start(wake);
    this.nodes.start(wake);
    this.reconcile();
  }

  get busy(): boolean {
    return this.soon !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.soon) clearImmediate(this.soon);
    this.pods.close();
    this.nodes.close();
  }

  private schedule(): void {
    if (this.soon || this.stopped) return;
    this.soon = setImmediate(() => {
      this.soon = null;
      guarded('kubelet', 'pod status', () => this.reconcile());
    });
  }

  private reconcile(): void {
    if (this.stopped) return;
    const used = new Set<string>();
    for (const p of this.pods.values()) if (p.status?.podIP) used.add(p.status.podIP);
    for (const pod of this.pods.values()) {
      const nodeName = pod.spec?.nodeName;
      const node = nodeName ? this.nodes.items.get(`/${nodeName}`) : undefined;
      if (!node) continue;
      const status = this.statusFor(pod, node, used);
      if (status && !sameJson(pod.status ?? {}, status)) {
        try {
          this.store.updateStatus({ ...pod, status } as KubeObject);
        } catch {
          // A newer copy: its watch event schedules another pass.
        }
      }
    }
  }

  private statusFor(pod: Pod, node: KubeNode, used: Set<string>): Pod['status'] | null {
    let ip = pod.status?.podIP;
    if (!ip) {
      for (let n = 2; n < 65_534 && !ip; n++) {
        const candidate = hostAddress(node.spec?.podCIDR, n) ?? hostAddress('10.244.0.0/16', n);
        if (candidate && !used.has(candidate)) ip = candidate;
      }
      if (!ip) return null;
      used.add(ip);
    }
    const ready = nodeIsReady(node);
    const now = rfc3339(this.clock.now());
    const old = pod.status?.conditions?.find((c) => c.type === 'Ready');
    const readyCond: Condition = {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      ...(ready ? {} : { reason: 'NodeNotReady' }),
      lastTransitionTime:
        old && old.status === (ready ? 'True' : 'False') && old.lastTransitionTime
          ? old.lastTransitionTime
          : now,
    };
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return {
      ...(pod.status ?? {}),
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      ...(hostIP ? { hostIP } : {}),
      conditions: [readyCond],
      containerStatuses: (pod.spec?.containers ?? []).map((c) => ({ name: c.name, ready, restartCount: 0 })),
    };
  }
}
