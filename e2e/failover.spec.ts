import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { kubectlOk } from './support/kubectl';

// The L2 failover the user would otherwise debug with `kubectl get lease | grep cilium-l2`: the node
// announcing an address stops being Ready, its lease (15 s) runs out, another node takes over, and
// the announcer cell says so without a reload. Runs last (project "failover" in playwright.config.ts).

// Jellyfin: externalTrafficPolicy Cluster, so any Ready node may take over (the Envoy Gateways are
// Local: on the demo's Cilium 1.20.2 only the node running their proxy may announce them).
const ip = '192.168.0.229';

interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

async function readyConditions(node: string): Promise<NodeCondition[]> {
  const json = await kubectlOk(['get', 'node', node, '-o', 'json']);
  return (JSON.parse(json) as { status?: { conditions?: NodeCondition[] } }).status?.conditions ?? [];
}

/** A merge patch of the status subresource: conditions is a list, so it is replaced whole. */
async function setConditions(node: string, conditions: NodeCondition[]): Promise<void> {
  const patch = JSON.stringify({ status: { conditions } });
  await kubectlOk(['patch', 'node', node, '--subresource=status', '--type=merge', '-p', patch]);
}

let restore: (() => Promise<void>) | undefined;

test.afterEach(async () => {
  await restore?.();
  restore = undefined;
});

test('when the announcing node goes NotReady, another node takes the address over', async ({ page }) => {
  test.setTimeout(60_000);
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.waitLive();
  const announcer = dash.cell(dash.row(ip), 'announcer');
  await expect(announcer).toHaveText(/^pitower-\d$/);
  const before = ((await announcer.textContent()) ?? '').trim();

  const original = await readyConditions(before);
  expect(original).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
  restore = () => setConditions(before, original);
  await setConditions(before, [
    ...original.filter((c) => c.type !== 'Ready'),
    { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'e2e: kubelet stopped posting' },
  ]);
  const downAt = Date.now();

  // Lease duration 15 s, renewals every 2 s: the move lands within ~20 s.
  await expect(announcer).not.toHaveText(before, { timeout: 30_000 });
  await expect(announcer).toHaveText(/^pitower-\d$/);
  test
    .info()
    .annotations.push({ type: 'notready-to-new-announcer-ms', description: String(Date.now() - downAt) });
  // The row itself stays held by the same Service throughout (contested: Plex still waits for it).
  await expect(dash.row(ip)).toHaveAttribute('data-status', 'contested');
  await expect(dash.cell(dash.row(ip), 'service')).toContainText('Jellyfin');

  await restore();
  restore = undefined;
  expect(await readyConditions(before)).toContainEqual(
    expect.objectContaining({ type: 'Ready', status: 'True' }),
  );
});
