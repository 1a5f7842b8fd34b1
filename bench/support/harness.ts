// Shared by the benches that drive a real dashboard: a production build in a dist dir of the
// benches' own, `lbipam start` servers in process groups of their own (killed as a group, on
// every exit path), the process group's RSS from /proc, writes through the embedded cluster's
// HTTP API, and figures that survive a failed measurement. Not a bench file itself (cli/bench.ts
// runs only bench/*.bench.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The benches' own build, so a running dashboard (.next) and the browser tests (.next-e2e) are left alone. */
export const benchDistDir = process.env.LBIPAM_BENCH_DIST_DIR ?? '.next-bench';

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-quic',
  ],
};

const log = (line: string) => process.stderr.write(`${line}\n`);
export const note = (line: string) => log(`bench: ${line}`);

/**
 * Collects figures; a failed measurement writes `error <name>: <why>` to stderr and the others
 * still count. `finish()` returns the figures, or throws an error carrying them (cli/bench.ts
 * prints them, then fails) when any measurement failed.
 */
export class Figures {
  readonly figures: Figure[] = [];
  readonly failed: string[] = [];

  add(name: string, value: number, unit: string): void {
    this.figures.push({ name, value, unit });
  }

  /** `context` adds what may explain a failure (e.g. that the server has died, and its stderr). */
  async measure(names: string | string[], fn: () => Promise<void>, context?: () => string): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      const extra = context?.();
      this.fail(names, extra ? new Error(`${errorText(err)}; ${extra}`) : err);
      return false;
    }
  }

  fail(names: string | string[], err: unknown): void {
    const why = errorText(err);
    for (const name of Array.isArray(names) ? names : [names]) {
      if (this.failed.includes(name)) continue;
      this.failed.push(name);
      log(`error ${name}: ${why}`);
    }
  }

  finish(): Figure[] {
    if (this.failed.length === 0) return this.figures;
    throw Object.assign(new Error(`not measured: ${this.failed.join(', ')}`), { figures: this.figures });
  }
}

/** An error's message with its causes (fetch's "fetch failed" says why only in `cause`). */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    parts.push(e instanceof Error ? e.message : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(': ');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds the dashboard into benchDistDir once (its output goes to stderr: stdout is for figures). */
export function ensureBuild(): void {
  if (existsSync(path.join(root, benchDistDir, 'BUILD_ID'))) return;
  note(`no production build in ${benchDistDir}/: running next build (once)`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LBIPAM_DIST_DIR: benchDistDir },
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0 || !existsSync(path.join(root, benchDistDir, 'BUILD_ID'))) {
    throw new Error(`next build into ${benchDistDir}/ failed (exit ${r.status})`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every process of a group, from /proc. */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces and parentheses): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Resident memory of a whole process group, in MB (VmRSS of each member, summed). */
export function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // gone meanwhile
    }
  }
  if (kb === 0) throw new Error(`no process left in group ${pgid}`);
  return Math.round((kb / 1024) * 10) / 10;
}

export interface Dashboard {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The process group (the server's pid): dashboard and embedded cluster run in it. */
  pgid: number;
  /** The embedded cluster's API server and the token its kubeconfig carries. */
  api: { server: string; token: string };
  /** "running", or how the server ended and the tail of its stderr. */
  status(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
// Whatever happens to the bench (a throw, Ctrl-C), no server outlives it.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

async function waitFor(url: string, child: ChildProcess, deadline: number, what: string): Promise<void> {
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`lbipam start exited (${child.exitCode ?? child.signalCode}) before ${what}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`no 200 from ${url} (${what}) in time`);
}

/**
 * `node bin/lbipam.mjs start --seed <seed>` on the bench build, in a process group of its own,
 * ready once its inventory answers (the embedded cluster has settled and the feed has synced).
 */
export async function startDashboard(seed: string, timeoutMs = 180_000): Promise<Dashboard> {
  ensureBuild();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    LBIPAM_DIST_DIR: benchDistDir,
  };
  delete env.KUBECONFIG;
  const child = spawn(
    process.execPath,
    [
      'bin/lbipam.mjs',
      'start',
      '--seed',
      seed,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--embedded-kubeconfig',
      kubeconfig,
    ],
    { cwd: root, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!done) killGroup(child, 'SIGKILL');
      await exited;
    }
    // The server's own children, if any, die with the group too (only while the group has
    // members: a signal to a gone group's id could reach whoever reuses it).
    if (child.pid && groupPids(child.pid).length > 0) killGroup(child, 'SIGKILL');
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + timeoutMs;
    await waitFor(`${url}/api/health`, child, deadline, 'listening');
    await waitFor(`${url}/api/inventory`, child, deadline, 'the first inventory');
    const doc = parse(readFileSync(kubeconfig, 'utf8')) as {
      clusters: { cluster: { server: string } }[];
      users: { user: { token?: string } }[];
    };
    const api = { server: doc.clusters[0].cluster.server, token: doc.users[0]?.user?.token ?? '' };
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(api.server))
      throw new Error(`unexpected API server ${api.server}`);
    const status = () =>
      child.exitCode === null && child.signalCode === null
        ? `server pid ${child.pid} running`
        : `the server exited (${child.exitCode ?? child.signalCode}); its stderr: ${stderr.trim().slice(-800) || '(empty)'}`;
    return { url, pgid: child.pid ?? 0, api, status, stop };
  } catch (err) {
    await stop();
    const tail = stderr.trim() ? `; server stderr: ${stderr.trim().slice(-800)}` : '';
    throw new Error(`${errorText(err)}${tail}`);
  }
}

/**
 * One request to the embedded cluster's API, as kubectl would send it (JSON, bearer token). A
 * connection that fails (no HTTP answer) is retried twice; a retried create that finds the object
 * (409), or a retried delete that finds it gone (404), had gone through the first time.
 */
async function apiRequest(d: Dashboard, method: 'POST' | 'DELETE', p: string, body?: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${d.api.server}${p}`, {
        method,
        headers: { authorization: `Bearer ${d.api.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      if (attempt >= 2) throw new Error(`${method} ${p}: ${errorText(err)}`);
      note(`${method} ${p}: ${errorText(err)}; retrying`);
      await sleep(250);
      continue;
    }
    const text = await res.text();
    if (res.status < 300) return;
    if (attempt > 0 && res.status === (method === 'POST' ? 409 : 404)) return;
    throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
  }
}

/** A LoadBalancer Service in `namespace`, with `labels` (a pool's serviceSelector picks it). */
export function createService(
  d: Dashboard,
  namespace: string,
  name: string,
  labels: Record<string, string>,
): Promise<void> {
  return apiRequest(d, 'POST', `/api/v1/namespaces/${namespace}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: {
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: false,
      selector: { app: name },
      ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
    },
  });
}

export function deleteService(d: Dashboard, namespace: string, name: string): Promise<void> {
  return apiRequest(d, 'DELETE', `/api/v1/namespaces/${namespace}/services/${name}`);
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Nearest-rank percentile (p95 of 20 samples is the 19th smallest). */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const round1 = (x: number) => Math.round(x * 10) / 10;
