import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectl, kubectlOk } from './support/kubectl';

// Alerts produced for real in the embedded demo cluster, as a user would provoke them with kubectl,
// read on the Alerts screen, and gone again once the cluster is put back. Each test cleans up
// after itself: the other specs share this cluster.

const cleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

async function apply(yaml: string): Promise<void> {
  await kubectlOk(['apply', '-f', '-'], yaml);
}

function lbService(
  ns: string,
  name: string,
  extra: { ip?: string; local?: boolean; app?: string } = {},
): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
${extra.ip ? `  annotations:\n    lbipam.cilium.io/ips: "${extra.ip}"\n` : ''}spec:
  type: LoadBalancer
  externalTrafficPolicy: ${extra.local ? 'Local' : 'Cluster'}
${extra.app ? `  selector:\n    app: ${extra.app}\n` : ''}  ports:
  - name: http
    port: 80
    protocol: TCP
`;
}

/** The demo pool's blocks, replaced whole (a merge patch replaces lists). */
const setPoolBlocks = (blocks: unknown) =>
  kubectlOk([
    'patch',
    'ciliumloadbalancerippool',
    'pool',
    '--type=merge',
    '-p',
    JSON.stringify({ spec: { blocks } }),
  ]);

async function alertsScreen(page: Page): Promise<DashboardPage> {
  const dash = new DashboardPage(page);
  await page.goto('/alerts');
  await dash.waitLive();
  return dash;
}

test('a Service asking for a held address: who holds it, and which addresses are free instead', async ({
  page,
}) => {
  await kubectlOk(['create', 'namespace', 'e2e-rules-a']);
  cleanups.push(() => kubectl(['delete', 'namespace', 'e2e-rules-a', '--wait=false']));
  await apply(lbService('e2e-rules-a', 'grabber', { ip: '192.168.0.238' }));
  cleanups.push(() => kubectl(['-n', 'e2e-rules-a', 'delete', 'service', 'grabber']));

  const dash = await alertsScreen(page);
  const alert = dash.alert('e2e-rules-a/grabber');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveAttribute('data-severity', 'error');
  await expect(alert.getByTestId('alert-detail')).toContainText(
    '192.168.0.238 is held by networking/envoy-networking-envoy-internal-1ca51abe (envoy-internal)',
  );
  await expect(alert.getByTestId('alert-fix')).toContainText(
    "free in pool 'pool': 192.168.0.223–225, 192.168.0.232–237",
  );

  await kubectlOk(['-n', 'e2e-rules-a', 'delete', 'service', 'grabber']);
  await expect(alert).toHaveCount(0);
});

test('a pool without a free address makes a generic Service out_of_ips; giving the address back clears it', async ({
  page,
}) => {
  const original = await kubectlOk([
    'get',
    'ciliumloadbalancerippool',
    'pool',
    '-o',
    'jsonpath={.spec.blocks}',
  ]);
  // Only the addresses that are held stay in the pool: not one is left free.
  const held = [
    { start: '192.168.0.220', stop: '192.168.0.222' },
    { start: '192.168.0.226', stop: '192.168.0.231' },
    { start: '192.168.0.238', stop: '192.168.0.239' },
  ];
  await setPoolBlocks(held);
  cleanups.push(() => setPoolBlocks(JSON.parse(original)));
  await kubectlOk(['create', 'namespace', 'e2e-rules-b']);
  cleanups.push(() => kubectl(['delete', 'namespace', 'e2e-rules-b', '--wait=false']));
  await apply(lbService('e2e-rules-b', 'latecomer'));
  cleanups.push(() => kubectl(['-n', 'e2e-rules-b', 'delete', 'service', 'latecomer']));

  const dash = await alertsScreen(page);
  const alert = dash.alert('e2e-rules-b/latecomer');
  await expect(alert).toHaveCount(1);
  // Cilium's reason is out_of_ips: every pool that selects it is full.
  await expect(alert.getByTestId('alert-detail')).toContainText("('pool') has no free address left");
  await expect(dash.alert("Pool 'pool' is full")).toHaveCount(1);

  await setPoolBlocks(JSON.parse(original));
  await expect(alert).toHaveCount(0, { timeout: 10_000 });
});

test('an externalTrafficPolicy: Local Service whose only Pod runs on a node no policy selects: nobody announces it', async ({
  page,
}) => {
  // A Ready node without the label the demo's policy selects on (kubernetes.io/os: linux).
  await apply(`apiVersion: v1
kind: Node
metadata:
  name: e2e-edge-1
  labels:
    kubernetes.io/hostname: e2e-edge-1
spec:
  podCIDR: 10.42.9.0/24
`);
  cleanups.push(() => kubectl(['delete', 'node', 'e2e-edge-1']));
  await kubectlOk([
    'patch',
    'node',
    'e2e-edge-1',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] } }),
  ]);
  await kubectlOk(['create', 'namespace', 'e2e-rules-c']);
  cleanups.push(() => kubectl(['delete', 'namespace', 'e2e-rules-c', '--wait=false']));
  await apply(`apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: e2e-rules-c
  labels:
    app: web
spec:
  nodeName: e2e-edge-1
  containers:
  - name: web
    image: example.com/web:1
`);
  cleanups.push(() => kubectl(['-n', 'e2e-rules-c', 'delete', 'pod', 'web-0']));
  await apply(lbService('e2e-rules-c', 'web', { local: true, app: 'web' }));
  cleanups.push(() => kubectl(['-n', 'e2e-rules-c', 'delete', 'service', 'web']));

  const dash = await alertsScreen(page);
  const alert = dash.alert('Nobody announces e2e-rules-c/web');
  await expect(alert).toHaveCount(1, { timeout: 10_000 });
  await expect(alert).toHaveAttribute('data-severity', 'error');
  await expect(alert.getByTestId('alert-detail')).toContainText(
    'On Cilium 1.20.2, only a node with a local endpoint may announce',
  );
  await expect(alert.getByTestId('alert-detail')).toContainText(
    'the endpoints of e2e-rules-c/web run on e2e-edge-1',
  );
  // No lease exists for it: the agents never contend.
  const leases = await kubectlOk(['-n', 'kube-system', 'get', 'leases', '-o', 'name']);
  expect(leases).not.toContain('cilium-l2announce-e2e-rules-c-web');

  // Labelling the node so the policy selects it fixes it: the lease appears, the alert goes.
  await kubectlOk(['label', 'node', 'e2e-edge-1', 'kubernetes.io/os=linux']);
  await expect(alert).toHaveCount(0, { timeout: 10_000 });
});

test('the demo lab: the Cilium Gateway nobody announces, and the shared address two nodes answer for', async ({
  page,
}) => {
  const dash = await alertsScreen(page);
  const gateway = dash.alert('Nobody announces Gateway lab/edge');
  await expect(gateway).toHaveCount(1);
  await expect(gateway.getByTestId('alert-detail')).toContainText('has no nodeName');
  await expect(gateway.getByTestId('alert-fix')).toHaveText(
    "Set externalTrafficPolicy: Cluster on the Gateway's Service (Gateway lab/edge).",
  );
  const split = dash.alert('192.168.10.2 is announced by 2 nodes at once');
  await expect(split).toHaveCount(1);
  await expect(split).toHaveAttribute('data-severity', 'warning');
});
