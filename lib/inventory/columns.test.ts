import { describe, expect, it } from 'vitest';
import type { Gateway, Service, ServicePort } from '../cilium/objects';
import { indexGateways, joinColumn, serviceColumns } from './columns';
import { portNotes, protocolLabel } from './port-notes';

const svc = (
  name: string,
  namespace: string,
  extra: Partial<Service['metadata']> = {},
  ports: ServicePort[] = [],
): Service => ({
  metadata: { name, namespace, ...extra },
  spec: { type: 'LoadBalancer', ports },
});

const envoyService = (gwName: string, gwNs: string): Service =>
  svc(
    `envoy-${gwNs}-${gwName}-abc123`,
    'envoy-gateway-system',
    {
      labels: {
        'gateway.envoyproxy.io/owning-gateway-name': gwName,
        'gateway.envoyproxy.io/owning-gateway-namespace': gwNs,
      },
    },
    [{ name: 'https', port: 443, protocol: 'TCP' }],
  );

const gateway = (
  name: string,
  namespace: string,
  infra?: Record<string, string>,
  meta?: Record<string, string>,
): Gateway => ({
  metadata: { name, namespace, annotations: meta },
  spec: { gatewayClassName: 'envoy', infrastructure: infra ? { annotations: infra } : undefined },
});

describe('serviceColumns', () => {
  it('prefers the display-name, type and notes annotations', () => {
    const s = svc(
      'coredns',
      'kube-system',
      {
        annotations: {
          'dashboard.lbipam.io/display-name': 'CoreDNS',
          'dashboard.lbipam.io/type': 'ClusterDNS',
          'dashboard.lbipam.io/notes': 'Fallback DNS',
        },
      },
      [{ name: 'dns', port: 53, protocol: 'UDP' }],
    );
    expect(serviceColumns(s, new Map())).toEqual({
      service: 'CoreDNS',
      namespace: 'kube-system',
      type: 'ClusterDNS',
      notes: 'Fallback DNS',
      gateway: null,
    });
  });

  it('falls back to the Service name, no type, and notes from its port', () => {
    const s = svc('lldap', 'security', {}, [{ name: 'ldap', port: 389, protocol: 'TCP' }]);
    expect(serviceColumns(s, new Map())).toEqual({
      service: 'lldap',
      namespace: 'security',
      type: null,
      notes: 'LDAP on port 389',
      gateway: null,
    });
  });

  it('names a gateway-generated Service after its Gateway, in the Gateway namespace, typed Gateway', () => {
    const gws = indexGateways([
      gateway('envoy-internal', 'networking', { 'dashboard.lbipam.io/notes': 'Internal services' }),
    ]);
    expect(serviceColumns(envoyService('envoy-internal', 'networking'), gws)).toEqual({
      service: 'envoy-internal',
      namespace: 'networking',
      type: 'Gateway',
      notes: 'Internal services',
      gateway: 'networking/envoy-internal',
    });
  });

  it('reads gateway notes from the Gateway metadata when infrastructure has none', () => {
    const gws = indexGateways([
      gateway('envoy-external', 'networking', undefined, {
        'dashboard.lbipam.io/notes': 'Cloudflare tunnel ingress',
      }),
    ]);
    expect(serviceColumns(envoyService('envoy-external', 'networking'), gws).notes).toBe(
      'Cloudflare tunnel ingress',
    );
  });

  it('still shows the Gateway name and port notes when the Gateway object is not visible', () => {
    const c = serviceColumns(envoyService('envoy-external', 'networking'), new Map());
    expect(c).toMatchObject({
      service: 'envoy-external',
      namespace: 'networking',
      type: 'Gateway',
      notes: 'HTTPS on port 443',
    });
  });

  it('lets the Service annotation win over the Gateway annotation', () => {
    const s = envoyService('gw', 'networking');
    s.metadata.annotations = { 'dashboard.lbipam.io/notes': 'from service' };
    const gws = indexGateways([gateway('gw', 'networking', { 'dashboard.lbipam.io/notes': 'from gateway' })]);
    expect(serviceColumns(s, gws).notes).toBe('from service');
  });
});

describe('portNotes', () => {
  it.each<[ServicePort[], string | null]>([
    [[{ name: 'http', port: 8123, protocol: 'TCP' }], 'HTTP on port 8123'],
    [[{ port: 8123, protocol: 'TCP' }], null], // 8123 is HTTP only via its name
    [[{ port: 8096, protocol: 'TCP' }], null],
    [[{ name: 'mqtt', port: 1883, protocol: 'TCP' }], 'MQTT on port 1883'],
    [[{ port: 1883, protocol: 'TCP' }], 'MQTT on port 1883'],
    [[{ name: 'matter', port: 5580, protocol: 'TCP' }], 'Matter on port 5580'],
    [[{ name: 'web', port: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }], 'H2C on port 8080'],
    [[{ name: 'tcp', port: 636, protocol: 'TCP' }], 'LDAPS on port 636'],
    [
      [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
      'DNS on port 53 (UDP, TCP)',
    ],
    [
      [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'https', port: 443, protocol: 'TCP' },
      ],
      'HTTP 80, HTTPS 443',
    ],
    [
      [
        { port: 9000, protocol: 'TCP' },
        { name: 'http', port: 80 },
      ],
      '9000/TCP, HTTP 80',
    ],
    [
      [
        { port: 9000, protocol: 'TCP' },
        { port: 9001, protocol: 'UDP' },
      ],
      null,
    ],
    [[], null],
  ])('%j → %s', (ports, expected) => {
    expect(portNotes(ports)).toBe(expected);
  });

  it('upper-cases short unknown protocols and capitalises long ones', () => {
    expect(protocolLabel('rtmp')).toBe('RTMP');
    expect(protocolLabel('webhook')).toBe('Webhook');
    expect(protocolLabel('web-ui-admin')).toBeNull();
    expect(protocolLabel('udp')).toBeNull();
    expect(protocolLabel('web')).toBeNull(); // a purpose, not a protocol: fall back to the port number
  });
});

describe('joinColumn', () => {
  it('lists every distinct holder value in order', () => {
    expect(joinColumn(['Pi-hole DNS', null, 'Unbound', 'Pi-hole DNS'])).toBe('Pi-hole DNS, Unbound');
    expect(joinColumn([null, null])).toBeNull();
  });
});
