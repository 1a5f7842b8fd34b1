import type { KubeObject } from '../../cilium/objects';
import {
  DEMO_NAMESPACES,
  demoCiliumOperator,
  demoL2Policy,
  demoNodes,
  demoPool,
  namespaceObject,
} from './demo-infra';
import { demoLabObjects } from './demo-lab';
import { demoPlainServices, demoPlexService } from './demo-services';
import { demoGatewayClass, demoGateways } from './demo-gateways';
import { envoyProxyPod, envoyServiceFor } from './envoy-naming';

// The demo seed: the home lab of /work/shared/seed/load-balancers.md, as the ordered list of
// objects the embedded cluster creates. Order matters: controllers see creations as events in
// this order, and Plex must come after Jellyfin so Jellyfin keeps 192.168.0.229. The lab (a second
// pool, ./demo-lab.ts) comes last and asks only for its own addresses.

/** Where each Gateway's Envoy proxy runs (its Service is externalTrafficPolicy: Local). */
const ENVOY_NODES = ['pitower-2', 'pitower-3'];

/** The home lab of the seed page alone (its tests compare it with the page). */
export function homeLabObjects(): KubeObject[] {
  const gateways = demoGateways();
  return [
    ...DEMO_NAMESPACES.map(namespaceObject),
    ...demoNodes(),
    demoCiliumOperator(),
    demoPool(),
    demoL2Policy(),
    demoGatewayClass(),
    ...gateways,
    ...demoPlainServices(),
    ...gateways.map(envoyServiceFor),
    ...gateways.map((g, i) => envoyProxyPod(g, ENVOY_NODES[i % ENVOY_NODES.length])),
    demoPlexService(),
  ];
}

export const demoObjects = (): KubeObject[] => [...homeLabObjects(), ...demoLabObjects()];
