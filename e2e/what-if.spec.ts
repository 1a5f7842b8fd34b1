import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectlOk } from './support/kubectl';

// What-if answers "what happens if I apply this?" before anyone applies it (users lose live
// addresses to pool edits: Cilium issues #40358, #41458). Every case runs against the demo cluster
// as it is, and each one checks that nothing was written.

const ip = '192.168.0.238';

interface Svc {
  metadata: { namespace: string; name: string };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}

/** The Service holding `ip`, and the node holding its L2 lease, as kubectl reports them. */
async function holderOf(address: string): Promise<{ key: string; node: string }> {
  const list = JSON.parse(await kubectlOk(['get', 'svc', '-A', '-o', 'json'])) as { items: Svc[] };
  const svc = list.items.find((s) => s.status?.loadBalancer?.ingress?.some((i) => i.ip === address));
  if (!svc) throw new Error(`no Service holds ${address}`);
  const { namespace, name } = svc.metadata;
  const holder = await kubectlOk([
    'get',
    'lease',
    '-n',
    'kube-system',
    `cilium-l2announce-${namespace}-${name}`,
    '-o',
    'jsonpath={.spec.holderIdentity}',
  ]);
  return { key: `${namespace}/${name}`, node: holder.trim() };
}

const poolJson = async () =>
  kubectlOk(['get', 'ciliumloadbalancerippools', 'pool', '-o', 'jsonpath={.spec}']);

async function openWhatIf(page: Page) {
  const dash = new DashboardPage(page);
  await page.goto('/');
  await dash.waitLive();
  await page.keyboard.press('w');
  await expect(page.getByRole('heading', { name: 'What-if' })).toBeVisible();
  return page.getByRole('textbox', { name: /Manifests \(YAML\)/ });
}

test('shrinking the demo pool shows which Services lose their address, and writes nothing', async ({
  page,
}) => {
  const before = await poolJson();
  const editor = await openWhatIf(page);
  // The seed page's pool (the lab's sorts first), as editable YAML (no status, no server fields).
  await page.getByRole('combobox', { name: 'Pool' }).selectOption('pool');
  await expect(editor).toHaveValue(/name: pool\n/);
  await expect(editor).toHaveValue(/stop: 192\.168\.0\.239/);
  await expect(editor).not.toHaveValue(/status:|resourceVersion|uid:/);

  await editor.fill((await editor.inputValue()).replace('stop: 192.168.0.239', 'stop: 192.168.0.229'));
  await editor.press('Control+Enter');

  await expect(page.getByTestId('what-if-summary')).toContainText('If applied:');
  await expect(page.getByTestId('what-if-summary')).toContainText(/Services? go(es)? pending/);
  const { key } = await holderOf(ip);
  const row = page.locator(`[data-testid="what-if-service"][data-service="${key}"]`);
  await expect(row).toHaveAttribute('data-change', 'pending');
  await expect(row).toContainText(ip);
  // Its explanation is the one the alerts give: a cause and a fix.
  await expect(row).toContainText('Fix:');
  await expect(page.locator('[data-testid="what-if-pool"][data-pool="pool"]')).toContainText('changed');
  await expect(page.getByText('Tried: pool pool updated')).toBeVisible();

  // Nothing was written: the pool is as it was, and the address is still held.
  expect(await poolJson()).toBe(before);
  expect((await holderOf(ip)).key).toBe(key);
});

test('draining the node that announces an address shows the announcement moving', async ({ page }) => {
  const { key, node } = await holderOf(ip);
  expect(node).toMatch(/^pitower-\d$/);
  await openWhatIf(page);
  await page.getByRole('checkbox', { name: new RegExp(`^${node}\\b`) }).check();
  await page.getByRole('button', { name: 'Run what-if' }).click();

  const row = page.locator(`[data-testid="what-if-announcement"][data-service="${key}"]`);
  await expect(row).toHaveAttribute('data-change', 'moves');
  await expect(row).toContainText(`${node} is drained`);
  await expect(row).toContainText(ip);
  await expect(row.locator('td').nth(4)).not.toContainText(node);
  // The node still announces: draining in what-if touches nothing.
  expect((await holderOf(ip)).node).toBe(node);
});

test('invalid YAML is refused with the document, line and column', async ({ page }) => {
  const editor = await openWhatIf(page);
  await page.getByRole('button', { name: 'Paste manifests' }).click();
  await editor.fill('apiVersion: v1\nkind: Service\nmetadata: {name: [oops\n');
  await page.getByRole('button', { name: 'Run what-if' }).click();
  const error = page.getByTestId('what-if-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/manifests: document 1: invalid YAML at line \d+, column \d+/);
  await expect(page.getByTestId('what-if-results')).toHaveCount(0);
});

test('the what-if API refuses bad requests with a message naming what is wrong', async ({ request }) => {
  const notJson = await request.post('/api/what-if', {
    data: 'not json',
    headers: { 'content-type': 'text/plain' },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error).toMatch(/expected a JSON body/);

  const empty = await request.post('/api/what-if', { data: {} });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error).toMatch(/nothing to try/);

  const unknownField = await request.post('/api/what-if', { data: { manifest: 'x' } });
  expect(unknownField.status()).toBe(400);

  const badNode = await request.post('/api/what-if', { data: { drain: ['no-such-node'] } });
  expect(badNode.status()).toBe(400);
  expect((await badNode.json()).error).toMatch(
    /drain: no node named 'no-such-node' \(this cluster has .*pitower-1/,
  );

  const huge = await request.post('/api/what-if', { data: { manifests: 'x'.repeat(1_200_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toMatch(/larger than 1 MiB/);

  const template = await request.get('/api/what-if/template?pool=nope');
  expect(template.status()).toBe(404);
  expect((await template.json()).error).toBe("no pool named 'nope'");

  // The server still answers.
  expect((await request.get('/api/health')).ok()).toBe(true);
});
