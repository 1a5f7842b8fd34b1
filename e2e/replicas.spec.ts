import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { applyPool, deletePool, kubectlOk } from './support/kubectl';
import { e2eKubeconfig, replicaPorts } from './support/paths';

// The dashboard keeps no state of its own, so it scales out as replicas: two dashboards of one
// cluster (the demo's, by its kubeconfig) serve the same inventory, and when one is lost the other
// goes on following the cluster.

const POOL = 'e2e-replicas';
const servers: ChildProcess[] = [];
const url = (port: number, p: string) => `http://127.0.0.1:${port}${p}`;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  await applyPool(POOL, '192.0.2.32/29');
  for (const port of replicaPorts)
    servers.push(
      spawn(process.execPath, ['bin/lbipam.mjs', 'start', '--host', '127.0.0.1', '--port', String(port)], {
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', KUBECONFIG: path.resolve(e2eKubeconfig) },
      }),
    );
  for (const port of replicaPorts)
    await expect
      .poll(async () => (await fetch(url(port, '/api/health?ready=1')).catch(() => null))?.status ?? 0, {
        timeout: 120_000,
        intervals: [500],
      })
      .toBe(200);
});

test.afterAll(async () => {
  for (const s of servers) {
    try {
      if (s.pid) process.kill(-s.pid, 'SIGTERM');
    } catch {
      // already gone (the lost replica)
    }
  }
  await deletePool(POOL);
});

/** Every pool's table as the replica exports it, without the moment it was built. */
const table = async (port: number) => {
  const doc = (await (await fetch(url(port, '/api/export?format=json'))).json()) as Record<string, unknown>;
  delete doc.generatedAt;
  return JSON.stringify(doc);
};
const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
  labels:
    e2e.lbipam.io/pool: ${POOL}
spec:
  type: LoadBalancer
  ports:
  - port: 80
`;

test('two replicas serve the same inventory, and one goes on when the other is lost', async () => {
  test.setTimeout(90_000);
  await kubectlOk(['apply', '-f', '-'], service('e2e-replica-a'));
  await expect.poll(() => table(replicaPorts[0]), { timeout: 15_000 }).toContain('e2e-replica-a');
  await expect.poll(() => table(replicaPorts[1]), { timeout: 15_000 }).toContain('e2e-replica-a');
  expect(await table(replicaPorts[0])).toBe(await table(replicaPorts[1]));

  // One replica lost (killed, as a node failure would).
  const lost = servers[0]!;
  process.kill(-lost.pid!, 'SIGKILL');
  await expect
    .poll(async () => (await fetch(url(replicaPorts[0], '/api/health')).catch(() => null))?.status ?? 0)
    .toBe(0);

  await kubectlOk(['apply', '-f', '-'], service('e2e-replica-b'));
  await expect.poll(() => table(replicaPorts[1]), { timeout: 15_000 }).toContain('e2e-replica-b');
  expect((await fetch(url(replicaPorts[1], '/api/health?ready=1'))).status).toBe(200);
  await kubectlOk(['delete', 'service', '-n', 'default', 'e2e-replica-a', 'e2e-replica-b', '--wait=false']);
});
