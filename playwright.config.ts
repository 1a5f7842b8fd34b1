import { defineConfig } from '@playwright/test';
import { e2eKubeconfig } from './e2e/support/paths';

// Browser tests drive Debian's chromium (no browser download) against the dashboard running on
// the embedded cluster. e2e/global-setup.ts refuses any other cluster; it can, because Playwright
// starts the webServer (a plugin) before globalSetup, so the kubeconfig exists by then.
const port = Number(process.env.E2E_PORT ?? 3100);
export { e2eKubeconfig };

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node bin/lbipam.mjs start --demo --host 127.0.0.1 --port ${port} --embedded-kubeconfig ${e2eKubeconfig}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { NEXT_TELEMETRY_DISABLED: '1', LBIPAM_DIST_DIR: process.env.LBIPAM_DIST_DIR ?? '.next' },
  },
});
