import type { FullConfig } from '@playwright/test';
import { allKubeconfigs } from './support/paths';
import { assertEmbeddedCluster } from './support/guard';

// Playwright (1.65, checked in its runner: plugin setup, which includes every webServer, runs
// before globalSetup) has started the dashboards and so written their kubeconfigs by now. Refuse to
// run a single test unless each kubeconfig names a loopback server answering as the embedded
// cluster (for the denied dashboard that is the deny proxy, which passes /version through).
export default async function globalSetup(_config: FullConfig): Promise<void> {
  for (const kubeconfig of allKubeconfigs) {
    const server = await assertEmbeddedCluster(kubeconfig);
    process.stdout.write(`e2e guard: ${kubeconfig} → embedded cluster at ${server}\n`);
  }
}
