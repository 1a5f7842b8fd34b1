// Runs the real `kubectl` (whatever is on PATH) against an embedded API server, with a
// throwaway kubeconfig and discovery cache so tests never touch the user's ~/.kube.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface KubectlSandbox {
  dir: string;
  kubeconfigPath: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function kubeconfigYaml(serverUrl: string, context = 'lbipam-sim'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: ${serverUrl}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${context}`,
    '  user:',
    '    token: lbipam-sim',
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}`,
    '    namespace: default',
    `current-context: ${context}`,
    '',
  ].join('\n');
}

export async function createKubectlSandbox(serverUrl: string): Promise<KubectlSandbox> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lbipam-kubectl-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfigYaml(serverUrl), 'utf8');
  const env = {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: kubeconfigPath,
    KUBECACHEDIR: path.join(dir, 'cache'),
    KUBECTL_KUBERC: 'false',
  };
  return { dir, kubeconfigPath, env, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts kubectl without waiting (for `get -w`); stdout/stderr are collected into the result. */
export function spawnKubectl(
  sb: KubectlSandbox,
  args: string[],
  input?: string,
): { child: ChildProcess; done: Promise<KubectlResult>; stdout: () => string } {
  const child = spawn('kubectl', ['--kubeconfig', sb.kubeconfigPath, ...args], {
    env: sb.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin?.end(input ?? '');
  const done = new Promise<KubectlResult>((resolve) => {
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: `${stderr}${err.message}` }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done, stdout: () => stdout };
}

/** Runs kubectl to completion; kills it after `timeoutMs` (default 20 s) so a test never hangs. */
export async function runKubectl(
  sb: KubectlSandbox,
  args: string[],
  input?: string,
  timeoutMs = 20_000,
): Promise<KubectlResult> {
  const run = spawnKubectl(sb, args, input);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.done;
  } finally {
    clearTimeout(timer);
  }
}
