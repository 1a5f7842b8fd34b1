// `lbipam start` (npm start): serve the dashboard. It decides which cluster to show, starts the
// embedded one in this process when there is no kubeconfig (or with --demo), tells lib/kube through
// LBIPAM_* environment variables (docs/contracts.md), then runs Next's production server in-process.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostname } from 'node:os';
import { isLoopbackHost, listenProblem, readAuthMode, type AuthMode } from '../lib/auth/mode';
import { SignInLimiter } from '../lib/auth/sign-in';
import { authorize, loadSettings, shareSecretFrom } from './start-auth';
import { gate, hostPolicy, securityHeaders } from './http-gate';
import { keepSourceMaps, parseStartArgs, type StartOptions } from './start-args';
import { chooseCluster, runsInPod, seedLabel, type ClusterChoice } from './start-cluster';
import { checkSnapshot, type SnapshotChoice } from './start-snapshot';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function run(args: string[]): Promise<number> {
  const parsed = parseStartArgs(args, process.env);
  if ('error' in parsed) {
    process.stderr.write(`lbipam start: ${parsed.error}\n`);
    return 2;
  }
  const opts = parsed.options;
  // The config file and the environment over it, checked at once (lib/config): a key that is not
  // known or a value that does not read stops the start with the key or variable named. What it
  // sets reaches the rest of the dashboard as LBIPAM_* variables, as if they had been set.
  const settings = loadSettings(opts.config);
  if ('error' in settings) {
    process.stderr.write(`lbipam start: ${settings.error}\n`);
    return 2;
  }
  if (!args.includes('--port') && settings.env.PORT) opts.port = Number(settings.env.PORT);
  // Outside a pod nobody else should reach an unauthenticated dashboard unless asked: loopback.
  const inPod = runsInPod(process.env);
  const host = opts.host ?? process.env.LBIPAM_HOST ?? (inPod ? '0.0.0.0' : '127.0.0.1');
  const auth = readAuthMode(process.env, (f) => readFileSync(f, 'utf8'));
  const refusal = 'error' in auth ? auth.error : listenProblem(host, process.env);
  if (refusal) {
    process.stderr.write(`lbipam start: ${refusal}\n`);
    return 2;
  }
  const authMode = auth as AuthMode;
  const distDir = process.env.LBIPAM_DIST_DIR ?? '.next';
  if (!opts.dev && !existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    process.stderr.write(`lbipam start: no production build in ${distDir}/ — run \`npm run build\` first\n`);
    return 2;
  }

  opts.repo ??= process.env.LBIPAM_REPO;
  if (opts.repo) {
    // The GitOps page's repository: refused now when it is not a directory, not at the first request.
    const dir = path.resolve(opts.repo);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      process.stderr.write(`lbipam start: --repo ${opts.repo}: not a directory\n`);
      return 2;
    }
    process.env.LBIPAM_REPO = dir;
  }

  const choice = opts.snapshot ? checkSnapshot(opts.snapshot) : chooseCluster(opts, process.env);
  if ('error' in choice) {
    process.stderr.write(`lbipam start: ${choice.error}\n`);
    return 2;
  }
  // The port first: when it is taken, say so and stop before anything else starts (an embedded
  // cluster started and torn down again left Next reading its deleted kubeconfig, and a misleading
  // ENOENT after the real message). Until Next is ready, requests get 503.
  const policy = hostPolicy(process.env, hostname());
  const headers = Object.entries(securityHeaders(process.env));
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  const shareSecret = shareSecretFrom(process.env);
  const signIns = new SignInLimiter();
  const loopback = isLoopbackHost(host);
  const server = createServer((req, res) => {
    for (const [k, v] of headers) res.setHeader(k, v);
    const refused = gate({ method: req.method, url: req.url, host: req.headers.host }, policy);
    if (refused) {
      res.writeHead(refused.status, refused.headers).end(req.method === 'HEAD' ? undefined : refused.body);
      return;
    }
    const authAnswer = authorize(req, res, { auth: authMode, shareSecret, loopback, signIns });
    if (authAnswer !== 'pass') {
      void authAnswer.then((a) => {
        if (a) res.writeHead(a.status, a.headers).end(req.method === 'HEAD' ? undefined : a.body);
      });
      return;
    }
    if (!handle) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' })
        .end('starting\n');
      return;
    }
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
          : err.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine (choose another with --host)`
            : err.message,
      ),
    );
    server.listen(opts.port, host, () => resolve(null));
  });
  if (listening) {
    process.stderr.write(`lbipam start: ${listening}\n`);
    return 2;
  }

  const embedded = await startChosenCluster(choice, opts);
  if (!embedded.ok) {
    process.stderr.write(`lbipam start: ${embedded.error}\n`);
    server.close();
    return 2;
  }

  // Before Next loads its chunks: their source maps are only parsed and kept while this is on.
  if (!keepSourceMaps(opts.dev, process.execArgv, process.env.NODE_OPTIONS))
    process.setSourceMapsEnabled(false);
  // Where the app's node_modules are, for what the server resolves at run time rather than through
  // its bundles (lib/history/pglite-initdb.ts hands PGlite to a child process by path).
  process.env.LBIPAM_APP_DIR = root;
  const { default: next } = await import('next');
  const app = next({ dev: opts.dev, dir: root, hostname: host, port: opts.port });
  await app.prepare();
  handle = app.getRequestHandler();

  process.stdout.write(`lbipam-dashboard: showing ${choice.label}\n`);
  process.stdout.write(`lbipam-dashboard: ${listeningText(host, opts.port, authMode.mode)}\n`);

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

/** Where it listens, as it is: loopback only, or every interface (and with which sign-in). */
export function listeningText(host: string, port: number, mode: AuthMode['mode']): string {
  const bracketed = host.includes(':') ? `[${host}]` : host;
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost')
    return `ready on http://${bracketed}:${port} (loopback only: --host 0.0.0.0 serves other machines)`;
  const where =
    host === '0.0.0.0' || host === '::' ? `every interface, port ${port}` : `http://${bracketed}:${port}`;
  return `ready on ${where}${
    mode === 'none'
      ? " — without sign-in (auth.mode none): anyone who can reach it sees the cluster's addresses"
      : mode === 'token'
        ? ' — sign-in with the token (auth.mode token)'
        : ' — users from the sign-in proxy (auth.mode proxy)'
  }`;
}
