import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectlOk } from './support/kubectl';

// The nodes screen as the user of `kubectl get lease | grep cilium-l2` would use it: which node
// answers for which address, how long it has, whether it renews, who else may take over; then the
// holder goes NotReady and the screen and the IP page follow. It moves an announcement, so it runs
// after every other spec (project "failover" in playwright.config.ts).

// Jellyfin: externalTrafficPolicy Cluster, so any Ready node may take its lease over (the demo's
// Envoy Gateways are Local: on its Cilium 1.20.2 only the node running their proxy may).
const IP = '192.168.0.229';

interface Svc {
  metadata: { namespace: string; name: string };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}

interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** The Service holding `address`, and the node holding its L2 lease, as kubectl reports them. */
async function holderOf(address: string): Promise<{ key: string; node: string }> {
  const list = JSON.parse(await kubectlOk(['get', 'svc', '-A', '-o', 'json'])) as { items: Svc[] };
  const svc = list.items.find((s) => s.status?.loadBalancer?.ingress?.some((i) => i.ip === address));
  if (!svc) throw new Error(`no Service holds ${address}`);
  const { namespace, name } = svc.metadata;
  const node = await kubectlOk([
    'get',
    'lease',
    '-n',
    'kube-system',
    `cilium-l2announce-${namespace}-${name}`,
    '-o',
    'jsonpath={.spec.holderIdentity}',
  ]);
  return { key: `${namespace}/${name}`, node: node.trim() };
}

async function readyConditions(node: string): Promise<NodeCondition[]> {
  const json = await kubectlOk(['get', 'node', node, '-o', 'json']);
  return (JSON.parse(json) as { status?: { conditions?: NodeCondition[] } }).status?.conditions ?? [];
}

async function setConditions(node: string, conditions: NodeCondition[]): Promise<void> {
  const patch = JSON.stringify({ status: { conditions } });
  await kubectlOk(['patch', 'node', node, '--subresource=status', '--type=merge', '-p', patch]);
}

const nodeRow = (page: Page, node: string) =>
  page.getByTestId('nodes-table').locator(`[data-testid="node-row"][data-node="${node}"]`);
const matrixRow = (page: Page, key: string) =>
  page.getByTestId('eligibility-matrix').locator(`[data-testid="eligibility-row"][data-service="${key}"]`);

let restore: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await restore?.();
  restore = undefined;
});

test('every node, what it announces, its leases and renewals, and who may announce each address', async ({
  page,
}) => {
  const { key, node } = await holderOf(IP);
  await page.goto('/');
  await new DashboardPage(page).waitLive();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/nodes$/);
  for (const n of ['pitower-1', 'pitower-2', 'pitower-3']) {
    await expect(nodeRow(page, n)).toHaveAttribute('data-ready', 'true');
    await expect(nodeRow(page, n).getByText('Ready', { exact: true })).toBeVisible();
  }
  // Each count against the mean of the nodes that may announce.
  await expect(page.getByTestId('nodes-mean')).toContainText(
    /mean \d+\.\d addresses over 3 nodes that may announce/,
  );
  const count = Number(await nodeRow(page, node).getByTestId('balance').getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);

  const toggle = nodeRow(page, node).getByRole('button', { name: node });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const leases = page.locator(`[data-testid="node-leases"][data-node="${node}"]`);
  await expect(leases.getByTestId('node-lease')).toHaveCount(count);
  const lease = leases.locator(`[data-testid="node-lease"][data-service="${key}"]`);
  await expect(lease.getByRole('link', { name: IP })).toBeVisible();
  await expect(lease).toContainText('held');
  // Renewals are read on demand (the inventory leaves renewTime out): every 2 s, of 15.
  await expect(lease).toContainText(/\d+\.\d s ago of 15 s/);
  await expect(leases).toContainText(/renewals as read at \d\d:\d\d:\d\d/);

  // The matrix: its holder, and one line once filtered to the address.
  await expect(matrixRow(page, key).locator(`td[data-node="${node}"]`)).toHaveAttribute('data-cell', 'holds');
  await page.getByRole('searchbox', { name: 'Filter announced addresses' }).fill(IP);
  await expect(page.getByTestId('eligibility-row')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Filter announced addresses' }).fill('no-such-thing');
  await expect(page.getByTestId('eligibility-empty')).toHaveText('Nothing matches “no-such-thing”.');

  // The address opens its page, which names the same holder.
  await lease.getByRole('link', { name: IP }).click();
  await expect(page.getByRole('heading', { level: 1, name: IP })).toBeVisible();
  await expect(page.getByTestId('ip-announced-by')).toHaveText(node);
  // And the holder's link leads back to its open row.
  await page.getByTestId('ip-announced-by').getByRole('link', { name: node }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes#node-${node}$`));
  await expect(nodeRow(page, node).getByRole('button', { name: node })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});

test('the holder goes NotReady: the IP page and the nodes screen follow the lease to another node', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { key, node } = await holderOf(IP);
  await page.goto(`/ips/${IP}`);
  await new DashboardPage(page).waitLive();
  const holder = page.getByTestId('ip-lease-holder');
  await expect(holder).toContainText(node);

  const original = await readyConditions(node);
  restore = () => setConditions(node, original);
  await setConditions(node, [
    ...original.filter((c) => c.type !== 'Ready'),
    { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'e2e: kubelet stopped posting' },
  ]);

  // Lease duration 15 s, renewals every 2 s: another node takes over within ~20 s, and the open
  // page follows without a reload.
  await expect(page.getByTestId('ip-announced-by')).not.toHaveText(node, { timeout: 40_000 });
  await expect(page.getByTestId('ip-announced-by')).toHaveText(/^pitower-\d$/);
  const next = ((await page.getByTestId('ip-announced-by').textContent()) ?? '').trim();
  expect(next).not.toBe(node);
  await expect(holder).toContainText(next, { timeout: 10_000 });
  await expect(page.getByTestId('ip-lease-acquired')).toContainText(/\d+ transitions?/);

  await page.keyboard.press('n');
  await expect(nodeRow(page, node)).toHaveAttribute('data-ready', 'false');
  await expect(nodeRow(page, node).getByText('NotReady')).toBeVisible();
  await expect(matrixRow(page, key).locator(`td[data-node="${next}"]`)).toHaveAttribute('data-cell', 'holds');
  await expect(matrixRow(page, key).locator(`td[data-node="${node}"]`)).not.toHaveAttribute(
    'data-cell',
    'holds',
  );
  // Its old holder no longer lists the address; the new one does.
  await nodeRow(page, node).getByRole('button', { name: node }).click();
  await expect(nodeRow(page, node).getByRole('button', { name: node })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(
    page.locator(`[data-testid="node-leases"][data-node="${node}"]`).getByRole('link', { name: IP }),
  ).toHaveCount(0);
  await nodeRow(page, next).getByRole('button', { name: next }).click();
  await expect(
    page.locator(`[data-testid="node-leases"][data-node="${next}"]`).getByRole('link', { name: IP }),
  ).toBeVisible();
});
