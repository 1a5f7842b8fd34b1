import { createHash } from 'node:crypto';

// Envoy Gateway names the Service it generates for a Gateway `envoy-<namespace>-<gateway>-<8 hex>`,
// the hex being a hash of the owning Gateway, so the name is stable across restarts. Both the demo
// seed and the simulated Envoy Gateway controller derive it here so they always agree.

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
