import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPostgres, type TestPostgres } from '../lib/history/testing/postgres';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';
import { demoPort, e2eKubeconfig } from './support/paths';

// Two dashboard replicas of the demo cluster against one PostgreSQL (started here, on loopback, in
// a temporary directory): the holder of a Lease in the cluster records, the other reads, and an
// address allocated meanwhile is in both replicas' IP pages exactly once.

const POOL = 'e2e-history-replicas';
const LABEL = 'e2e.lbipam.io/history-replicas';
const IP = '10.253.0.2';
const LEASE = 'lbipam-history-e2e';
const ports = [demoPort + 5, demoPort + 6];
const unreachablePort = demoPort + 7;

const objects = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${POOL}
spec:
  blocks:
    - cidr: 10.253.0.0/29
  serviceSelector:
    matchLabels:
      ${LABEL}: "true"
---
apiVersion: v1
kind: Service
metadata:
  name: e2e-repl
  namespace: default
  labels:
    ${LABEL}: "true"
  annotations:
    lbipam.cilium.io/ips: "${IP}"
spec:
  type: LoadBalancer
  ports:
    - name: http
      port: 80
      protocol: TCP
`;

let pg: TestPostgres | null = null;
const servers: ChildProcess[] = [];

function replica(
  port: number,
  identity: string,
  url: string,
  extra: Record<string, string> = {},
): ChildProcess {
  const child = spawn(
    process.execPath,
    ['bin/lbipam.mjs', 'start', '--host', '127.0.0.1', '--port', String(port)],
    {
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        KUBECONFIG: path.resolve(e2eKubeconfig),
        DATABASE_URL: url,
        LBIPAM_HISTORY_LEASE: `default/${LEASE}`,
        LBIPAM_HISTORY_IDENTITY: identity,
        ...extra,
      },
    },
  );
  servers.push(child);
  return child;
}

const statusOf = async (port: number): Promise<string> => {
  const res = await fetch(`http://127.0.0.1:${port}/api/history/status`).catch(() => null);
  return res?.ok ? ((await res.json()) as { state: string }).state : 'down';
};

test.afterAll(async () => {
  for (const s of servers) if (s.pid) process.kill(-s.pid, 'SIGTERM');
  await kubectl(['delete', 'service', '-n', 'default', '--ignore-not-found', 'e2e-repl']);
  await kubectl(['delete', 'ciliumloadbalancerippools', POOL, '--ignore-not-found']);
  await kubectl(['delete', 'lease', '-n', 'default', '--ignore-not-found', LEASE]);
  await pg?.stop();
});

test('two replicas against one database: one records, both show each change once', async ({ page }) => {
  test.setTimeout(150_000);
  pg = await startPostgres();
  replica(ports[0], 'replica-a', pg.url);
  replica(ports[1], 'replica-b', pg.url);
  const states = async () => (await Promise.all(ports.map(statusOf))).sort().join(',');
  await expect.poll(states, { timeout: 90_000, intervals: [500] }).toBe('reading,recording');
  const holder = (
    await kubectlOk(['get', 'lease', '-n', 'default', LEASE, '-o', 'jsonpath={.spec.holderIdentity}'])
  ).trim();
  expect(['replica-a', 'replica-b']).toContain(holder);

  const { file, remove } = manifestFile('history-replicas.yaml', objects);
  try {
    await kubectlOk(['apply', '-f', file]);
  } finally {
    remove();
  }
  for (const port of ports) {
    await page.goto(`http://127.0.0.1:${port}/ips/${IP}`);
    const history = page.getByRole('region', { name: 'History' });
    const allocated = history
      .getByTestId('change-text')
      .filter({ hasText: `${IP} allocated to default/e2e-repl` });
    await expect(allocated).toHaveCount(1, { timeout: 15_000 });
    // Give a second recorder, were there one, time to write its copy: there is none.
    await page.waitForTimeout(1_000);
    await page.reload();
    await expect(allocated).toHaveCount(1, { timeout: 15_000 });
  }
  // The replica that reads says so in its header.
  const reader = (await statusOf(ports[0])) === 'reading' ? ports[0] : ports[1];
  await page.goto(`http://127.0.0.1:${reader}/`);
  await expect(page.getByTestId('history-status')).toHaveAttribute('data-state', 'reading');
});

test('a database that does not answer: the dashboard works on without history and says so', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Nothing listens on port 9 of loopback (discard): every connection is refused.
  replica(unreachablePort, 'lonely', 'postgres://lbipam@127.0.0.1:9/lbipam', { LBIPAM_HISTORY_LEASE: '' });
  await expect
    .poll(() => statusOf(unreachablePort), { timeout: 90_000, intervals: [500] })
    .toBe('unavailable');
  const base = `http://127.0.0.1:${unreachablePort}`;
  await page.goto(`${base}/addresses`);
  await expect(page.getByTestId('allocation-table').filter({ visible: true })).toBeVisible();
  const badge = page.getByTestId('history-status');
  await expect(badge).toHaveAttribute('data-state', 'unavailable');
  await expect(badge).toHaveText('no history');
  await expect(badge.locator('[title]')).toHaveAttribute(
    'title',
    /cannot open the history database: .*ECONNREFUSED/,
  );
  await page.goto(`${base}/ips/192.168.0.229`);
  await expect(page.getByTestId('ip-owner').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByTestId('history-error')).toContainText(
    'history is not available',
  );
  const res = await page.request.get(`${base}/api/history?ip=192.168.0.229`);
  expect(res.status()).toBe(503);
  expect((await res.json()).code).toBe('history');
});
