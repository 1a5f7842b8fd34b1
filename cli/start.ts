// `lbipam start` (npm start): serve the dashboard. It decides which cluster to show, starts the
// embedded one in this process when there is no kubeconfig (or with --demo), tells lib/kube through
// LBIPAM_* environment variables (docs/contracts.md), then runs Next's production server in-process.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepSourceMaps, parseStartArgs, type StartOptions } from './start-args';
import { chooseCluster, seedLabel, type ClusterChoice } from './start-cluster';
import { checkSnapshot, type SnapshotChoice } from './start-snapshot';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function run(args: string[]): Promise<number> {
  const parsed = parseStartArgs(args, process.env);
  if ('error' in parsed) {
    process.stderr.write(`lbipam start: ${parsed.error}\n`);
    return 2;
  }
  const opts = parsed.options;
  const distDir = process.env.LBIPAM_DIST_DIR ?? '.next';
  if (!opts.dev && !existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    process.stderr.write(`lbipam start: no production build in ${distDir}/ — run \`npm run build\` first\n`);
    return 2;
  }

  const choice = opts.snapshot ? checkSnapshot(opts.snapshot) : chooseCluster(opts, process.env);
  if ('error' in choice) {
    process.stderr.write(`lbipam start: ${choice.error}\n`);
    return 2;
  }
  const embedded = await startChosenCluster(choice, opts);
  if (!embedded.ok) {
    process.stderr.write(`lbipam start: ${embedded.error}\n`);
    return 2;
  }

  // Before Next loads its chunks: their source maps are only parsed and kept while this is on.
  if (!keepSourceMaps(opts.dev, process.execArgv, process.env.NODE_OPTIONS))
    process.setSourceMapsEnabled(false);
  const { default: next } = await import('next');
  const app = next({ dev: opts.dev, dir: root, hostname: opts.host, port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`request failed: ${String(err)}\n`);
      if (!res.headersSent) res.writeHead(500).end('internal error');
    });
  });

  const listening = await new Promise<string | null>((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === 'EADDRINUSE'
          ? `port ${opts.port} is already in use (choose another with --port)`
          : err.message,
      ),
    );
    server.listen(opts.port, opts.host, () => resolve(null));
  });
  if (listening) {
    process.stderr.write(`lbipam start: ${listening}\n`);
    await embedded.stop();
    return 2;
  }

  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  process.stdout.write(`lbipam-dashboard: showing ${choice.label}\n`);
  process.stdout.write(`lbipam-dashboard: ready on http://${shown}:${opts.port}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Open watch streams and timers inside Next would keep the process alive: shut down what we own,
  // bounded in time, then exit.
  server.closeAllConnections();
  server.close();
  await Promise.race([
    Promise.allSettled([app.close?.(), embedded.stop()]),
    new Promise((resolve) => setTimeout(resolve, 1000).unref()),
  ]);
  process.exit(0);
}

async function startChosenCluster(
  choice: ClusterChoice | SnapshotChoice,
  opts: StartOptions,
): Promise<{ ok: true; stop: () => Promise<void> } | { ok: false; error: string }> {
  if (choice.origin === 'snapshot') {
    // lib/kube reads the file itself (LBIPAM_SNAPSHOT); no cluster, no kubeconfig.
    for (const v of [
      'LBIPAM_ORIGIN',
      'LBIPAM_KUBECONFIG',
      'LBIPAM_CONTEXT',
      'LBIPAM_SEED',
      'LBIPAM_ALLOW_WRITES',
    ])
      delete process.env[v];
    process.env.LBIPAM_SNAPSHOT = choice.file;
    return { ok: true, stop: async () => {} };
  }
  delete process.env.LBIPAM_SNAPSHOT;
  if (choice.origin !== 'embedded') {
    process.env.LBIPAM_ORIGIN = choice.origin;
    delete process.env.LBIPAM_SEED;
    if (choice.origin === 'kubeconfig') {
      if (choice.kubeconfigPath) process.env.LBIPAM_KUBECONFIG = choice.kubeconfigPath;
      if (choice.context) process.env.LBIPAM_CONTEXT = choice.context;
    }
    return { ok: true, stop: async () => {} };
  }
  try {
    const { startEmbeddedCluster } = await import('../lib/sim/embedded');
    const cluster = await startEmbeddedCluster({
      seed: opts.seed,
      kubeconfigPath: opts.embeddedKubeconfig,
      port: opts.embeddedPort,
    });
    process.env.LBIPAM_ORIGIN = 'embedded';
    process.env.LBIPAM_KUBECONFIG = cluster.kubeconfigPath;
    process.env.LBIPAM_SEED = seedLabel(opts.seed);
    delete process.env.LBIPAM_CONTEXT;
    process.stdout.write(
      `lbipam-dashboard: embedded cluster at ${cluster.server} (kubeconfig ${cluster.kubeconfigPath})\n`,
    );
    return { ok: true, stop: () => cluster.stop() };
  } catch (err) {
    return {
      ok: false,
      error: `the embedded cluster did not start: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
