import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The browser tests create and delete objects. They must only ever touch the embedded cluster
// that `lbipam start --demo` wrote a kubeconfig for: loopback, answering as `-lbipam-sim`.

interface Kubeconfig {
  'current-context'?: string;
  contexts?: { name?: string; context?: { cluster?: string } }[];
  clusters?: { name?: string; cluster?: { server?: string } }[];
}

const loopback = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;

/** The API server the kubeconfig's current context points at, if it is plain-HTTP loopback. */
export function embeddedServerOf(kubeconfigPath: string): string {
  let doc: Kubeconfig | null;
  try {
    doc = parse(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig | null;
  } catch (err) {
    throw new Error(
      `e2e guard: cannot read ${kubeconfigPath}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const ctx = doc?.contexts?.find((c) => c.name === doc?.['current-context']);
  const clusterName = ctx?.context?.cluster;
  const server = doc?.clusters?.find((c) => c.name === clusterName)?.cluster?.server?.replace(/\/+$/, '');
  if (!server) throw new Error(`e2e guard: ${kubeconfigPath} has no server for its current context`);
  if (!loopback.test(server)) {
    throw new Error(
      `e2e guard: refusing to run against ${server}; only the embedded cluster at http://127.0.0.1:<port> is allowed`,
    );
  }
  return server;
}

/** Throws unless the kubeconfig names the embedded cluster and that cluster says so itself. */
export async function assertEmbeddedCluster(kubeconfigPath: string): Promise<string> {
  const server = embeddedServerOf(kubeconfigPath);
  let gitVersion: unknown;
  try {
    // 30 s: a dashboard that runs its embedded cluster in its own process may be busy for seconds
    // right after it is ready (the history's PGlite initialises its database on the same thread).
    const res = await fetch(`${server}/version`, { signal: AbortSignal.timeout(30_000) });
    gitVersion = ((await res.json()) as { gitVersion?: unknown }).gitVersion;
  } catch (err) {
    throw new Error(
      `e2e guard: ${server}/version did not answer: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (typeof gitVersion !== 'string' || !gitVersion.endsWith('-lbipam-sim')) {
    throw new Error(
      `e2e guard: ${server} reports gitVersion ${JSON.stringify(gitVersion)}, not the embedded cluster (-lbipam-sim)`,
    );
  }
  return server;
}
