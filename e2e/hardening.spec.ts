import { expect, test } from '@playwright/test';
import { createServer, request as httpRequest } from 'node:http';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { kubectlOk } from './support/kubectl';
import { demoPort } from './support/paths';

// What a hostile page or client meets at the dashboard's own HTTP server (cli/http-gate.ts), over
// a real socket: Node's client, because a browser will not let a page choose its Host header.

function raw(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: demoPort, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a request naming another host (DNS rebinding) gets no data, and is told why', async () => {
  const res = await raw('GET', '/api/inventory', { host: 'evil.example' });
  expect(res.status).toBe(403);
  expect(res.body).toContain('"evil.example"');
  expect(res.body).toContain('LBIPAM_ALLOWED_HOSTS');
  expect(res.body).not.toContain('pool');
  const ok = await raw('GET', '/api/health', { host: `localhost:${demoPort}` });
  expect(ok.status).toBe(200);
});

test('TRACE and unserved methods answer 405 with Allow; the server keeps serving', async () => {
  const trace = await raw('TRACE', '/api/inventory');
  expect(trace.status).toBe(405);
  expect(trace.headers.allow).toBe('GET, HEAD, OPTIONS');
  const del = await raw('DELETE', '/api/what-if');
  expect(del.status).toBe(405);
  expect(del.headers.allow).toBe('POST, OPTIONS');
  expect((await raw('GET', '/api/health')).status).toBe(200);
});

test('pages and API answers carry the security headers; another origin cannot frame the dashboard', async ({
  page,
}) => {
  const res = await page.goto('/');
  const h = res?.headers() ?? {};
  expect(h['x-content-type-options']).toBe('nosniff');
  // 'self' and the one origin the suite's demo lets frame it (playwright.config.ts).
  expect(h['content-security-policy']).toContain("frame-ancestors 'self' http://localhost:*;");
  expect(h['referrer-policy']).toBe('same-origin');
  const api = await raw('GET', '/api/status');
  expect(api.headers['x-content-type-options']).toBe('nosniff');

  // A page on another origin (another port on loopback) tries to frame it: the browser refuses,
  // and the frame shows the browser's error page instead of the dashboard.
  const framer = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<iframe src="http://127.0.0.1:${demoPort}/"></iframe>`),
  );
  await new Promise<void>((r) => framer.listen(0, '127.0.0.1', () => r()));
  try {
    const { port } = framer.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByTestId('connection-status')).toHaveCount(0);
  } finally {
    framer.close();
  }
});

test('hostile annotation text: a 200 KB note stays one cell wide, a bidi override is shown, not obeyed', async ({
  page,
}) => {
  const note = `start ${'x'.repeat(200_000)}`;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'e2e-hostile-text',
      namespace: 'default',
      annotations: {
        'dashboard.lbipam.io/display-name': '\u202Eevil\u202C',
        'dashboard.lbipam.io/notes': note,
      },
    },
    spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
  };
  await kubectlOk(['create', '-f', '-'], JSON.stringify(service));
  try {
    await page.goto('/addresses?q=e2e-hostile');
    const row = page.getByTestId('allocation-table').locator('tbody tr', { hasText: '⟨U+202E⟩evil⟨U+202C⟩' });
    await expect(row).toHaveCount(1);
    const cell = row.locator('bdi[data-truncated]');
    await expect(cell).toHaveCount(1);
    expect((await cell.textContent())?.length).toBeLessThanOrEqual(120);
    expect((await cell.getAttribute('title'))?.length).toBe(note.length);
    const width = await page.getByTestId('allocation-table').evaluate((t) => t.scrollWidth);
    expect(width).toBeLessThan(4_000);
  } finally {
    await kubectlOk(['delete', 'service', '-n', 'default', 'e2e-hostile-text', '--wait=false']);
  }
});

test('a port already in use is said once, plainly, and nothing else starts', async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
  const { port } = busy.address() as AddressInfo;
  try {
    const run = spawnSync(process.execPath, ['bin/lbipam.mjs', 'start', '--demo', '--port', String(port)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `lbipam start: port ${port} is already in use (choose another with --port)`,
    );
    expect(run.stdout).not.toContain('embedded cluster at');
  } finally {
    busy.close();
  }
});
