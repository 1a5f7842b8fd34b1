import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKubectlSandbox, runKubectl } from '../lib/sim/testing/kubectl';
import { parseClusterArgs, run, shellQuote } from './cluster';

const BIN = fileURLToPath(new URL('../bin/lbipam.mjs', import.meta.url));

describe('parseClusterArgs', () => {
  it('reads flags in both spellings, with defaults', () => {
    expect(parseClusterArgs([])).toEqual({ port: 0, seed: 'demo' });
    expect(parseClusterArgs(['--port', '6443', '--seed=scale', '--kubeconfig', '/tmp/k'])).toEqual({
      port: 6443,
      seed: 'scale',
      kubeconfigPath: '/tmp/k',
    });
  });

  it('names what is wrong', () => {
    expect(parseClusterArgs(['--prot', '1'])).toEqual({ error: "unknown option '--prot'" });
    expect(parseClusterArgs(['--port', 'abc'])).toEqual({
      error: "--port must be a whole number from 0 to 65535, got 'abc'",
    });
    expect(parseClusterArgs(['--port', '70000'])).toHaveProperty('error');
    expect(parseClusterArgs(['--seed'])).toEqual({ error: '--seed needs a value' });
  });

  it('quotes the kubeconfig path for the export line only when needed', () => {
    expect(shellQuote('/tmp/a/kubeconfig')).toBe('/tmp/a/kubeconfig');
    expect(shellQuote("/tmp/it's here")).toBe("'/tmp/it'\\''s here'");
  });
});

describe('lbipam cluster (in process)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 2 for a bad flag, a bad seed and a port in use', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run(['--bogus'])).toBe(2);
    expect(await run(['--seed', 'nosuch'])).toBe(2);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await run(['--port', String(port), '--seed', 'empty'])).toBe(2);
    } finally {
      blocker.close();
    }
    const said = err.mock.calls.map((c) => String(c[0])).join('');
    expect(said).toContain("unknown option '--bogus'");
    expect(said).toContain("unknown seed 'nosuch'");
    expect(said).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });
});

describe('lbipam cluster (process + kubectl)', () => {
  it('serves the demo to kubectl until SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lbipam-cluster-'));
    const kubeconfig = join(dir, 'kubeconfig');
    const child = spawn(process.execPath, [BIN, 'cluster', '--kubeconfig', kubeconfig], { stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      await vi.waitFor(() => expect(out).toContain('Press Ctrl-C to stop.'), {
        timeout: 30_000,
        interval: 100,
      });
      expect(out).toContain(`export KUBECONFIG=${kubeconfig}`);
      expect(out).toMatch(/at http:\/\/127\.0\.0\.1:\d+/);

      const sb = await createKubectlSandbox('http://127.0.0.1:1'); // throwaway HOME and KUBECACHEDIR
      try {
        const ours = { ...sb, kubeconfigPath: kubeconfig, env: { ...sb.env, KUBECONFIG: kubeconfig } };
        const res = await runKubectl(ours, ['get', 'svc', '-A']);
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        const jellyfin = res.stdout.split('\n').find((l) => /\bjellyfin\b/.test(l));
        const plex = res.stdout.split('\n').find((l) => /\bplex\b/.test(l));
        expect(jellyfin).toMatch(/LoadBalancer\s+\S+\s+192\.168\.0\.229\s/);
        expect(plex).toMatch(/<pending>/);
      } finally {
        await sb.cleanup();
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM, stopping');
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps running and stops cleanly when whoever read its stdout has gone (| head)', async () => {
    const child = spawn(process.execPath, [BIN, 'cluster', '--seed', 'empty'], { stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      await new Promise<void>((r) => child.stdout.once('data', () => r()));
      child.stdout.destroy(); // like `head -1` exiting
      await new Promise((r) => setTimeout(r, 200));
      child.kill('SIGINT'); // its "stopping" line now goes to a closed pipe
      expect(await exited).toBe(0);
      expect(err).not.toContain('EPIPE');
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
