import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';

// The IP page (/ips/<ip>), used as someone debugging an address would: opened from the table, for
// an address of the demo (held, and wanted by a pending Service), for a shared address and a free
// one in a pool created here (deleted after: the demo cluster is shared by every spec), for an
// address outside every pool, and for input that is not an address.

const POOL = 'e2e-ipdetail';
const LABEL = 'e2e.lbipam.io/ipdetail';
const SHARED = '10.251.0.3';
const SERVICES = ['e2e-ipd-web', 'e2e-ipd-dns', 'e2e-ipd-late', 'e2e-ipd-claim', 'e2e-ipd-asks'];

const service = (name: string, ip: string, ports: string, key?: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
  labels:
    ${LABEL}: "true"
  annotations:
    lbipam.cilium.io/ips: "${ip}"${key ? `\n    lbipam.cilium.io/sharing-key: "${key}"` : ''}
spec:
  type: LoadBalancer
  selector:
    app: ${name}
  ports:
${ports}
`;
const http = '    - name: http\n      port: 80\n      protocol: TCP';
const dns = '    - name: dns\n      port: 53\n      protocol: UDP';

const objects = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${POOL}
spec:
  allowFirstLastIPs: "No"
  blocks:
    - cidr: 10.251.0.0/29
  serviceSelector:
    matchLabels:
      ${LABEL}: "true"
---
${service('e2e-ipd-web', SHARED, http, 'e2e-share')}---
${service('e2e-ipd-dns', SHARED, dns, 'e2e-share')}---
${service('e2e-ipd-late', SHARED, http)}`;

async function apply(yaml: string, verb: 'apply' | 'create' = 'apply') {
  const { file, remove } = manifestFile('ip-detail.yaml', yaml);
  try {
    await kubectlOk([verb, '-f', file]);
  } finally {
    remove();
  }
}

/** The node holding a Service's L2 lease, as kubectl reports it. */
async function leaseHolder(namespace: string, name: string): Promise<string> {
  const out = await kubectlOk([
    'get',
    'lease',
    '-n',
    'kube-system',
    `cilium-l2announce-${namespace}-${name}`,
    '-o',
    'jsonpath={.spec.holderIdentity}',
  ]);
  return out.trim();
}

const detail = (page: Page) => page.getByTestId('ip-detail');

test.afterAll(async () => {
  await kubectl(['delete', 'service', '-n', 'default', '--ignore-not-found', ...SERVICES]);
  await kubectl(['delete', 'event', '-n', 'default', '--ignore-not-found', 'e2e-ipd-probe']);
  await kubectl(['delete', 'ciliumloadbalancerippools', POOL, '--ignore-not-found']);
});

test('an address opened from the table: who holds it, who waits for it, its lease, alerts and YAML', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.waitLive();
  await dash.cell(dash.row('192.168.0.229'), 'ip').getByRole('link', { name: '192.168.0.229' }).click();
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.229$/);
  await expect(page.getByRole('heading', { level: 1, name: '192.168.0.229' })).toBeVisible();
  await expect(page.getByTestId('ip-headline')).toHaveText(
    'Held by media/jellyfin; media/plex asked for it and waits.',
  );
  await expect(detail(page)).toHaveAttribute('data-status', 'contested');
  await expect(page.getByTestId('ip-block')).toContainText('192.168.0.220 – 192.168.0.239');
  await expect(page.getByTestId('ip-block')).toContainText('address 10 of 20');

  const owner = page.locator('[data-testid="ip-owner"][data-service="media/jellyfin"]');
  await expect(owner.getByTestId('ip-owner-requested')).toHaveText('192.168.0.229');
  await expect(owner.getByTestId('ip-owner-allocated')).toHaveText('192.168.0.229');
  await expect(owner.getByTestId('ip-owner-ports')).toHaveText('http 8096/TCP');
  await expect(owner.getByTestId('ip-owner-sharing')).toHaveText('none (not shared)');
  await expect(page.locator('[data-testid="ip-waiter"][data-service="media/plex"]')).toContainText(
    'already_allocated',
  );
  await expect(
    page.getByRole('region', { name: /Alerts/ }).getByRole('heading', { name: /media\/plex is pending/ }),
  ).toBeVisible();

  // The lease holder is the node kubectl names, with its timings read from the lease.
  const holder = await leaseHolder('media', 'jellyfin');
  const announcement = page.locator('[data-testid="ip-announcement"][data-service="media/jellyfin"]');
  await expect(announcement.getByTestId('ip-lease-holder')).toContainText(holder);
  await expect(announcement.getByTestId('ip-lease-holder')).toContainText('held');
  await expect(announcement.getByTestId('ip-lease-renewal')).toContainText(
    /renewed \d+\.\d s before it was read/,
  );
  await expect(announcement.getByTestId('ip-lease-renewal')).toContainText('duration 15 s');
  await expect(page.getByTestId('ip-announced-by')).toHaveText(holder);

  // The Service as YAML, without what only machines read.
  const yaml = page.locator('[data-testid="ip-yaml"][data-service="media/jellyfin"]');
  await yaml.locator('summary').click();
  const code = page.getByLabel('YAML of Service media/jellyfin');
  await expect(code).toContainText('kind: Service');
  await expect(code).toContainText('- ip: 192.168.0.229');
  await expect(code).not.toContainText('managedFields');
  await expect(detail(page)).toHaveAttribute('data-complete', 'true');

  // `]` and `[` walk the block.
  await page.keyboard.press(']');
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.230$/);
  await expect(page.getByRole('heading', { level: 1, name: '192.168.0.230' })).toBeVisible();
  await page.keyboard.press('[');
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.229$/);

  // Back in the table, Enter on a focused row opens its address.
  await dash.goto();
  const row = dash.row('192.168.0.226');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '192.168.0.226' })).toBeVisible();
});

test('the lab’s Gateway nobody announces: its names, its Local policy, no eligible node, its one endpoint without a node', async ({
  page,
}) => {
  await page.goto('/ips/192.168.10.3');
  await expect(page.getByTestId('ip-headline')).toHaveText('Held by lab/cilium-gateway-edge.');
  const owner = page.locator('[data-testid="ip-owner"][data-service="lab/cilium-gateway-edge"]');
  const names = owner.getByTestId('ip-owner-hostnames');
  await expect(names).toContainText('edge.lab.example external-dns annotation');
  await expect(names).toContainText('*.lab.example listener of Gateway lab/edge');
  await expect(names).toContainText('wiki.lab.example HTTPRoute lab/wiki');
  await expect(owner).toContainText('Local');
  await expect(page.getByTestId('ip-announced-by')).toHaveText('no node (nobody answers ARP for it)');
  const announcement = page.locator(
    '[data-testid="ip-announcement"][data-service="lab/cilium-gateway-edge"]',
  );
  await expect(announcement.getByTestId('ip-lease-none')).toContainText('no node announces it');
  await expect(announcement.getByTestId('ip-eligible-node')).toHaveCount(0);
  await expect(announcement).toContainText('Eligible nodes');
  await expect(announcement.getByTestId('ip-endpoints')).toHaveText('(no node name) 1');
  await expect(
    page
      .getByRole('region', { name: /Alerts/ })
      .getByRole('heading', { name: /Nobody announces Gateway lab\/edge/ }),
  ).toBeVisible();
});

test.describe('a pool of our own', () => {
  test.beforeAll(async () => {
    await apply(objects);
  });

  test('a shared address: both Services, their sharing key and ports; who waits; Events as they happen', async ({
    page,
  }) => {
    await page.goto(`/ips/${SHARED}`);
    await expect(page.getByRole('heading', { level: 1, name: SHARED })).toBeVisible();
    await expect(page.getByText('shared by 2')).toBeVisible();
    await expect(page.getByTestId('ip-headline')).toHaveText(
      'Held by default/e2e-ipd-dns and default/e2e-ipd-web (sharing key "e2e-share"); default/e2e-ipd-late asked for it and waits.',
    );
    const web = page.locator('[data-testid="ip-owner"][data-service="default/e2e-ipd-web"]');
    const dnsOwner = page.locator('[data-testid="ip-owner"][data-service="default/e2e-ipd-dns"]');
    await expect(web.getByTestId('ip-owner-sharing')).toHaveText('e2e-share');
    await expect(web.getByTestId('ip-owner-ports')).toHaveText('http 80/TCP');
    await expect(dnsOwner.getByTestId('ip-owner-ports')).toHaveText('dns 53/UDP');
    await expect(
      page.locator('[data-testid="ip-waiter"][data-service="default/e2e-ipd-late"]'),
    ).toContainText('already_allocated');
    await expect(
      page
        .getByRole('region', { name: /Alerts/ })
        .getByRole('heading', { name: /default\/e2e-ipd-late is pending/ }),
    ).toBeVisible();
    const events = page.locator('[data-testid="ip-events"][data-service="default/e2e-ipd-web"]');
    await expect(events.getByTestId('ip-events-empty')).toBeVisible();

    // An Event recorded on the Service (by any controller, for any reason) shows without a reload.
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    await apply(
      `apiVersion: v1
kind: Event
metadata:
  name: e2e-ipd-probe
  namespace: default
involvedObject:
  kind: Service
  namespace: default
  name: e2e-ipd-web
  apiVersion: v1
reason: E2EProbe
message: recorded by the ip-detail browser test
type: Warning
count: 3
firstTimestamp: "${now}"
lastTimestamp: "${now}"
source:
  component: e2e
`,
      'create',
    );
    const row = events.locator('[data-testid="ip-event"][data-reason="E2EProbe"]');
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(row).toContainText('recorded by the ip-detail browser test');
    await expect(row).toContainText('Warning');
    await expect(row).toContainText('3');
  });

  test('a free address: what Cilium would do with it, following the cluster as it changes', async ({
    page,
  }) => {
    // allowFirstLastIPs: "No": the first address of the /29 is withheld.
    await page.goto('/ips/10.251.0.0');
    await expect(detail(page)).toHaveAttribute('data-status', 'reserved');
    await expect(page.getByTestId('ip-outlook')).toContainText('Cilium withholds it');

    // Free stretches .1–.2 and .4–.6: the smaller one hands out first.
    await page.goto('/ips/10.251.0.1');
    await expect(page.getByTestId('ip-headline')).toHaveText(`Free in pool ${POOL}.`);
    await expect(page.getByTestId('ip-outlook-line')).toContainText(
      `The next Service pool ${POOL} selects gets this address`,
    );
    // Pools are ordered as a restarted operator lists them (by name): the demo's `pool` comes later.
    await expect(page.getByTestId('ip-outlook-line')).not.toContainText('Cilium tries');

    await page.goto('/ips/10.251.0.5');
    await expect(page.getByTestId('ip-outlook-line')).toContainText(
      `The next Service pool ${POOL} selects gets 10.251.0.1 first`,
    );
    await expect(page.getByTestId('ip-outlook-line')).toContainText('lbipam.cilium.io/ips: "10.251.0.5"');

    // A Service asks for it: the open page turns to its owner, no reload.
    await apply(service('e2e-ipd-claim', '10.251.0.5', http));
    await expect(page.getByTestId('ip-headline')).toHaveText('Held by default/e2e-ipd-claim.');
    await expect(
      page.locator('[data-testid="ip-owner"][data-service="default/e2e-ipd-claim"]'),
    ).toBeVisible();

    // Disabled, the pool hands out nothing; a Service asking for an address of it waits, and the
    // page says who would get the address once the pool is enabled again.
    await kubectlOk([
      'patch',
      'ciliumloadbalancerippools',
      POOL,
      '--type=merge',
      '-p',
      '{"spec":{"disabled":true}}',
    ]);
    await page.goto('/ips/10.251.0.6');
    await expect(page.getByTestId('ip-headline')).toHaveText(
      `Free, but pool ${POOL} is disabled: it hands out no new addresses.`,
    );
    await apply(service('e2e-ipd-asks', '10.251.0.6', http));
    await expect(
      page.locator('[data-testid="ip-waiter"][data-service="default/e2e-ipd-asks"]'),
    ).toContainText('no_pool');
    await expect(page.getByTestId('ip-outlook-line')).toHaveText(
      new RegExp(
        `Pool ${POOL} is disabled\\. Enabled again, Cilium would give this address to default/e2e-ipd-asks\\.`,
      ),
    );
  });
});

test('at a phone’s width the IP page never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/ips/192.168.0.229');
  await expect(detail(page)).toHaveAttribute('data-complete', 'true');
  await page.locator('[data-testid="ip-yaml"][data-service="media/jellyfin"] summary').click();
  await expect(page.getByLabel('YAML of Service media/jellyfin')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an address outside every pool names the nearest pools', async ({ page }) => {
  await page.goto('/ips/192.168.0.240');
  await expect(page.getByRole('heading', { level: 1, name: '192.168.0.240' })).toBeVisible();
  await expect(page.getByText('not in any pool', { exact: true })).toBeVisible();
  await expect(page.getByTestId('ip-outside')).toContainText(
    'No CiliumLoadBalancerIPPool of this cluster contains',
  );
  const nearest = page.locator('[data-testid="ip-nearest"][data-pool="pool"]');
  await expect(nearest).toContainText('192.168.0.220 – 192.168.0.239');
  await expect(nearest).toContainText('1 address below it');
});

test('input that is not an address gets a message saying what is wrong, on the page and from the API', async ({
  page,
  request,
}) => {
  await page.goto('/ips/not-an-ip');
  await expect(page.getByTestId('ip-invalid')).toContainText(
    'not-an-ip is not an address this page can show',
  );
  await expect(page.getByTestId('ip-invalid-reason')).toHaveText(
    "'not-an-ip' is not an IP address: expected IPv4 (192.168.0.10) or IPv6 (2001:db8::10).",
  );
  await page.goto('/ips/192.168.0.256');
  await expect(page.getByTestId('ip-invalid-reason')).toContainText('each of the four numbers must be 0–255');
  // The shell still works: the navigation takes the user on.
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/\/addresses$/);

  const bad = await request.get('/api/ips/10.0.0.0%2F24');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    code: 'bad-ip',
    parameter: 'ip',
    error: "'10.0.0.0/24' is a prefix (CIDR), not one address: open one of its addresses, or its pool",
  });
  const leases = await request.get('/api/leases?holder=Not_A_Node');
  expect(leases.status()).toBe(400);
  expect((await leases.json()).error).toBe(
    "invalid query parameter 'holder': expected a node name: lower-case letters, digits, '-' and '.'",
  );
  const ok = await request.get('/api/ips/192.168.0.229');
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ip: '192.168.0.229', facts: { status: 'contested' } });
});
