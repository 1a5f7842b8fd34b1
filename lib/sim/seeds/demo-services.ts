import type { Service, ServicePort } from '../../cilium/objects';

// The LoadBalancer Services of the demo home lab, one per row of the page's "IP Allocation
// Table" (the Envoy Gateway ones live in demo-gateways.ts). Each asks for its address with
// `lbipam.cilium.io/ips` as the page recommends, and carries the dashboard annotations the
// inventory reads for the Service / Type / Notes columns. Notes are only annotated where the page's
// note cannot be derived ("<PROTO> on port <port>" from a single named port).

export const DISPLAY_NAME = 'dashboard.lbipam.io/display-name';
export const TYPE = 'dashboard.lbipam.io/type';
export const NOTES = 'dashboard.lbipam.io/notes';
export const LBIPAM_IPS = 'lbipam.cilium.io/ips';

interface DemoService {
  namespace: string;
  name: string;
  ip: string;
  displayName: string;
  type: string;
  notes?: string;
  /** app.kubernetes.io/name of the pods behind it. */
  app: string;
  instance?: string;
  ports: ServicePort[];
}

const tcp = (name: string, port: number, targetPort: number | string = port): ServicePort => ({
  name,
  protocol: 'TCP',
  port,
  targetPort,
});
const udp = (name: string, port: number, targetPort: number | string = port): ServicePort => ({
  name,
  protocol: 'UDP',
  port,
  targetPort,
});

const SERVICES: DemoService[] = [
  {
    namespace: 'kube-system',
    name: 'coredns',
    ip: '192.168.0.220',
    displayName: 'CoreDNS',
    type: 'ClusterDNS',
    notes: 'Fallback DNS',
    app: 'coredns',
    ports: [udp('udp-53', 53), tcp('tcp-53', 53)],
  },
  {
    namespace: 'networking',
    name: 'nginx-internal-controller',
    ip: '192.168.0.221',
    displayName: 'nginx-internal',
    type: 'Ingress Controller',
    notes: 'Internal ingress (legacy)',
    app: 'ingress-nginx',
    instance: 'nginx-internal',
    ports: [tcp('http', 80, 'http'), tcp('https', 443, 'https')],
  },
  {
    namespace: 'security',
    name: 'lldap',
    ip: '192.168.0.222',
    displayName: 'LLDAP',
    type: 'LDAP Service',
    app: 'lldap',
    ports: [tcp('ldap', 389, 3890)],
  },
  {
    namespace: 'home-automation',
    name: 'mosquitto',
    ip: '192.168.0.226',
    displayName: 'Mosquitto',
    type: 'MQTT Broker',
    app: 'mosquitto',
    ports: [tcp('mqtt', 1883)],
  },
  {
    namespace: 'home-automation',
    name: 'home-assistant',
    ip: '192.168.0.227',
    displayName: 'Home Assistant',
    type: 'Home Automation',
    app: 'home-assistant',
    ports: [tcp('http', 8123)],
  },
  {
    namespace: 'home-automation',
    name: 'matter-server',
    ip: '192.168.0.228',
    displayName: 'Matter Server',
    type: 'Matter Protocol',
    app: 'matter-server',
    ports: [tcp('matter', 5580)],
  },
  {
    namespace: 'media',
    name: 'jellyfin',
    ip: '192.168.0.229',
    displayName: 'Jellyfin',
    type: 'Media Server',
    app: 'jellyfin',
    ports: [tcp('http', 8096)],
  },
  // OpenThread Border Router: web UI, REST API, and the mDNS/SRP proxy Thread devices are found through.
  {
    namespace: 'home-automation',
    name: 'otbr',
    ip: '192.168.0.230',
    displayName: 'OTBR',
    type: 'Thread Border Router',
    notes: 'Thread/mDNS services',
    app: 'otbr',
    ports: [tcp('http', 80), tcp('rest', 8081), udp('mdns', 5353), udp('srp', 53535)],
  },
  {
    namespace: 'networking',
    name: 'nginx-external-controller',
    ip: '192.168.0.231',
    displayName: 'nginx-external',
    type: 'Ingress Controller',
    notes: 'Cloudflare tunnel target',
    app: 'ingress-nginx',
    instance: 'nginx-external',
    ports: [tcp('http', 80, 'http'), tcp('https', 443, 'https')],
  },
];

/**
 * The mistake the demo keeps visible: Plex was copied from Jellyfin's manifest and still asks
 * for .229. Created after Jellyfin, so Jellyfin wins and Plex stays pending (`already_allocated`).
 */
const PLEX: DemoService = {
  namespace: 'media',
  name: 'plex',
  ip: '192.168.0.229',
  displayName: 'Plex',
  type: 'Media Server',
  app: 'plex',
  ports: [tcp('http', 32400)],
};

function toService(s: DemoService): Service {
  const selector: Record<string, string> = { 'app.kubernetes.io/name': s.app };
  if (s.instance) selector['app.kubernetes.io/instance'] = s.instance;
  const annotations: Record<string, string> = {
    [LBIPAM_IPS]: s.ip,
    [DISPLAY_NAME]: s.displayName,
    [TYPE]: s.type,
  };
  if (s.notes) annotations[NOTES] = s.notes;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, labels: { ...selector }, annotations },
    spec: { type: 'LoadBalancer', selector, ports: s.ports, externalTrafficPolicy: 'Cluster' },
  };
}

/** The nine plain (non-gateway) Services of the page's table, in the page's order. */
export function demoPlainServices(): Service[] {
  return SERVICES.map(toService);
}

export function demoPlexService(): Service {
  return toService(PLEX);
}
