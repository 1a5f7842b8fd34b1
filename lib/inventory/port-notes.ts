import type { ServicePort } from '../cilium/objects';

// The Notes column falls back to what a Service's ports say about it ("LDAP on port 389"), so an
// unannotated Service still reads like the user's own allocation table.

/** Protocol names as people write them; anything else is upper-cased when short, capitalised when long. */
const DISPLAY: Record<string, string> = {
  http: 'HTTP',
  https: 'HTTPS',
  http2: 'HTTP/2',
  h2c: 'H2C',
  grpc: 'gRPC',
  dns: 'DNS',
  ldap: 'LDAP',
  ldaps: 'LDAPS',
  mqtt: 'MQTT',
  mqtts: 'MQTTS',
  matter: 'Matter',
  ssh: 'SSH',
  smtp: 'SMTP',
  smtps: 'SMTPS',
  imap: 'IMAP',
  imaps: 'IMAPS',
  ntp: 'NTP',
  syslog: 'Syslog',
  ws: 'WebSocket',
  wss: 'WebSocket (TLS)',
  websocket: 'WebSocket',
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  smb: 'SMB',
  nfs: 'NFS',
  rtsp: 'RTSP',
  sip: 'SIP',
  coap: 'CoAP',
  metrics: 'Metrics',
};

/** Well-known ports. 8123 (Home Assistant) and 8096 (Jellyfin) are deliberately absent: only their port name says HTTP. */
const WELL_KNOWN_PORTS: Record<number, string> = {
  22: 'SSH',
  25: 'SMTP',
  53: 'DNS',
  80: 'HTTP',
  123: 'NTP',
  389: 'LDAP',
  443: 'HTTPS',
  514: 'Syslog',
  636: 'LDAPS',
  853: 'DNS over TLS',
  1883: 'MQTT',
  3306: 'MySQL',
  5353: 'mDNS',
  5432: 'PostgreSQL',
  5580: 'Matter',
  6379: 'Redis',
  8883: 'MQTTS',
};

/** Names that only repeat the transport or say what the port is for, not which protocol it speaks. */
const TRANSPORT_ONLY = new Set([
  'tcp',
  'udp',
  'sctp',
  'port',
  'main',
  'default',
  'app',
  'service',
  'svc',
  'web',
  'api',
  'ui',
  'admin',
  'server',
  'public',
  'private',
  'internal',
  'external',
  'listener',
  'data',
]);

/** "mqtt" → "MQTT", "matter" → "Matter", "dns-tcp" → "DNS", "kubernetes.io/h2c" → "H2C". */
export function protocolLabel(raw: string | undefined): string | null {
  if (!raw) return null;
  const base = raw.slice(raw.lastIndexOf('/') + 1).toLowerCase();
  if (!base || TRANSPORT_ONLY.has(base)) return null;
  if (DISPLAY[base]) return DISPLAY[base];
  // "dns-tcp", "http-web", "tcp-dns": the first informative token names the protocol.
  const tokens = base.split(/[-_.]/).filter((t) => t && !TRANSPORT_ONLY.has(t) && !/^\d+$/.test(t));
  if (tokens.length === 0) return null;
  const first = tokens[0];
  if (DISPLAY[first]) return DISPLAY[first];
  if (tokens.length > 1) return null; // "web-ui-admin": a name, not a protocol; do not guess.
  return first.length <= 5 ? first.toUpperCase() : first[0].toUpperCase() + first.slice(1);
}

/** What one port is, by appProtocol, then its name, then the well-known table. */
export function portLabel(port: ServicePort): string | null {
  return protocolLabel(port.appProtocol) ?? protocolLabel(port.name) ?? WELL_KNOWN_PORTS[port.port] ?? null;
}

const transport = (p: ServicePort) => (p.protocol || 'TCP').toUpperCase();

/**
 * One port: "MQTT on port 1883". Several: "DNS on port 53 (UDP, TCP)" when they are one port
 * number under several transports, else "HTTP 80, HTTPS 443". Nothing recognisable: null.
 */
export function portNotes(ports: ServicePort[] | undefined): string | null {
  if (!ports || ports.length === 0) return null;
  if (ports.length === 1) {
    const label = portLabel(ports[0]);
    return label ? `${label} on port ${ports[0].port}` : null;
  }
  const labelled = ports.map((p) => ({ port: p, label: portLabel(p) }));
  if (labelled.every((l) => l.label === null)) return null;
  const numbers = new Set(ports.map((p) => p.port));
  const labels = new Set(labelled.map((l) => l.label ?? ''));
  if (numbers.size === 1 && labels.size === 1) {
    const transports = [...new Set(ports.map(transport))];
    return `${labelled[0].label} on port ${ports[0].port} (${transports.join(', ')})`;
  }
  const items: string[] = [];
  for (const { port, label } of labelled) {
    const item = label ? `${label} ${port.port}` : `${port.port}/${transport(port)}`;
    if (!items.includes(item)) items.push(item);
  }
  return items.join(', ');
}
