import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDenyProxy } from '../../lib/kube/testing/deny-proxy';
import { kubeconfigYaml, startEmbeddedCluster } from '../../lib/sim/embedded';
import { deniedKubeconfig } from './paths';

// A cluster the dashboard may only partly read: the embedded demo cluster behind a loopback proxy
// that answers 403 on leases (RBAC without coordination.k8s.io) and 404 on the whole Gateway API
// (its CRDs not installed). Writes a kubeconfig naming the proxy, prints one "ready" line for
// playwright.config.ts to wait on, and runs until SIGTERM/SIGINT.
// Run: node --import tsx e2e/support/deny-proxy-cluster.ts

const kubeconfig = path.resolve(deniedKubeconfig);

async function main(): Promise<void> {
  // A kubeconfig left by an earlier run must never be taken for this one's.
  await rm(kubeconfig, { force: true });
  const cluster = await startEmbeddedCluster({ seed: 'demo' });
  const proxy = await startDenyProxy(cluster.server, [
    { match: /^\/apis\/coordination\.k8s\.io\/v1\/(namespaces\/[^/]+\/)?leases(\/|$)/, code: 403 },
    { match: /^\/apis\/gateway\.networking\.k8s\.io(\/|$)/, code: 404 },
  ]);
  await mkdir(path.dirname(kubeconfig), { recursive: true });
  await writeFile(kubeconfig, kubeconfigYaml(proxy.url), { mode: 0o600 });
  process.stdout.write(`deny-proxy-cluster: ready at ${proxy.url} (cluster ${cluster.server})\n`);

  const stop = async () => {
    await proxy.close();
    await cluster.stop();
    await rm(kubeconfig, { force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`deny-proxy-cluster: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
