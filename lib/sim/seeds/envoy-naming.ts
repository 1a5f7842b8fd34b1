import { createHash } from 'node:crypto';
import type { Gateway, Pod, Service } from '../../cilium/objects';

// The proxy Service Envoy Gateway generates for a Gateway, named `envoy-<namespace>-<gateway>-<8 hex>`
// (the hex a hash of the owning Gateway, so the name is stable across restarts). Both the demo seed
// and the simulated Envoy Gateway controller build it here so they always agree.

export const ENVOY_CONTROLLER_NAME = 'gateway.envoyproxy.io/gatewayclass-controller';
export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

export function envoyServiceName(namespace: string, gateway: string): string {
  const hash = createHash('sha256').update(`${namespace}/${gateway}`).digest('hex').slice(0, 8);
  return `envoy-${namespace}-${gateway}-${hash}`;
}

/** Labels Envoy Gateway puts on (and selects with) the proxy Service of a Gateway. */
export function envoyProxyLabels(namespace: string, gateway: string): Record<string, string> {
  return {
    'app.kubernetes.io/component': 'proxy',
    'app.kubernetes.io/managed-by': 'envoy-gateway',
    'app.kubernetes.io/name': 'envoy',
    [OWNING_GATEWAY_NAME]: gateway,
    [OWNING_GATEWAY_NAMESPACE]: namespace,
  };
}

/** Envoy listens on unprivileged ports: listener port p < 1024 maps to container port p + 10000. */
export function envoyTargetPort(port: number): number {
  return port < 1024 ? port + 10000 : port;
}

/** The Service Envoy Gateway generates for a Gateway: one port per distinct listener port. */
export function envoyServiceFor(gw: Gateway): Service {
  const ns = gw.metadata.namespace ?? 'default';
  const labels = envoyProxyLabels(ns, gw.metadata.name);
  const seen = new Set<string>();
  const ports = (gw.spec.listeners ?? []).flatMap((l) => {
    const protocol = l.protocol.toUpperCase() === 'UDP' ? 'UDP' : 'TCP';
    const key = `${protocol}/${l.port}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      {
        name: `${l.protocol.toLowerCase()}-${l.port}`,
        protocol,
        port: l.port,
        targetPort: envoyTargetPort(l.port),
      },
    ];
  });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: envoyServiceName(ns, gw.metadata.name),
      namespace: ns,
      labels,
      annotations: { ...(gw.spec.infrastructure?.annotations ?? {}) },
    },
    spec: { type: 'LoadBalancer', selector: labels, ports, externalTrafficPolicy: 'Local' },
  };
}

/**
 * One Envoy proxy Pod of a Gateway, on a given node. The Gateway's Service is externalTrafficPolicy:
 * Local, so on Cilium ≥ 1.20.2 only that node may announce it.
 */
export function envoyProxyPod(gw: Gateway, node: string): Pod {
  const ns = gw.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${envoyServiceName(ns, gw.metadata.name)}-0`,
      namespace: ns,
      labels: envoyProxyLabels(ns, gw.metadata.name),
    },
    spec: {
      nodeName: node,
      containers: [{ name: 'envoy', image: 'docker.io/envoyproxy/envoy:distroless-v1.34.1' }],
    },
  };
}
