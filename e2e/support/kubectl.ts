import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { e2eKubeconfig } from './paths';
import { embeddedServerOf } from './guard';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real kubectl against one of the suite's embedded clusters only: an explicit --kubeconfig
 * (re-checked here), a throwaway cache dir, and no inherited KUBECONFIG that could point elsewhere.
 * `kubeconfigPath` defaults to the demo dashboard's cluster.
 */
export async function kubectl(
  args: string[],
  stdin?: string,
  kubeconfigPath: string = e2eKubeconfig,
): Promise<KubectlResult> {
  const kubeconfig = path.resolve(kubeconfigPath);
  embeddedServerOf(kubeconfig);
  const cache = mkdtempSync(path.join(tmpdir(), 'lbipam-e2e-kubecache-'));
  try {
    return await new Promise<KubectlResult>((resolve, reject) => {
      const child = spawn('kubectl', ['--kubeconfig', kubeconfig, '--request-timeout=10s', ...args], {
        env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: cache },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(stdin ?? '');
    });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** kubectl that must succeed; the error carries kubectl's own message. */
export async function kubectlOk(
  args: string[],
  stdin?: string,
  kubeconfigPath: string = e2eKubeconfig,
): Promise<string> {
  const r = await kubectl(args, stdin, kubeconfigPath);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Writes a manifest to a temp file, for `kubectl create -f <file>`. */
export function manifestFile(name: string, yaml: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-e2e-manifest-'));
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A pool of the demo cluster that only Services labelled `e2e.lbipam.io/pool: <name>` draw from, so
 * a spec's addresses never disturb the demo's own; `deletePool` in its afterAll.
 */
export async function applyPool(name: string, cidr: string): Promise<void> {
  await kubectlOk(
    ['apply', '-f', '-'],
    `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${name}
spec:
  blocks:
  - cidr: ${cidr}
  serviceSelector:
    matchLabels:
      e2e.lbipam.io/pool: ${name}
`,
  );
}

export async function deletePool(name: string): Promise<void> {
  await kubectl(['delete', 'ciliumloadbalancerippool', name, '--ignore-not-found', '--wait=false']);
}
