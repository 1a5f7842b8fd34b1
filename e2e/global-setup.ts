import type { FullConfig } from '@playwright/test';
import { e2eKubeconfig } from './support/paths';
import { assertEmbeddedCluster } from './support/guard';

// Playwright (1.65, checked in its runner: plugin setup, which includes webServer, runs before
// globalSetup) has started `lbipam start --demo` and so written the kubeconfig by now. Refuse to
// run a single test unless that kubeconfig names the embedded cluster.
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const server = await assertEmbeddedCluster(e2eKubeconfig);
  process.stdout.write(`e2e guard: embedded cluster at ${server}\n`);
}
