import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorFor, readReserveForm } from './form';
import { placeholderName, RESERVATION_LABEL, reserveObject, reserveYaml } from './generate';
import { readBack, ReadBackError } from './read-back';
import type { ReserveForm, ReserveInput } from './types';

// The generators and their checks: what a person types becomes YAML that parses back to exactly
// what they meant, or a message on the field that is wrong — never YAML with a stray key in it.

const base: ReserveForm = {
  target: 'service',
  pool: 'pool',
  ip: '192.168.0.223',
  name: 'my-service',
  namespace: 'media',
  ports: '8080/TCP',
};

function input(over: ReserveForm = {}): ReserveInput {
  const r = readReserveForm({ ...base, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.input;
}

function errors(over: ReserveForm) {
  const r = readReserveForm({ ...base, ...over });
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.input)}`);
  return r.errors;
}

describe('the four targets', () => {
  it("a Service is the seed page's shape, the address double-quoted", () => {
    const yaml = reserveYaml(input());
    expect(yaml).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: my-service',
        '  namespace: media',
        '  annotations:',
        '    lbipam.cilium.io/ips: "192.168.0.223"',
        'spec:',
        '  type: LoadBalancer',
        '  ports:',
        '    - port: 8080',
        '      protocol: TCP',
        '',
      ].join('\n'),
    );
  });

  it('an Envoy Gateway carries the address in spec.infrastructure.annotations, one listener per port', () => {
    const obj = parse(reserveYaml(input({ target: 'gateway', ports: '443/HTTPS, http=80/HTTP' })));
    expect(obj).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'my-service', namespace: 'media' },
      spec: {
        gatewayClassName: 'envoy',
        infrastructure: { annotations: { 'lbipam.cilium.io/ips': '192.168.0.223' } },
        listeners: [
          { name: 'https-443', protocol: 'HTTPS', port: 443 },
          { name: 'http', protocol: 'HTTP', port: 80 },
        ],
      },
    });
    expect(obj.metadata.annotations).toBeUndefined();
  });

  it('app-template values: service.<id> with controller, type, annotations and named ports', () => {
    const obj = parse(
      reserveYaml(
        input({ target: 'app-template', ports: 'http=8080/TCP, mdns=5353/UDP', serviceId: 'main' }),
      ),
    );
    expect(obj).toEqual({
      service: {
        main: {
          controller: 'my-service',
          type: 'LoadBalancer',
          annotations: { 'lbipam.cilium.io/ips': '192.168.0.223' },
          ports: { http: { port: 8080 }, mdns: { port: 5353, protocol: 'UDP' } },
        },
      },
    });
    // One unnamed port is `http`, as on the seed page.
    expect(parse(reserveYaml(input({ target: 'app-template' }))).service.app.ports).toEqual({
      http: { port: 8080 },
    });
  });

  it('a placeholder is a selector-less LoadBalancer Service labelled as a reservation, holding no node ports', () => {
    const obj = parse(reserveYaml(input({ target: 'placeholder', purpose: 'Frigate "NVR": cameras #2' })));
    expect(obj.metadata.name).toBe('reserved-192-168-0-223');
    expect(obj.metadata.labels).toEqual({ [RESERVATION_LABEL]: 'true' });
    expect(obj.metadata.annotations).toEqual({
      'lbipam.cilium.io/ips': '192.168.0.223',
      'dashboard.lbipam.io/display-name': 'my-service (reserved)',
      'dashboard.lbipam.io/type': 'Reservation',
      'dashboard.lbipam.io/notes': 'Reserved: Frigate "NVR": cameras #2',
      'dashboard.lbipam.io/reserved-for': 'media/my-service',
    });
    expect(obj.spec.selector).toBeUndefined();
    expect(obj.spec.allocateLoadBalancerNodePorts).toBe(false);
  });

  it('a placeholder is named after its address, so one address has one placeholder per namespace', () => {
    expect(placeholderName('192.168.0.223')).toBe('reserved-192-168-0-223');
    expect(placeholderName('2001:db8::10')).toBe('reserved-2001-db8--10');
    expect(placeholderName('2001:db8::')).toBe('reserved-2001-db8--0');
    for (const ip of ['192.168.0.223', '2001:db8::10', '2001:db8::'])
      expect(readReserveForm({ ...base, name: placeholderName(ip) }).ok).toBe(true);
  });

  it.each(['service', 'gateway', 'app-template', 'placeholder'] as const)(
    '%s: the YAML parses back to the object it was written from, and reads back as the same request',
    (target) => {
      const i = input({
        target,
        ports: target === 'gateway' ? 'https=443/HTTPS' : 'mqtt=1883/TCP',
        labels: 'app.kubernetes.io/name=my-service, enabled=true, build=1883',
        sharingKey: 'shared-1',
        shareWith: 'home-automation, media',
        etp: target === 'gateway' ? '' : 'Cluster',
      });
      const yaml = reserveYaml(i);
      expect(parse(yaml)).toEqual(reserveObject(i));
      const back = readBack(yaml, i);
      expect(back.service.metadata.annotations).toMatchObject({
        'lbipam.cilium.io/ips': '192.168.0.223',
        'lbipam.cilium.io/sharing-key': 'shared-1',
        'lbipam.cilium.io/sharing-cross-namespace': 'home-automation,media',
      });
      // Label values that look like a boolean or a number stay strings (quoted).
      expect(back.service.metadata.labels).toMatchObject({ enabled: 'true', build: '1883' });
      expect(yaml).toContain('enabled: "true"');
      expect(back.service.spec.type).toBe('LoadBalancer');
      expect(back.service.metadata.namespace).toBe('media');
      if (target === 'gateway') expect(back.gateway).toBe('media/my-service');
    },
  );
});

describe('flags Cilium treats differently end up in the YAML exactly as given', () => {
  it.each([
    [{}, { type: 'LoadBalancer' }],
    [{ lbClass: 'io.cilium/l2-announcer' }, { loadBalancerClass: 'io.cilium/l2-announcer' }],
    [{ lbClass: 'io.cilium/bgp-control-plane' }, { loadBalancerClass: 'io.cilium/bgp-control-plane' }],
    [{ lbClass: 'example.com/other-lb' }, { loadBalancerClass: 'example.com/other-lb' }],
    [{ etp: 'Local' }, { externalTrafficPolicy: 'Local' }],
    [{ etp: 'Cluster' }, { externalTrafficPolicy: 'Cluster' }],
  ] as const)('%j → spec %j', (over, spec) => {
    const obj = parse(reserveYaml(input(over)));
    expect(obj.spec).toMatchObject(spec);
    if (!('lbClass' in over)) expect(obj.spec.loadBalancerClass).toBeUndefined();
  });

  it('no sharing key writes no sharing annotations; a key alone, and a key with every namespace (*)', () => {
    expect(Object.keys(parse(reserveYaml(input())).metadata.annotations)).toEqual(['lbipam.cilium.io/ips']);
    expect(parse(reserveYaml(input({ sharingKey: 'k' }))).metadata.annotations).toEqual({
      'lbipam.cilium.io/ips': '192.168.0.223',
      'lbipam.cilium.io/sharing-key': 'k',
    });
    expect(
      parse(reserveYaml(input({ sharingKey: 'k', shareWith: '*' }))).metadata.annotations[
        'lbipam.cilium.io/sharing-cross-namespace'
      ],
    ).toBe('*');
  });

  it('an IPv6 address is written in its canonical form', () => {
    expect(input({ ip: '2001:DB8:0:0::10' }).ip).toBe('2001:db8::10');
  });
});

describe('bad input: a message on the field, no YAML', () => {
  it.each([
    ['', 'required'],
    ['My-Service', 'lower-case letters'],
    ['1password', 'starting with a letter'],
    ['a'.repeat(64), 'at most 63 characters'],
    ['web\n  annotations:', 'it contains a newline'],
    ['web"x', `it contains '"'`],
    ["web'x", `it contains '''`],
    ['web: x', 'it contains'],
    ['web#x', `it contains '#'`],
  ])('name %j → %s', (name, message) => {
    expect(errorFor(errors({ name }), 'name')).toContain(message);
  });

  it('every field is checked at once, each error on its own field', () => {
    const e = errors({
      name: 'ok-name',
      namespace: 'Media',
      ip: '192.168.0.300',
      ports: '0/TCP',
      labels: 'app=a b',
      etp: 'Sometimes',
      lbClass: 'l2-announcer',
      sharingKey: 'key"; rm -rf',
      purpose: 'line one\nline two',
    });
    expect(e.map((x) => x.field).sort()).toEqual(
      ['etp', 'ip', 'labels', 'lbClass', 'namespace', 'ports', 'purpose', 'sharingKey'].sort(),
    );
    expect(errorFor(e, 'ip')).toBe("'192.168.0.300' is not an IPv4 or IPv6 address");
    expect(errorFor(e, 'lbClass')).toContain('needs a domain prefix');
    expect(errorFor(e, 'purpose')).toContain('a newline');
  });

  it.each([
    ['', 'at least one port'],
    ['70000/TCP', 'the port must be 1–65535'],
    ['80/HTTP', 'TCP, UDP, SCTP'],
    ['80/TCP, 80/TCP', '80/TCP is listed twice'],
    ['80/TCP, 53/UDP', 'each needs a name'],
    ['a=80/TCP, a=81/TCP', "two ports are named 'a'"],
    ['Http=80', 'lower-case'],
    ['eighty', 'expected [name=]port[/PROTOCOL]'],
  ])('ports %j → %s', (ports, message) => {
    expect(errorFor(errors({ ports }), 'ports')).toContain(message);
  });

  it('TCP/80 and UDP/80 are two ports (they may even share an address); names may repeat neither', () => {
    expect(input({ ports: 'tcp=80/TCP, udp=80/UDP' }).ports).toHaveLength(2);
  });

  it('a Gateway listener takes Gateway API protocols, and a name from its protocol and port', () => {
    expect(input({ target: 'gateway', ports: '443, 80/HTTP, 8883/TLS' }).ports).toEqual([
      { name: 'https-443', port: 443, protocol: 'HTTPS' },
      { name: 'http-80', port: 80, protocol: 'HTTP' },
      { name: 'tls-8883', port: 8883, protocol: 'TLS' },
    ]);
    expect(errorFor(errors({ target: 'gateway', ports: '443/SCTP' }), 'ports')).toContain('HTTP, HTTPS');
  });

  it('sharing across namespaces needs a key; namespaces are names or *', () => {
    expect(errorFor(errors({ shareWith: 'media' }), 'shareWith')).toContain('needs a sharing key');
    expect(errorFor(errors({ sharingKey: 'k', shareWith: 'media, Bad NS' }), 'shareWith')).toContain(
      "'Bad NS'",
    );
  });

  it('an unknown target, and app-template ids, are checked', () => {
    expect(errorFor(errors({ target: 'ingress' }), 'target')).toContain('service, gateway');
    expect(errorFor(errors({ target: 'app-template', serviceId: 'Main' }), 'serviceId')).toBeTruthy();
  });
});

describe('read back', () => {
  it('refuses YAML that does not say what was meant', () => {
    const i = input();
    const other = reserveYaml({ ...i, ip: '192.168.0.224' });
    expect(() => readBack(other, i)).toThrow(ReadBackError);
    expect(() => readBack(`${reserveYaml(i)}---\n${reserveYaml(i)}`, i)).toThrow('exactly one YAML document');
    expect(() => readBack('kind: [', i)).toThrow('does not parse');
  });
});
