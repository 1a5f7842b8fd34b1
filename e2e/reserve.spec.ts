import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectl, kubectlOk } from './support/kubectl';
import { deniedPort } from './support/paths';

// The reserve form on the demo home lab: the seed page's "Pick an available IP" step, done by the
// engine. Each flow ends where the user's does: YAML Cilium would satisfy, a pending Service
// explained before it exists, a name refused on its field, a reservation that shows up live.
// Beside the address, the LAN's word from the demo's simulated segment (lib/sim/l2-segment.ts): a
// free address nobody answers, and a printer squatting on 192.168.0.235, which blocks it.

const placeholder = 'reserved-192-168-0-223';

test.afterEach(async () => {
  await kubectl(['delete', 'service', placeholder, '-n', 'media', '--ignore-not-found', '--wait=false']);
});

async function openReserve(page: Page, query = '') {
  await page.goto(`/reserve${query}`);
  await expect(page.getByRole('heading', { name: 'Reserve an IP' })).toBeVisible();
}

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

test("Cilium's next free address → the YAML → satisfied; the URL carries the form", async ({ page }) => {
  const dash = new DashboardPage(page);
  await page.goto('/');
  await dash.waitLive();
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { name: 'Reserve an IP' })).toBeVisible();

  await field(page, 'Name').fill('mqtt-bridge');
  await field(page, 'Namespace').fill('home-automation');
  await field(page, 'Ports').fill('mqtt=1883/TCP');
  // .220–.222 and .226–.231 are held: the smallest free block's first address.
  await page.getByTestId('use-next').click();
  await expect(field(page, 'Address')).toHaveValue('192.168.0.223');

  const yaml = page.getByLabel('Generated YAML');
  await expect(yaml).toContainText('lbipam.cilium.io/ips: "192.168.0.223"');
  await expect(yaml).toContainText('name: mqtt-bridge');
  await expect(page.getByTestId('reserve-check')).toHaveAttribute('data-verdict', 'satisfied');
  await expect(page.getByTestId('reserve-headline')).toHaveText(
    'Cilium would assign 192.168.0.223 — satisfied',
  );
  // Beside the address: nobody on the (simulated) LAN answers for it.
  await expect(page.getByTestId('lan-verdict')).toHaveAttribute('data-state', 'silent');
  await expect(page.getByTestId('lan-verdict')).toContainText('nobody on the LAN answers for it (simulated)');
  await expect(page.getByTestId('plan-note')).toHaveText(
    'Outside the IP plan — allowed; note it in the plan if it stays.',
  );
  // The plan ranks the open "future" range first here (home automation's own is full).
  await expect(page.getByTestId('plan-suggestions').getByRole('button').first()).toContainText(
    '192.168.0.232',
  );

  // The API server's own answer, without storing anything.
  await page.getByRole('button', { name: 'Dry run on the cluster' }).click();
  await expect(page.getByTestId('reserve-dry-run')).toHaveAttribute('data-ok', 'true');
  expect((await kubectl(['get', 'svc', 'mqtt-bridge', '-n', 'home-automation'])).code).not.toBe(0);

  // Sent to a colleague: the same form from the URL alone.
  const url = page.url();
  expect(url).toContain('ip=192.168.0.223');
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(field(other, 'Name')).toHaveValue('mqtt-bridge');
  await expect(other.getByTestId('reserve-headline')).toHaveText(
    'Cilium would assign 192.168.0.223 — satisfied',
  );
  await other.close();
});

test('a taken address: pending, explained with who holds it and what is free', async ({ page }) => {
  await openReserve(page, '?name=my-app&ns=media&ports=8080%2FTCP');
  await field(page, 'Address').fill('192.168.0.238');
  await expect(page.getByTestId('reserve-check')).toHaveAttribute('data-verdict', 'pending');
  await expect(page.getByTestId('reserve-headline')).toHaveText(
    'would stay pending: already_allocated to networking/envoy-internal',
  );
  const why = page.getByTestId('reserve-explanation');
  await expect(why).toContainText('192.168.0.238 is already allocated');
  await expect(why).toContainText('192.168.0.223–225');
  await expect(page.getByTestId('plan-note')).toContainText('gateways');
  await expect(page.getByTestId('reserve-apply')).toBeDisabled();
});

test('an address a foreign device answers for is blocked, with the device named', async ({
  page,
  request,
}) => {
  // The demo's simulated LAN has a printer squatting on the free address 192.168.0.235.
  await openReserve(page, '?name=my-printer-app&ns=media&ports=8080%2FTCP');
  await field(page, 'Address').fill('192.168.0.235');
  await expect(page.getByTestId('reserve-check')).toHaveAttribute('data-verdict', 'satisfied');
  const lan = page.getByTestId('lan-verdict');
  await expect(lan).toHaveAttribute('data-state', 'foreign');
  await expect(lan).toContainText(
    'a device with MAC 3c:2a:f4:5e:10:07 (Brother Industries, LTD.) answers for this address',
  );
  await expect(lan).toContainText('(simulated)');
  await expect(page.getByTestId('reserve-blocked')).toContainText('it would collide with the reservation');
  await expect(page.getByTestId('reserve-apply')).toBeDisabled();
  // The server refuses it too, whatever a client sends.
  const res = await request.post('/api/reserve/apply', {
    data: {
      form: { target: 'placeholder', ip: '192.168.0.235', name: 'sneaky', namespace: 'media', ports: '80' },
    },
  });
  expect(res.status()).toBe(409);
  expect((await res.json()) as { code: string }).toMatchObject({ code: 'foreign-device' });
});

test('an invalid name: a message on the field and no YAML', async ({ page }) => {
  await openReserve(page, '?ip=192.168.0.224&ns=media');
  await field(page, 'Name').fill('My App"');
  await expect(page.getByTestId('error-reserve-name')).toContainText('lower-case letters');
  await expect(field(page, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('reserve-no-yaml')).toBeVisible();
  await expect(page.getByLabel('Generated YAML')).toHaveCount(0);
  await field(page, 'Name').fill('my-app');
  await expect(page.getByLabel('Generated YAML')).toContainText('name: my-app');
  await expect(page.getByTestId('error-reserve-name')).toHaveCount(0);
});

test('reserving in the demo: the placeholder is created and its row appears live', async ({ page }) => {
  const dash = new DashboardPage(page);
  await openReserve(page, '?target=placeholder&name=frigate&ns=media&purpose=NVR');
  await dash.waitLive();
  await page.getByTestId('use-next').click();
  await expect(page.getByTestId('reserve-headline')).toHaveText(
    'Cilium would assign 192.168.0.223 — satisfied',
  );
  await page.getByTestId('reserve-apply').click();
  await expect(page.getByTestId('reserve-applied')).toHaveText(
    `Created media/${placeholder} — Cilium gave it 192.168.0.223.`,
  );
  // The check follows the cluster: the placeholder is there now, so there is nothing left to apply.
  await expect(page.getByTestId('reserve-notes')).toContainText(
    `media/${placeholder} is already in the cluster.`,
  );
  await expect(page.getByTestId('reserve-apply')).toBeDisabled();
  // No reload: the table shows the reservation from the stream.
  await dash.openScreen('Addresses');
  const row = dash.row('192.168.0.223');
  await expect(row).toHaveAttribute('data-status', 'allocated');
  await expect(dash.cell(row, 'service')).toContainText('frigate (reserved)');
  await expect(dash.cell(row, 'type')).toHaveText('Reservation');
  await expect(dash.cell(row, 'notes')).toHaveText('Reserved: NVR');
  expect(
    await kubectlOk(['get', 'svc', placeholder, '-n', 'media', '-o', 'jsonpath={.metadata.labels}']),
  ).toContain('dashboard.lbipam.io/reservation');
});

test("the IP plan's bands on the pool map", async ({ page }) => {
  await page.goto('/pools/pool');
  const bands = page.getByTestId('plan-band');
  await expect(bands).toHaveText(['utility', 'home-automation', 'future', 'gateways']);
  await expect(bands.nth(1)).toHaveAttribute(
    'title',
    'home-automation: 192.168.0.226 – 192.168.0.230 — Home automation and media (for home-automation, media)',
  );
  // The lab's pool (192.168.10.0/28) is outside the plan: no bands.
  await page.goto('/pools/lab');
  await expect(page.getByRole('heading', { name: /lab/ }).first()).toBeVisible();
  await expect(page.getByTestId('plan-bands')).toHaveCount(0);
});

test('a dashboard of a real (kubeconfig) cluster refuses to write, and says why', async ({ request }) => {
  const res = await request.post(`http://127.0.0.1:${deniedPort}/api/reserve/apply`, {
    data: {
      form: { target: 'placeholder', ip: '192.168.0.223', name: 'frigate', namespace: 'media', ports: '80' },
    },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({
    code: 'read-only',
    error: expect.stringContaining('LBIPAM_ALLOW_WRITES=1'),
  });
  expect((await kubectl(['get', 'svc', placeholder, '-n', 'media'])).code).not.toBe(0);
});
