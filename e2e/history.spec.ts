import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';

// Allocation history (issue 12) as someone chasing a broken DNS record uses it: an address of a
// pool created here changes hands in the embedded cluster (its holder deleted, another Service
// given it), and its IP page lists the holders over time, /changes shows the moves filtered by
// pool, the free row says who released it last, and the API and export answer the same.

const POOL = 'e2e-history';
const LABEL = 'e2e.lbipam.io/history';
const IP = '10.252.0.2';
const SERVICES = ['e2e-hist-first', 'e2e-hist-second'];

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
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
const pool = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${POOL}
spec:
  blocks:
    - cidr: 10.252.0.0/29
  serviceSelector:
    matchLabels:
      ${LABEL}: "true"
`;

async function apply(yaml: string) {
  const { file, remove } = manifestFile('history.yaml', yaml);
  try {
    await kubectlOk(['apply', '-f', file]);
  } finally {
    remove();
  }
}

async function holderOf(name: string): Promise<string> {
  return (
    await kubectlOk([
      'get',
      'service',
      '-n',
      'default',
      name,
      '-o',
      'jsonpath={.status.loadBalancer.ingress[0].ip}',
    ])
  ).trim();
}

test.afterAll(async () => {
  await kubectl(['delete', 'service', '-n', 'default', '--ignore-not-found', ...SERVICES]);
  await kubectl(['delete', 'ciliumloadbalancerippools', POOL, '--ignore-not-found']);
});

test('an address that changed hands: its history, the Changes screen, the free row and the API', async ({
  page,
  request,
}) => {
  const dash = new DashboardPage(page);
  await apply(pool);
  await apply(service('e2e-hist-first'));
  await expect.poll(() => holderOf('e2e-hist-first')).toBe(IP);

  // The address moves: its holder goes, another Service is given it.
  await kubectlOk(['delete', 'service', '-n', 'default', 'e2e-hist-first']);
  await apply(service('e2e-hist-second'));
  await expect.poll(() => holderOf('e2e-hist-second')).toBe(IP);

  await page.goto(`/ips/${IP}`);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('change-text').first()).toHaveText(
    `${IP} allocated to default/e2e-hist-second`,
    { timeout: 10_000 },
  );
  const texts = history.getByTestId('change-text');
  await expect(texts.filter({ hasText: `${IP} released by default/e2e-hist-first` })).toHaveCount(1);
  await expect(texts.filter({ hasText: `${IP} allocated to default/e2e-hist-first` })).toHaveCount(1);
  // Newest first: the second holder, the release, the first holder (announcements between).
  const order = (await texts.allTextContents()).filter((t) => /allocated|released/.test(t));
  expect(order).toEqual([
    `${IP} allocated to default/e2e-hist-second`,
    `${IP} released by default/e2e-hist-first`,
    `${IP} allocated to default/e2e-hist-first`,
  ]);
  await expect(page.getByTestId('history-status')).toHaveCount(0); // recording: nothing to warn about

  // The Changes screen, by pool and kind, links back to the address.
  await page.goto('/changes');
  await page.getByRole('combobox', { name: 'Pool' }).selectOption(POOL);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('address');
  await expect(page).toHaveURL(new RegExp(`pool=${POOL}`));
  const rows = page.getByTestId('change');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute('data-kind', 'address.allocated');
  await rows.first().getByRole('link', { name: IP }).click();
  await expect(page).toHaveURL(new RegExp(`/ips/${IP.replace(/\./g, '\\.')}$`));

  // Freed again: the free row says when and by whom.
  await kubectlOk(['delete', 'service', '-n', 'default', 'e2e-hist-second']);
  await dash.goto();
  await dash.waitLive();
  await dash.filter.fill(IP);
  await expect(dash.row(IP).locator('td[data-col="released"]')).toContainText(
    'ago by default/e2e-hist-second',
    {
      timeout: 10_000,
    },
  );

  // The API: paged, filtered, and refusing bad input by name.
  const page1 = await request.get(`/api/history?ip=${IP}&kind=address.allocated,address.released&limit=2`);
  expect(page1.status()).toBe(200);
  const body = await page1.json();
  expect(body.changes).toHaveLength(2);
  expect(body.next).toMatch(/^\d+\.\d+$/);
  const page2 = await (
    await request.get(
      `/api/history?ip=${IP}&kind=address.allocated,address.released&limit=2&cursor=${body.next}`,
    )
  ).json();
  expect(page2.changes.map((c: { kind: string }) => c.kind)).toEqual([
    'address.released',
    'address.allocated',
  ]);
  const bad = await request.get('/api/history?since=yesterday');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("'since'");
  const csv = await request.get(`/api/history?ip=${IP}&format=csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(`${IP} released by default/e2e-hist-first`);
});

const SHUFFLE = 'e2e-history-shuffle';
const shufflePool = (cidr: string) => `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${SHUFFLE}
spec:
  blocks:
    - cidr: ${cidr}
  serviceSelector:
    matchLabels:
      e2e.lbipam.io/shuffle: "true"
`;
// Each asks for its address (the demo's own pool selects every Service, so a generic request could
// land there); the edit moves the block away from both, and they lose their addresses.
const shuffled = (name: string, ip: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
  labels:
    e2e.lbipam.io/shuffle: "true"
  annotations:
    lbipam.cilium.io/ips: "${ip}"
spec:
  type: LoadBalancer
  ports:
    - name: http
      port: 80
      protocol: TCP
`;

test.describe('a pool edit that moves addresses', () => {
  test.afterAll(async () => {
    await kubectl([
      'delete',
      'service',
      '-n',
      'default',
      '--ignore-not-found',
      'e2e-shuffle-a',
      'e2e-shuffle-b',
    ]);
    await kubectl(['delete', 'ciliumloadbalancerippools', SHUFFLE, '--ignore-not-found']);
  });

  test('raises "N Services changed address in the last hour", naming the pool edit', async ({ page }) => {
    await apply(shufflePool('10.254.0.0/29'));
    await apply(`${shuffled('e2e-shuffle-a', '10.254.0.2')}---\n${shuffled('e2e-shuffle-b', '10.254.0.3')}`);
    await expect.poll(() => holderOf('e2e-shuffle-a')).toBe('10.254.0.2');
    await expect.poll(() => holderOf('e2e-shuffle-b')).toBe('10.254.0.3');
    // The block moves away: both Services lose their addresses without being deleted.
    await apply(shufflePool('10.254.1.0/29'));
    await expect.poll(() => holderOf('e2e-shuffle-a')).toBe('');
    await expect.poll(() => holderOf('e2e-shuffle-b')).toBe('');

    await page.goto('/alerts');
    const alert = page.getByTestId('reshuffle-alert');
    await expect(alert).toContainText('2 Services changed address in the last hour', { timeout: 10_000 });
    await expect(alert).toContainText(`It coincided with the edit of pool ${SHUFFLE}`);
    await expect(alert).toContainText('default/e2e-shuffle-a: 10.254.0.2 → none (pending)');
    await alert.getByRole('link').click();
    await expect(page).toHaveURL(/\/changes\?since=.*kind=address/);
    await expect(
      page.getByTestId('change').filter({ hasText: 'default/e2e-shuffle-b' }).first(),
    ).toBeVisible();
  });
});
