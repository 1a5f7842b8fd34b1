import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../lib/sim/embedded';
import { restartableControlPort, restartableKubeconfig } from './paths';

// The embedded demo cluster in a process of its own, so a test can take its API server away and
// bring it back on the same port while a dashboard watches it: POST /stop, POST /start on a
// loopback control port (both idempotent; GET / says which). Writes restartableKubeconfig, prints
// one "ready" line for playwright.config.ts to wait on, and runs until SIGTERM/SIGINT.
// Run: node --import tsx e2e/support/restartable-cluster.ts

const kubeconfigPath = path.resolve(restartableKubeconfig);

async function main(): Promise<void> {
  // A kubeconfig left by an earlier run must never be taken for this one's.
  await rm(kubeconfigPath, { force: true });
  let cluster: EmbeddedCluster | null = await startEmbeddedCluster({ seed: 'demo', kubeconfigPath });
  const port = Number(new URL(cluster.server).port);
  // One change at a time: a stop racing a start must not leave two servers or none.
  let queue = Promise.resolve();
  const serial = (fn: () => Promise<void>) => (queue = queue.then(fn, fn));

  const control = http.createServer((req, res) => {
    const reply = (code: number, body: object) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const state = () => ({ running: cluster !== null, server: `http://127.0.0.1:${port}` });
    if (req.method === 'GET' && req.url === '/') return reply(200, state());
    if (req.method !== 'POST' || (req.url !== '/stop' && req.url !== '/start'))
      return reply(404, { error: 'no such action' });
    const action = req.url;
    serial(async () => {
      if (action === '/stop' && cluster) {
        await cluster.stop();
        cluster = null;
      } else if (action === '/start' && !cluster) {
        // The same port and seed: to the dashboard it is the same cluster coming back.
        cluster = await startEmbeddedCluster({ seed: 'demo', port, kubeconfigPath });
      }
    }).then(
      () => reply(200, state()),
      (err: unknown) => reply(500, { error: err instanceof Error ? err.message : String(err) }),
    );
  });
  await new Promise<void>((resolve) => control.listen(restartableControlPort, '127.0.0.1', resolve));
  process.stdout.write(
    `restartable-cluster: ready at ${cluster.server} (control http://127.0.0.1:${restartableControlPort})\n`,
  );

  const stop = async () => {
    control.closeAllConnections();
    control.close();
    await cluster?.stop();
    await rm(kubeconfigPath, { force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`restartable-cluster: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
