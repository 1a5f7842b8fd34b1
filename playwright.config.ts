import { defineConfig } from '@playwright/test';
import path from 'node:path';
import {
  deniedKubeconfig,
  deniedPort,
  demoPort,
  e2eKubeconfig,
  emptyKubeconfig,
  emptyPort,
  restartableKubeconfig,
  restartablePort,
} from './e2e/support/paths';

// Browser tests drive Debian's chromium (no browser download) against dashboards running on
// embedded clusters. e2e/global-setup.ts refuses any other cluster; it can, because Playwright
// starts the webServers (plugins, one after another, in this order) before globalSetup, so the
// kubeconfigs exist by then. All dashboards share one production build (LBIPAM_DIST_DIR).
export { e2eKubeconfig };

const dashboardEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  LBIPAM_DIST_DIR: process.env.LBIPAM_DIST_DIR ?? '.next',
  // History in memory for every dashboard of the suite: nothing left in the working tree.
  LBIPAM_HISTORY_DIR: 'memory',
};
const dashboard = (name: string, port: number, command: string, env: Record<string, string> = {}) => ({
  name,
  command,
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  env: { ...dashboardEnv, ...env },
});
const start = 'node bin/lbipam.mjs start --host 127.0.0.1';

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
    baseURL: `http://127.0.0.1:${demoPort}`,
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
  projects: [
    // failover.spec.ts and nodes.spec.ts make a demo node NotReady and back: they run after
    // everything else, so no other spec sees the announcer they moved.
    {
      name: 'chromium',
      use: { browserName: 'chromium' },
      testIgnore: ['**/failover.spec.ts', '**/nodes.spec.ts'],
    },
    {
      name: 'failover',
      use: { browserName: 'chromium' },
      testMatch: ['**/failover.spec.ts', '**/nodes.spec.ts'],
      dependencies: ['chromium'],
    },
  ],
  webServer: [
    // The demo signs share links (signed-links.spec.ts); a test-only secret, never a real one. Pages
    // on http://localhost (any port) may frame it, as an operator lets a wiki embed the shared view
    // (share.spec.ts); any other origin may not (hardening.spec.ts frames it from 127.0.0.1).
    dashboard('demo', demoPort, `${start} --demo --port ${demoPort} --embedded-kubeconfig ${e2eKubeconfig}`, {
      LBIPAM_SHARE_SECRET: 'e2e-only-share-secret-0123456789abcdef',
      LBIPAM_FRAME_ANCESTORS: 'http://localhost:*',
      // The GitOps page's repository (gitops.spec.ts): a small one checked in beside the tests.
      LBIPAM_REPO: path.resolve('e2e/fixtures/gitops'),
    }),
    {
      // The demo cluster behind a deny proxy (403 leases, 404 Gateway API); writes deniedKubeconfig.
      name: 'deny-proxy-cluster',
      command: 'node --import tsx e2e/support/deny-proxy-cluster.ts',
      wait: { stdout: /deny-proxy-cluster: ready/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 3000 },
    },
    // KUBECONFIG (not --demo) makes this one a plain kubeconfig dashboard of the proxied cluster.
    dashboard('denied', deniedPort, `${start} --port ${deniedPort}`, {
      KUBECONFIG: path.resolve(deniedKubeconfig),
    }),
    dashboard(
      'empty',
      emptyPort,
      `${start} --seed empty --port ${emptyPort} --embedded-kubeconfig ${emptyKubeconfig}`,
    ),
    {
      // The demo cluster in its own process, whose API server cluster-down.spec.ts stops and
      // restarts on the same port; writes restartableKubeconfig.
      name: 'restartable-cluster',
      command: 'node --import tsx e2e/support/restartable-cluster.ts',
      wait: { stdout: /restartable-cluster: ready/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 3000 },
    },
    dashboard('restartable', restartablePort, `${start} --port ${restartablePort}`, {
      KUBECONFIG: path.resolve(restartableKubeconfig),
    }),
  ],
});
