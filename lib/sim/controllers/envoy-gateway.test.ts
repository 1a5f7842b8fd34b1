import { afterEach, describe, expect, it } from 'vitest';
import type { Gateway, Service } from '../../cilium/objects';
import { startEmbeddedCluster, type EmbeddedCluster } from '../embedded';
import { envoyServiceName } from '../seeds/envoy-naming';

// The simulated Envoy Gateway inside the embedded cluster: a Gateway's infrastructure annotations
// reach LB-IPAM through the proxy Service, and the address comes back in the Gateway's status.

const GW = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' };
const SVC = { apiVersion: 'v1', kind: 'Service' };
let cluster: EmbeddedCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

const gateway = (name: string, className: string, ip: string): Gateway => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name, namespace: 'networking' },
  spec: {
    gatewayClassName: className,
    infrastructure: { annotations: { 'lbipam.cilium.io/ips': ip } },
    listeners: [
      { name: 'https', protocol: 'HTTPS', port: 443 },
      { name: 'dns', protocol: 'UDP', port: 53 },
    ],
  },
});

describe('EnvoyGatewayController', () => {
  it('reports the demo gateways addresses and creates no duplicate Services', async () => {
    cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
    for (const [name, ip] of [
      ['envoy-internal', '192.168.0.238'],
      ['envoy-external', '192.168.0.239'],
    ]) {
      const gw = cluster.store.get({ ...GW, namespace: 'networking', name }) as unknown as Gateway;
      expect(gw.status?.addresses).toEqual([{ type: 'IPAddress', value: ip }]);
      expect(gw.status?.conditions?.find((c) => c.type === 'Programmed')?.status).toBe('True');
    }
    const proxies = cluster.store.list(SVC, {
      labelSelector: 'app.kubernetes.io/managed-by=envoy-gateway',
    }).items;
    expect(proxies).toHaveLength(2);
  });

  it('creates the proxy Service for a new Gateway, gets it an address, and removes it with the Gateway', async () => {
    cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
    cluster.store.create(gateway('envoy-iot', 'envoy', '192.168.0.223'));
    await cluster.settle();
    const name = envoyServiceName('networking', 'envoy-iot');
    const svc = cluster.store.get({ ...SVC, namespace: 'networking', name }) as unknown as Service;
    expect(svc.metadata.annotations).toEqual({ 'lbipam.cilium.io/ips': '192.168.0.223' });
    expect(svc.metadata.labels).toMatchObject({
      'gateway.envoyproxy.io/owning-gateway-name': 'envoy-iot',
      'gateway.envoyproxy.io/owning-gateway-namespace': 'networking',
      'app.kubernetes.io/managed-by': 'envoy-gateway',
    });
    expect(svc.spec.ports?.map((p) => [p.protocol, p.port, p.targetPort])).toEqual([
      ['TCP', 443, 10443],
      ['UDP', 53, 10053],
    ]);
    expect(svc.status?.loadBalancer?.ingress).toEqual([{ ip: '192.168.0.223' }]);
    const gw = cluster.store.get({ ...GW, namespace: 'networking', name: 'envoy-iot' }) as unknown as Gateway;
    expect(gw.status?.addresses).toEqual([{ type: 'IPAddress', value: '192.168.0.223' }]);

    cluster.store.delete({ ...GW, namespace: 'networking', name: 'envoy-iot' });
    await cluster.settle();
    expect(cluster.store.get({ ...SVC, namespace: 'networking', name })).toBeUndefined();
  });

  it('leaves Gateways of other controllers alone', async () => {
    cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
    cluster.store.create({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'other' },
      spec: { controllerName: 'example.com/gateway-controller' },
    });
    cluster.store.create(gateway('cilium-gw', 'other', '192.168.0.224'));
    await cluster.settle();
    expect(
      cluster.store.get({
        ...SVC,
        namespace: 'networking',
        name: envoyServiceName('networking', 'cilium-gw'),
      }),
    ).toBeUndefined();
  });
});
