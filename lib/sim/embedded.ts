import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { LbIpamEngine } from '../ipam/index';
import { defaultEngineOptions } from '../ipam/types';
import { EndpointSliceController } from './controllers/endpoint-slices';
import { EnvoyGatewayController } from './controllers/envoy-gateway';
import { DEFAULT_L2, L2Announcer } from './controllers/l2-announcer';
import { LbIpamController } from './controllers/lbipam-controller';
import { PodStatusController } from './controllers/pod-status';
import { controllerStore } from './controllers/store-adapter';
import { applySeed } from './seeds/apply';
import { resolveSeed } from './seeds/index';
import { startApiServer } from './server';
import { createStore, type Store } from './store';

// The embedded cluster: the versioned store behind a real Kubernetes HTTP API on 127.0.0.1, filled
// with a seed and kept alive by the simulated controllers (Cilium's LB-IPAM and L2 announcements,
// Envoy Gateway's proxy Services), plus a kubeconfig that points kubectl and the dashboard at it.

export const EMBEDDED_NAME = 'lbipam-embedded';
export const EMBEDDED_HISTORY_LIMIT = 1_000;

export interface EmbeddedOptions {
  /** 0 or unset: any free port. */
  port?: number;
  /** `demo` (default), `empty`, `scale`, `overlap`, or a folder of YAML manifests. */
  seed?: string;
  /** Where to write the kubeconfig; a fresh temp dir when unset. */
  kubeconfigPath?: string;
  /** The cluster's clock (creation times, lease renewals); tests pass one they control. */
  now?: () => Date;
  /** Alias of `now` (the name docs/contracts.md uses). */
  clock?: () => Date;
  /** How often the L2 leases are renewed on their own; 0 = only via tickL2() (tests). */
  l2RetryPeriodMs?: number;
  /**
   * Writes kept for resuming watches (older resourceVersions get 410 Gone). Default 1,000: every
   * kept write holds its object and the one it replaced, and the L2 announcer renews a lease per
   * announced Service every 2 s, so 10,000 would pin ~20,000 stale objects. Watchers here resume at
   * once (kubectl get -w, the dashboard) or list again on 410.
   */
  historyLimit?: number;
}

export interface EmbeddedCluster {
  /** http://127.0.0.1:<port> */
  server: string;
  kubeconfigPath: string;
  stop(): Promise<void>;
  /** The in-process store, for tests and tools in this process. */
  store: Store;
  /** Resolves once the controllers have processed every pending event. */
  settle(): Promise<void>;
  /** Runs one L2 election round now (at the clock's time); returns the lease writes made. */
  tickL2(): number;
}

export function kubeconfigYaml(server: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: EMBEDDED_NAME, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: EMBEDDED_NAME, user: { token: 'lbipam-embedded-dummy-token' } }],
    contexts: [{ name: EMBEDDED_NAME, context: { cluster: EMBEDDED_NAME, user: EMBEDDED_NAME } }],
    'current-context': EMBEDDED_NAME,
    preferences: {},
  });
}

/** Cluster names in a kubeconfig other than ours (unparseable text counts as foreign). */
function foreignClusters(text: string): string[] {
  if (text.trim() === '') return [];
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return ['(not a kubeconfig)'];
  }
  if (doc === null || typeof doc !== 'object') return ['(not a kubeconfig)'];
  const clusters = (doc as { clusters?: unknown }).clusters;
  const names = Array.isArray(clusters)
    ? clusters.map((c) => String((c as { name?: unknown })?.name ?? '?'))
    : [];
  return names.filter((n) => n !== EMBEDDED_NAME);
}

/**
 * Writes the kubeconfig (never over one holding another cluster: that would lose a user's
 * contexts), creating missing folders one at a time: Node's recursive mkdir never
 * returns for a path under /proc (ENOENT forever), and a start must fail, not hang.
 */
async function writeKubeconfig(path: string, text: string): Promise<void> {
  try {
    const missing: string[] = [];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const info = await stat(dir).catch(() => undefined);
      if (info) {
        if (!info.isDirectory()) throw new Error(`${dir} is not a folder`);
        break;
      }
      missing.unshift(dir);
      if (dirname(dir) === dir) break;
    }
    for (const dir of missing) await mkdir(dir);
    const existing = await readFile(path, 'utf8').catch(() => undefined);
    const others = existing === undefined ? [] : foreignClusters(existing);
    if (others.length > 0) {
      throw new Error(
        `it already holds other clusters (${others.join(', ')}); refusing to overwrite it, choose another path`,
      );
    }
    await writeFile(path, text, { mode: 0o600 });
  } catch (err) {
    throw new Error(
      `cannot write the kubeconfig to ${path}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

export async function startEmbeddedCluster(opts: EmbeddedOptions = {}): Promise<EmbeddedCluster> {
  const now = opts.now ?? opts.clock ?? (() => new Date());
  // Read the seed before anything starts, so a bad seed leaves nothing running.
  const objects = await resolveSeed(opts.seed ?? 'demo');
  const store = createStore({ now, historyLimit: opts.historyLimit ?? EMBEDDED_HISTORY_LIMIT });
  const lbipam = new LbIpamController(
    controllerStore(store, 'cilium-operator-lb-ipam'),
    new LbIpamEngine(defaultEngineOptions, now),
  );
  const l2 = new L2Announcer(
    controllerStore(store, 'cilium-agent-l2-announcer'),
    { now },
    { ...DEFAULT_L2, retryPeriodMs: opts.l2RetryPeriodMs ?? DEFAULT_L2.retryPeriodMs },
  );
  const envoy = new EnvoyGatewayController(controllerStore(store, 'envoy-gateway'), { now });
  const kubelet = new PodStatusController(controllerStore(store, 'kubelet'), { now });
  const slices = new EndpointSliceController(controllerStore(store, 'endpointslice-controller'));
  const settle = async () => {
    // Each controller's writes can wake the other (an IP wakes the announcer): loop until quiet.
    for (let quiet = 0, turns = 0; quiet < 2 && turns < 10_000; turns++) {
      await nextTurn();
      quiet = lbipam.busy || l2.busy || envoy.busy || kubelet.busy || slices.busy ? 0 : quiet + 1;
    }
  };
  const stopControllers = () => {
    slices.stop();
    kubelet.stop();
    envoy.stop();
    l2.stop();
    lbipam.stop();
  };
  lbipam.start();
  l2.start();
  envoy.start();
  kubelet.start();
  slices.start();
  let api: Awaited<ReturnType<typeof startApiServer>> | undefined;
  let tempDir: string | undefined;
  try {
    applySeed(store, objects);
    await settle();
    api = await startApiServer({ store, port: opts.port ?? 0, host: '127.0.0.1' });
    const server = `http://127.0.0.1:${api.port}`;
    let kubeconfigPath: string;
    if (opts.kubeconfigPath) {
      kubeconfigPath = resolve(opts.kubeconfigPath);
      await writeKubeconfig(kubeconfigPath, kubeconfigYaml(server));
    } else {
      tempDir = await mkdtemp(join(tmpdir(), 'lbipam-embedded-'));
      kubeconfigPath = join(tempDir, 'kubeconfig');
      await writeFile(kubeconfigPath, kubeconfigYaml(server), { mode: 0o600 });
    }
    const running = api;
    let stopped: Promise<void> | undefined;
    return {
      server,
      kubeconfigPath,
      store,
      settle,
      tickL2: () => l2.tick(),
      stop: () =>
        (stopped ??= (async () => {
          stopControllers();
          await running.close();
          if (tempDir) await rm(tempDir, { recursive: true, force: true });
        })()),
    };
  } catch (err) {
    stopControllers();
    await api?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
}
