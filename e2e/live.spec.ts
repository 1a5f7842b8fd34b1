import { expect, test } from '@playwright/test';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';
import { DashboardPage } from './pages/dashboard-page';

const ip = '192.168.0.223';
const name = 'e2e-live-claim';

const manifest = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
  annotations:
    lbipam.cilium.io/ips: "${ip}"
spec:
  type: LoadBalancer
  selector:
    app: ${name}
  ports:
    - port: 8080
      targetPort: 8080
`;

test.afterEach(async () => {
  await kubectl(['delete', 'service', name, '-n', 'default', '--ignore-not-found', '--wait=false']);
});

test('a Service created with kubectl appears within a second, and its deletion frees the row', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.waitLive();
  const row = dash.row(ip);
  await expect(row).toHaveAttribute('data-status', 'available');

  const { file, remove } = manifestFile('claim.yaml', manifest);
  try {
    await kubectlOk(['create', '-f', file]);
  } finally {
    remove();
  }
  // No reload: the stream must bring it.
  const created = Date.now();
  await expect(row).toHaveAttribute('data-status', 'allocated', { timeout: 1000 });
  test.info().annotations.push({ type: 'create-to-row-ms', description: String(Date.now() - created) });
  await expect(dash.cell(row, 'service')).toHaveText(name, { timeout: 1000 });
  await expect(dash.cell(row, 'namespace')).toHaveText('default', { timeout: 1000 });

  await kubectlOk(['delete', 'service', name, '-n', 'default', '--wait=false']);
  const deleted = Date.now();
  await expect(row).toHaveAttribute('data-status', 'available', { timeout: 1000 });
  test.info().annotations.push({ type: 'delete-to-row-ms', description: String(Date.now() - deleted) });
  await expect(dash.cell(row, 'service')).toHaveText('—', { timeout: 1000 });
});
