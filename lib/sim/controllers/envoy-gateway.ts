import type { Condition, Gateway, KubeObject, Service } from '../../cilium/objects';
import type { GatewayClass } from '../seeds/demo-gateways';
import { ENVOY_CONTROLLER_NAME, envoyServiceFor, envoyServiceName } from '../seeds/envoy-naming';
import { rfc3339 } from '../object-utils';
import { sameJson } from './compare';
import { Cache, type Clock, type ControllerStore } from './port';
import { guarded } from './guard';

// The simulated Envoy Gateway: for every Gateway of a class it controls, it keeps the proxy
// Service (labels, the Gateway's spec.infrastructure annotations, one port per listener port) and
// reports the Service's LoadBalancer address back in the Gateway's status.addresses. That is how
// the page's `lbipam.cilium.io/ips` on a Gateway reaches LB-IPAM.

const GW = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' };
const GC = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass' };
const SVC = { apiVersion: 'v1', kind: 'Service' };

type Managed = Pick<Service, 'metadata' | 'spec'>;

/** The parts of the proxy Service Envoy Gateway owns, for "does it need an update". */
function managedView(s: Managed): unknown {
  return {
    labels: s.metadata.labels ?? {},
    annotations: s.metadata.annotations ?? {},
    type: s.spec.type,
    selector: s.spec.selector ?? {},
    ports: (s.spec.ports ?? []).map((p) => [p.name, p.protocol ?? 'TCP', p.port, p.targetPort]),
  };
}

export class EnvoyGatewayController {
  private readonly classes: Cache<GatewayClass>;
  private readonly gateways: Cache<Gateway>;
  private readonly services: Cache<Service>;
  private soon: NodeJS.Immediate | null = null;
  private stopped = false;
  lastError = '';

  constructor(
    private readonly store: ControllerStore,
    private readonly clock: Clock,
  ) {
    this.classes = new Cache(store, GC);
    this.gateways = new Cache(store, GW);
    this.services = new Cache(store, SVC);
  }

  start(): void {
    const wake = () => this.schedule();
    this.classes.start(wake);
    this.gateways.start(wake);
    // Only proxy Services matter: their address goes into a Gateway's status.
    const proxy = (s: Service | undefined) =>
      s?.metadata.labels?.['app.kubernetes.io/managed-by'] === 'envoy-gateway';
    this.services.start((_t, s, prev) => {
      if (proxy(s) || proxy(prev)) wake();
    });
    this.reconcile();
  }

  get busy(): boolean {
    return this.soon !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.soon) clearImmediate(this.soon);
    for (const c of [this.classes, this.gateways, this.services]) c.close();
  }

  private schedule(): void {
    if (this.soon || this.stopped) return;
    this.soon = setImmediate(() => {
      this.soon = null;
      guarded('Envoy Gateway', 'reconcile', () => this.reconcile());
    });
  }

  private ours(gw: Gateway): boolean {
    const cls = this.classes.items.get(`/${gw.spec.gatewayClassName}`);
    return cls?.spec.controllerName === ENVOY_CONTROLLER_NAME;
  }

  reconcile(): void {
    if (this.stopped) return;
    for (const cls of this.classes.values()) {
      if (cls.spec.controllerName !== ENVOY_CONTROLLER_NAME) continue;
      this.writeStatus(cls, {
        conditions: this.conditions((cls as { status?: { conditions?: Condition[] } }).status?.conditions, [
          { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Valid GatewayClass' },
        ]),
      });
    }
    const wanted = new Set<string>();
    for (const gw of this.gateways.values()) {
      if (!this.ours(gw) || gw.metadata.deletionTimestamp) continue;
      const ns = gw.metadata.namespace ?? 'default';
      const name = envoyServiceName(ns, gw.metadata.name);
      wanted.add(`${ns}/${name}`);
      const svc = this.syncService(gw, this.services.items.get(`${ns}/${name}`));
      this.syncGatewayStatus(gw, svc);
    }
    // Proxy Services whose Gateway is gone (Envoy Gateway removes the infrastructure with it).
    for (const [key, svc] of this.services.items) {
      if (svc.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'envoy-gateway' || wanted.has(key))
        continue;
      const gwName = svc.metadata.labels['gateway.envoyproxy.io/owning-gateway-name'];
      const gwNs = svc.metadata.labels['gateway.envoyproxy.io/owning-gateway-namespace'];
      if (gwName && gwNs && !this.gateways.items.has(`${gwNs}/${gwName}`)) {
        this.attempt(() => this.store.delete(SVC, svc.metadata.name, svc.metadata.namespace));
      }
    }
  }

  private syncService(gw: Gateway, current: Service | undefined): Service | undefined {
    const desired = envoyServiceFor(gw);
    if (!current) return this.attempt(() => this.store.create(desired) as Service);
    if (sameJson(managedView(current), managedView(desired))) return current;
    // Keep what the API server assigned (clusterIP, node ports) on ports that stay.
    const ports = (desired.spec.ports ?? []).map((p) => {
      const old = current.spec.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === p.protocol);
      return old?.nodePort ? { ...p, nodePort: old.nodePort } : p;
    });
    const next: Service = {
      ...current,
      metadata: {
        ...current.metadata,
        labels: desired.metadata.labels,
        annotations: desired.metadata.annotations,
      },
      spec: { ...current.spec, type: desired.spec.type, selector: desired.spec.selector, ports },
    };
    return this.attempt(() => this.store.update(next) as Service) ?? current;
  }

  private syncGatewayStatus(gw: Gateway, svc: Service | undefined): void {
    const addresses = (svc?.status?.loadBalancer?.ingress ?? [])
      .filter((i) => i.ip)
      .map((i) => ({ type: 'IPAddress', value: i.ip as string }));
    const programmed: Omit<Condition, 'lastTransitionTime'> =
      addresses.length > 0
        ? {
            type: 'Programmed',
            status: 'True',
            reason: 'Programmed',
            message: 'Address assigned to the Gateway, 1/1 envoy replicas available',
          }
        : {
            type: 'Programmed',
            status: 'False',
            reason: 'AddressNotAssigned',
            message: 'No addresses have been assigned to the Gateway',
          };
    const gen = gw.metadata.generation;
    const conditions = this.conditions(gw.status?.conditions, [
      {
        type: 'Accepted',
        status: 'True',
        reason: 'Accepted',
        message: 'The Gateway has been scheduled by Envoy Gateway',
        observedGeneration: gen,
      },
      { ...programmed, observedGeneration: gen },
    ]);
    this.writeStatus(gw, { ...(gw.status ?? {}), addresses, conditions });
  }

  /** Conditions set by type; lastTransitionTime moves only when the status flips. */
  private conditions(
    current: Condition[] | undefined,
    wanted: Omit<Condition, 'lastTransitionTime'>[],
  ): Condition[] {
    const now = rfc3339(this.clock.now());
    return wanted.map((c) => {
      const old = current?.find((x) => x.type === c.type);
      return {
        ...c,
        lastTransitionTime:
          old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : now,
      };
    });
  }

  private writeStatus(obj: KubeObject & { status?: unknown }, status: unknown): void {
    if (sameJson(obj.status ?? {}, status)) return;
    this.attempt(() => this.store.updateStatus({ ...obj, status } as KubeObject));
  }

  private attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      // A stale copy: the watch event for the newer one schedules another reconcile.
      this.lastError = err instanceof Error ? err.message : String(err);
      return undefined;
    }
  }
}
