import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { securedKubeconfig, securedPort } from './support/paths';

// A dashboard that requires sign-in (auth.mode token, lib/auth), started here on the demo cluster:
// the sign-in page, the session, the CSRF token the pages send with each POST, the Bearer token for
// API clients, and the read-only pass a signed share link gives someone who cannot sign in.

const TOKEN = 'e2e-only-dashboard-token-0123456789';
const SHARE_SECRET = 'e2e-only-share-secret-0123456789abcdef';
const base = `http://127.0.0.1:${securedPort}`;
let server: ChildProcess | null = null;
let dir: string;

const env = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = await mkdtemp(path.join(tmpdir(), 'lbipam-e2e-auth-'));
  await writeFile(path.join(dir, 'token'), `${TOKEN}\n`);
  await writeFile(
    path.join(dir, 'dashboard.yaml'),
    `auth:\n  mode: token\n  tokenFile: ${path.join(dir, 'token')}\n`,
  );
  server = spawn(
    process.execPath,
    [
      'bin/lbipam.mjs',
      'start',
      '--demo',
      '--host',
      '127.0.0.1',
      '--port',
      String(securedPort),
      '--config',
      path.join(dir, 'dashboard.yaml'),
      '--embedded-kubeconfig',
      securedKubeconfig,
    ],
    { detached: true, stdio: 'ignore', env: env({ LBIPAM_SHARE_SECRET: SHARE_SECRET }) },
  );
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, {
      timeout: 90_000,
      intervals: [250],
    })
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

async function signIn(page: Page, token: string, next = '/addresses?pool=pool') {
  await page.goto(`${base}${next}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a page asks for sign-in; a wrong token is refused in words; the right one opens the page asked for', async ({
  page,
}) => {
  await signIn(page, 'not-the-token');
  await expect(page.getByTestId('sign-in-error')).toHaveText('That token is not this dashboard’s.');
  await page.getByLabel('Token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${base}/addresses?pool=pool`);
  // A server started for this spec alone: its first table may take a while.
  await expect(page.locator('tr[data-ip="192.168.0.227"]')).toBeVisible({ timeout: 20_000 });

  // The pages' POSTs carry the CSRF token: the reserve form's check is answered.
  await page.goto(`${base}/reserve?pool=pool&ip=192.168.0.223&name=mqtt&namespace=default`);
  await expect(page.getByTestId('reserve-check')).toHaveAttribute('data-verdict', 'satisfied');
  // The same POST with the session cookie but without the token is refused as CSRF.
  const forged = await page.request.post(`${base}/api/reserve`, {
    data: { form: { target: 'service', pool: 'pool', ip: '192.168.0.223', name: 'x', namespace: 'default' } },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).code).toBe('csrf');
});

test('API clients need the token as a Bearer; the token never appears in what is served', async ({
  page,
}) => {
  const anonymous = await fetch(`${base}/api/inventory`);
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).error).toMatch(/Authorization: Bearer/);
  const bearer = await fetch(`${base}/api/inventory`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(bearer.status).toBe(200);
  const body = await bearer.text();
  expect(body).toContain('"pools"');
  const kubeconfig = await readFile(securedKubeconfig, 'utf8');
  const credentials = [...kubeconfig.matchAll(/(?:token|client-key-data|password): *"?([^"\s]+)/g)].map(
    (m) => m[1]!,
  );
  await signIn(page, TOKEN, '/');
  const html = await page.content();
  const status = await (await page.request.get(`${base}/api/status`)).text();
  for (const text of [body, html, status]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SHARE_SECRET);
    for (const c of credentials) expect(text).not.toContain(c);
  }
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
});

test('a signed share link opens its table without sign-in, and reaches nothing that writes', async ({
  page,
  browser,
}) => {
  await signIn(page, TOKEN, '/');
  const minted = await page.evaluate(async () => {
    const csrf = document.cookie.match(/lbipam_csrf=([^;]+)/)?.[1] ?? '';
    const res = await fetch('/api/share-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lbipam-csrf': decodeURIComponent(csrf) },
      body: JSON.stringify({ view: '/addresses?pool=pool' }),
    });
    return (await res.json()) as { url: string };
  });
  const stranger = await browser.newContext();
  const p = await stranger.newPage();
  await p.goto(`${base}${minted.url}`);
  await expect(p.locator('tr[data-ip="192.168.0.227"]')).toBeVisible();
  const apply = await p.request.post(`${base}/api/reserve/apply`, {
    data: {
      form: { target: 'placeholder', pool: 'pool', ip: '192.168.0.223', name: 'x', namespace: 'default' },
    },
  });
  expect(apply.status()).toBe(401);
  expect((await p.request.post(`${base}/api/share-links`, { data: { view: '/' } })).status()).toBe(401);
  await p.goto(`${base}/reserve`);
  await expect(p).toHaveURL(/\/sign-in/);
  await stranger.close();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, TOKEN, '/');
  await expect(page).toHaveURL(`${base}/`);
  const out = await page.evaluate(
    async () => (await fetch('/sign-out', { method: 'POST', redirect: 'manual' })).type,
  );
  expect(out).toBe('opaqueredirect');
  await page.goto(`${base}/alerts`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Falerts/);
});

test('it will not listen beyond loopback without an auth mode, and a bad config names its key', async () => {
  const run = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['bin/lbipam.mjs', 'start', '--demo', ...args], {
      env: env(extra),
      encoding: 'utf8',
      timeout: 60_000,
    });
  const open = run(['--host', '0.0.0.0', '--port', String(securedPort + 50)]);
  expect(open.status).toBe(2);
  expect(open.stderr).toMatch(
    /listening on 0\.0\.0\.0 serves other machines, so it needs sign-in: set auth\.mode/,
  );
  const file = path.join(dir, 'bad.yaml');
  await writeFile(file, 'auth:\n  mode: tokn\n');
  const bad = run(['--config', file, '--port', String(securedPort + 50)]);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim()).toBe(`lbipam start: ${file}: auth.mode: expected one of none, token, proxy`);
  const badEnv = run(['--port', String(securedPort + 50)], { LBIPAM_AUTH: 'token' });
  expect(badEnv.status).toBe(2);
  expect(badEnv.stderr).toMatch(/auth\.mode token needs auth\.tokenFile \(LBIPAM_AUTH_TOKEN_FILE\)/);
});
