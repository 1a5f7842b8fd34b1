// Flags of `lbipam start`, parsed without side effects so they can be tested.
export interface StartOptions {
  port: number;
  /** Unset: loopback outside a pod, every interface inside one (start.ts decides). */
  host?: string;
  demo: boolean;
  dev: boolean;
  context?: string;
  seed: string;
  embeddedKubeconfig?: string;
  embeddedPort?: number;
  /** The dashboard's config file (LBIPAM_CONFIG): today its `ipPlan:` section. */
  config?: string;
  /** A snapshot file to show instead of a cluster (read-only, frozen). */
  snapshot?: string;
  /** The GitOps repository the GitOps page scans (LBIPAM_REPO). */
  repo?: string;
}

export const startUsage = `usage: lbipam start [--port N] [--host ADDR] [--demo] [--context NAME] [--seed demo|empty|scale|overlap|DIR]
                    [--embedded-kubeconfig PATH] [--embedded-port N] [--config FILE] [--snapshot FILE] [--repo DIR] [--dev]

  With no kubeconfig (no KUBECONFIG, no ~/.kube/config, not in a pod), or with --demo / LBIPAM_DEMO=1,
  the embedded demo cluster is started on 127.0.0.1 and shown. PORT chooses the port too.
  --config FILE (or LBIPAM_CONFIG): the dashboard's config, e.g. its IP plan (ipPlan:).
  --repo DIR (or LBIPAM_REPO): the GitOps repository the GitOps page scans for claims and drift.
  --snapshot FILE shows a snapshot (downloaded from a dashboard) instead of a cluster: read-only,
  as it was when it was taken, for someone without access to the cluster.`;

function parsePort(value: string | undefined, flag: string): number | string {
  if (value === undefined || !/^\d+$/.test(value)) return `${flag} needs a port number, got '${value ?? ''}'`;
  const n = Number(value);
  if (n < 0 || n > 65535) return `${flag} must be between 0 and 65535, got ${n}`;
  return n;
}

export function parseStartArgs(
  args: string[],
  env: Record<string, string | undefined>,
): { options: StartOptions } | { error: string } {
  const envPort = env.PORT ? parsePort(env.PORT, 'PORT') : 3000;
  if (typeof envPort === 'string') return { error: envPort };
  const options: StartOptions = {
    port: envPort,
    demo: env.LBIPAM_DEMO === '1' || env.LBIPAM_DEMO === 'true',
    dev: false,
    seed: 'demo',
    ...(env.LBIPAM_CONFIG ? { config: env.LBIPAM_CONFIG } : {}),
    ...(env.LBIPAM_REPO ? { repo: env.LBIPAM_REPO } : {}),
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const [name, inline] = flag.includes('=')
      ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
      : [flag, undefined];
    const value = () => inline ?? args[++i];
    switch (name) {
      case '--port':
      case '-p': {
        const p = parsePort(value(), '--port');
        if (typeof p === 'string') return { error: p };
        options.port = p;
        break;
      }
      case '--embedded-port': {
        const p = parsePort(value(), '--embedded-port');
        if (typeof p === 'string') return { error: p };
        options.embeddedPort = p;
        break;
      }
      case '--host':
      case '-H': {
        const h = value();
        if (!h) return { error: '--host needs an address' };
        options.host = h;
        break;
      }
      case '--context': {
        const c = value();
        if (!c) return { error: '--context needs a context name' };
        options.context = c;
        break;
      }
      case '--seed': {
        const s = value();
        if (!s) return { error: '--seed needs demo, empty, scale, overlap or a folder' };
        options.seed = s;
        options.demo = true;
        break;
      }
      case '--embedded-kubeconfig': {
        const k = value();
        if (!k) return { error: '--embedded-kubeconfig needs a path' };
        options.embeddedKubeconfig = k;
        break;
      }
      case '--config': {
        const c = value();
        if (!c) return { error: '--config needs a file' };
        options.config = c;
        break;
      }
      case '--repo': {
        const r = value();
        if (!r) return { error: '--repo needs a directory' };
        options.repo = r;
        break;
      }
      case '--snapshot': {
        const f = value();
        if (!f) return { error: '--snapshot needs a file' };
        options.snapshot = f;
        break;
      }
      case '--demo':
        options.demo = true;
        break;
      case '--dev':
        options.dev = true;
        break;
      case '-h':
      case '--help':
        return { error: startUsage };
      default:
        return { error: `unknown option '${flag}'\n${startUsage}` };
    }
  }
  if (options.demo && options.context) return { error: '--demo and --context exclude each other' };
  if (options.snapshot && (options.demo || options.context))
    return { error: '--snapshot shows a file, not a cluster: it excludes --demo, --seed and --context' };
  return { options };
}

/**
 * Whether the production server keeps Node's source maps on. tsx (which loads the CLI) turns them
 * on for the whole process, and then Node parses and keeps the map of every module loaded later —
 * Next's server chunks with their sourcesContent, ~40 MB of heap at the scale seed. `next start`
 * runs without them; so do we, unless asked: `--dev`, or `--enable-source-maps` in the node
 * flags or NODE_OPTIONS (then stack traces point into the TypeScript sources again).
 */
export function keepSourceMaps(
  dev: boolean,
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): boolean {
  if (dev) return true;
  const asked = (flag: string) => flag === '--enable-source-maps';
  return execArgv.some(asked) || (nodeOptions ?? '').split(/\s+/).some(asked);
}
