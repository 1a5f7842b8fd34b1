// sim.list_10k_services_ms: listing 10,000 Services from the embedded API server through
// client-node's CoreV1Api (HTTP, JSON decode, model deserialization), median of several runs.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startApiServer } from '../lib/sim/server';
import { createStore } from '../lib/sim/store';

const SERVICES = 10_000;
const RUNS = 7;

export async function run(): Promise<{ name: string; value: number; unit: string }[]> {
  const store = createStore();
  for (const ns of ['apps', 'media', 'infra'])
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const namespaces = ['default', 'apps', 'media', 'infra'];
  for (let i = 0; i < SERVICES; i++) {
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: `svc-${i}`,
        namespace: namespaces[i % namespaces.length],
        labels: { app: `app-${i % 50}` },
      },
      spec: {
        type: i % 3 === 0 ? 'ClusterIP' : 'LoadBalancer',
        allocateLoadBalancerNodePorts: false,
        selector: { app: `app-${i % 50}` },
        ports: [{ name: 'http', port: 80 }],
      },
    });
  }
  const server = await startApiServer({ store, port: 0 });
  try {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'sim', server: server.url, skipTLSVerify: true }],
      users: [{ name: 'sim', token: 'bench' }],
      contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
      currentContext: 'sim',
    });
    const api = kc.makeApiClient(CoreV1Api);
    const times: number[] = [];
    for (let r = 0; r < RUNS + 1; r++) {
      const t0 = performance.now();
      const list = await api.listServiceForAllNamespaces();
      const dt = performance.now() - t0;
      if (list.items.length !== SERVICES)
        throw new Error(`expected ${SERVICES} services, got ${list.items.length}`);
      if (r > 0) times.push(dt); // the first run warms up the JIT and the JSON cache
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: 'sim.list_10k_services_ms',
        value: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
        unit: 'ms',
      },
    ];
  } finally {
    await server.close();
  }
}
