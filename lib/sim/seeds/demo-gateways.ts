import type { Gateway, GatewayListener, KubeObject } from '../../cilium/objects';
import { ENVOY_CONTROLLER_NAME } from './envoy-naming';
import { LBIPAM_IPS, NOTES } from './demo-services';

// The two Envoy Gateways of the demo, their GatewayClass, and the Services Envoy Gateway generated
// for them. As the page explains, the address request sits in spec.infrastructure.annotations and
// Envoy Gateway copies those annotations onto the Service it creates.

export const GATEWAY_NAMESPACE = 'networking';

export interface GatewayClass extends KubeObject {
  spec: { controllerName: string; description?: string };
}

export function demoGatewayClass(): GatewayClass {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'envoy' },
    spec: { controllerName: ENVOY_CONTROLLER_NAME },
  };
}

interface DemoGateway {
  name: string;
  ip: string;
  notes: string;
  listeners: GatewayListener[];
}

const GATEWAYS: DemoGateway[] = [
  {
    name: 'envoy-internal',
    ip: '192.168.0.238',
    notes: 'Internal services',
    listeners: [
      { name: 'http', protocol: 'HTTP', port: 80 },
      { name: 'https', protocol: 'HTTPS', port: 443 },
    ],
  },
  {
    name: 'envoy-external',
    ip: '192.168.0.239',
    notes: 'Cloudflare tunnel ingress',
    listeners: [{ name: 'https', protocol: 'HTTPS', port: 443 }],
  },
];

function toGateway(g: DemoGateway): Gateway {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: g.name, namespace: GATEWAY_NAMESPACE },
    spec: {
      gatewayClassName: 'envoy',
      infrastructure: { annotations: { [LBIPAM_IPS]: g.ip, [NOTES]: g.notes } },
      listeners: g.listeners,
    },
  };
}

export function demoGateways(): Gateway[] {
  return GATEWAYS.map(toGateway);
}
