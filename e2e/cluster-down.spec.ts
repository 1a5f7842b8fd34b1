import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { assertEmbeddedCluster, embeddedServerOf } from './support/guard';
import { restartableControlPort, restartableKubeconfig, restartablePort } from './support/paths';

// The dashboard on port 3103 reads a demo cluster that runs in a process of its own
// (e2e/support/restartable-cluster.ts). Taking its API server away must turn the header amber
// within seconds — the tab's stream to the dashboard is still fine, the cluster is not — with one
// sentence for every source; bringing it back on the same port must turn it green within 5 s.
test.use({ baseURL: `http://127.0.0.1:${restartablePort}` });

async function cluster(action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${restartableControlPort}/${action}`, {
    method: 'POST',
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`restartable-cluster ${action}: HTTP ${res.status} ${await res.text()}`);
}

test.beforeEach(async () => {
  // Only ever stop the embedded cluster (loopback, answering as -lbipam-sim), and only if it runs.
  await assertEmbeddedCluster(restartableKubeconfig);
});

test.afterEach(async () => {
  // A failed test must not leave the API server down.
  await cluster('start');
});

test('the header says reconnecting when the API server stops, and live again within 5 s of its return', async ({
  page,
}) => {
  const server = embeddedServerOf(restartableKubeconfig);
  const dash = new DashboardPage(page);
  // Not dash.goto(): what this spec is about is the header, whatever the page below it draws.
  await page.goto('/');
  const state = dash.clusterState;
  await expect(state).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await expect(page.getByTestId('source-warning')).toHaveCount(0);

  await cluster('stop');
  await expect(state).toHaveAttribute('data-state', 'reconnecting', { timeout: 4_000 });
  await expect(state).toContainText(/reconnecting to the cluster since \d\d:\d\d:\d\d/);
  // The tab's own stream is fine: it is the cluster that is gone.
  await expect(dash.connection).toHaveAttribute('data-state', 'live');
  // One sentence for all seven sources, in words, not seven raw ECONNREFUSED strings.
  const warnings = page.getByTestId('source-warning');
  await expect(warnings).toHaveCount(1);
  await expect(warnings).toContainText(
    `every source: cannot reach the API server at ${server} (connection refused)`,
  );
  await expect(warnings).toHaveAttribute('title', /ECONNREFUSED/);
  // The last known cluster stays on screen: no "no pools" empty state.
  await expect(page.getByText('This cluster has no LoadBalancer IP pools')).toHaveCount(0);

  // A tab opened during the outage is told at once, not shown a green dot over old data.
  await page.reload();
  await expect(state).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });

  // Down long enough for the informers' backoff to grow, then back on the same port.
  await page.waitForTimeout(4_000);
  await cluster('start');
  const back = Date.now();
  await expect(state).toHaveAttribute('data-state', 'live', { timeout: 5_000 });
  test.info().annotations.push({ type: 'live again after', description: `${Date.now() - back} ms` });
  await expect(warnings).toHaveCount(0);
  await expect(state).toHaveText('live');
});
