import type { KubeObject } from '../../cilium/objects';
import { DEMO_NAMESPACES, demoL2Policy, demoNodes, demoPool, namespaceObject } from './demo-infra';
import { demoPlainServices, demoPlexService } from './demo-services';
import { demoGatewayClass, demoGateways } from './demo-gateways';
import { envoyServiceFor } from './envoy-naming';

// The demo seed: the home lab of /work/shared/seed/load-balancers.md, as the ordered list of
// objects the embedded cluster creates. Order matters: controllers see creations as events in
// this order, and Plex must come after Jellyfin so Jellyfin keeps 192.168.0.229.

export function demoObjects(): KubeObject[] {
  const gateways = demoGateways();
  return [
    ...DEMO_NAMESPACES.map(namespaceObject),
    ...demoNodes(),
    demoPool(),
    demoL2Policy(),
    demoGatewayClass(),
    ...gateways,
    ...demoPlainServices(),
    ...gateways.map(envoyServiceFor),
    demoPlexService(),
  ];
}
