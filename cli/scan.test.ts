// `lbipam scan` and `lbipam plan DIR` as a user runs them: a process, a repository built in a
// temporary directory, the formats and exit codes, and drift against the embedded cluster.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '../lib/sim/embedded';
import type { ScanReport } from '../lib/scan/report';
import { homelab, writeRepo } from '../lib/scan/testing/repo-fixture';
import { parseScanArgs } from './scan-args';

const BIN = fileURLToPath(new URL('../bin/lbipam.mjs', import.meta.url));
const NOW = '--now=2026-01-01T00:00:00Z';

function lbipam(
  args: string[],
  opts: { cwd?: string; home: string },
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: opts.home };
    delete env.KUBECONFIG;
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: opts.cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const withoutBroken = Object.fromEntries(Object.entries(homelab).filter(([p]) => !p.includes('broken')));

describe('parseScanArgs', () => {
  it('reads the directory, format, exclusions and the cluster flags (which imply drift)', () => {
    expect(parseScanArgs(['repo', '-f', 'sarif', '--exclude', 'a,./b/', '--include-hidden'])).toMatchObject({
      dir: 'repo',
      format: 'sarif',
      exclude: ['a', 'b'],
      includeHidden: true,
      drift: false,
    });
    expect(parseScanArgs(['repo', '--kubeconfig', '/k'])).toMatchObject({
      drift: true,
      cluster: { kubeconfig: '/k' },
    });
  });
  it('names what is wrong', () => {
    expect(parseScanArgs([])).toEqual({ error: 'give the repository directory to scan' });
    expect(parseScanArgs(['a', 'b'])).toEqual({ error: 'give one directory, got 2 (a b)' });
    expect(parseScanArgs(['a', '--format', 'xml'])).toEqual({
      error: "--format must be one of text, json, markdown, sarif, got 'xml'",
    });
    expect(parseScanArgs(['a', '--colour'])).toEqual({ error: "unknown option '--colour'" });
  });
});

describe('lbipam scan and plan DIR (processes)', () => {
  let home: string;
  let broken: string;
  let repo: string;
  let clean: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'lbipam-scan-home-'));
    broken = await writeRepo(homelab);
    repo = await writeRepo(withoutBroken);
    clean = await writeRepo({
      'pool.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec:\n  blocks: [{cidr: 10.1.6.0/24}]\n',
      'apps/a/values.yaml':
        'service:\n  app:\n    controller: a\n    type: LoadBalancer\n    annotations:\n      lbipam.cilium.io/ips: 10.1.6.62\n',
    });
  });
  afterAll(async () => {
    for (const d of [home, broken, repo, clean]) await rm(d, { recursive: true, force: true });
  });

  it('exit 2 on a malformed file, after reporting every other file (JSON, field by field)', async () => {
    const r = await lbipam(['scan', broken, '-f', 'json', NOW], { home });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as ScanReport;
    expect(report.kind).toBe('lbipam.scan');
    expect(report.errors).toEqual([
      { file: 'kubernetes/apps/broken/bad.yaml', line: 6, col: 1, message: expect.any(String) },
    ]);
    expect(report.claims).toHaveLength(10);
    expect(report.findings.map((f) => f.rule)).toContain('duplicate');
  });

  it('exit 1 with findings, text by default; exit 0 when clean', async () => {
    const r = await lbipam(['scan', repo, NOW], { home });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'kubernetes/apps/home/mosquitto/service.yaml:10  error  outside-pools  Service home/mosquitto claims 10.0.0.5',
    );
    expect(r.out).toContain('LB_PLEX=192.168.69.128 (kubernetes/components/common/cluster-settings.yaml:8)');
    expect(r.out).toMatch(/exit 1: 7 findings\n$/);
    const ok = await lbipam(['scan', clean, NOW], { home });
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/exit 0: no findings\n$/);
  });

  it('SARIF names the lines from the repository root; Markdown is a table', async () => {
    const r = await lbipam(['scan', '.', '-f', 'sarif', NOW], { cwd: repo, home });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'reserved-edge');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'kubernetes/apps/database/postgres/cluster.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 16 },
    });
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain(
      'forgotten-reservation',
    );
    const md = await lbipam(['scan', repo, '--format', 'markdown', NOW], { home });
    expect(md.out).toContain('| Where | Severity | Rule | Finding |');
    expect(md.out).toContain('| `kubernetes/apps/home/mosquitto/service.yaml:10` | error | outside-pools |');
  });

  it('bad usage and a missing directory exit 2 with the reason', async () => {
    expect(await lbipam(['scan'], { home })).toMatchObject({
      code: 2,
      err: expect.stringContaining('give the repository directory'),
    });
    const gone = await lbipam(['scan', join(home, 'nope')], { home });
    expect(gone).toMatchObject({ code: 2, out: '' });
    expect(gone.err).toContain('no such directory');
  });

  it('lbipam plan DIR skips values files (counted, -v lists them) and plans the Services they create', async () => {
    const r = await lbipam(['plan', repo, NOW], { home });
    expect(r.err).toContain('not planned: ${LB_SMTP} is not defined');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/media\/plex\s+192\.168\.69\.128\s+satisfied/);
    expect(r.out).toMatch(/home\/qbittorrent\s+192\.168\.69\.123\s+satisfied/);
    expect(r.out).toMatch(/network\/envoy-internal\s+192\.168\.69\.121\s+satisfied/);
    expect(r.out).toMatch(/home\/mosquitto\s+-\s+pending/);
    expect(r.out).toContain(
      'skipped 2 documents that are not Kubernetes objects (Helm values, configs); -v lists them',
    );
    const v = await lbipam(['plan', '-v', repo, NOW], { home });
    expect(v.out).toContain(`  ${join(repo, 'kubernetes/apps/home/qbittorrent/values.yaml')}:2`);
    expect(v.out).toContain(`charts/mychart/templates/service.yaml: a Helm template`);
    const strict = await lbipam(
      ['plan', '--strict', join(repo, 'kubernetes/apps/home/qbittorrent/values.yaml')],
      { home },
    );
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/document 1: kind: missing/);
  });
});

describe('lbipam scan --drift against the embedded cluster', () => {
  let home: string;
  let repo: string;
  let cluster: EmbeddedCluster;
  const post = async (path: string, body: object) => {
    const r = await fetch(`${cluster.server}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status !== 201 && r.status !== 409) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  const svc = (namespace: string, name: string, ip?: string) =>
    post(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, annotations: ip ? { 'lbipam.cilium.io/ips': ip } : {} },
      spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] },
    });
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'lbipam-drift-'));
    repo = await writeRepo(withoutBroken);
    cluster = await startEmbeddedCluster({ seed: 'empty', kubeconfigPath: join(home, 'kubeconfig') });
    for (const ns of ['media', 'home', 'other'])
      await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await post('/apis/cilium.io/v2/ciliumloadbalancerippools', {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'pool' },
      spec: { blocks: [{ cidr: '192.168.69.0/24' }] },
    });
    await svc('default', 'kube-api', '192.168.69.120'); // as declared
    await svc('media', 'plex', '192.168.69.150'); // moved
    await svc('home', 'qbittorrent', '192.168.69.123'); // as declared
    await svc('other', 'stray'); // nothing declares it
    await cluster.settle();
  });
  afterAll(async () => {
    await cluster?.stop();
    await rm(home, { recursive: true, force: true });
    await rm(repo, { recursive: true, force: true });
  });

  it('declared but not live, live but not declared, declared at a different address', async () => {
    const r = await lbipam(['scan', repo, '--kubeconfig', join(home, 'kubeconfig'), '-f', 'json', NOW], {
      home,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as ScanReport;
    const drift = report.drift!;
    expect(drift.find((d) => d.live === 'media/plex')).toEqual({
      kind: 'different-address',
      declared: 'HelmRelease media/plex',
      live: 'media/plex',
      declaredIps: ['192.168.69.128'],
      liveIps: ['192.168.69.150'],
      at: { file: 'kubernetes/apps/media/plex/app/helmrelease.yaml', line: 22 },
      message: 'HelmRelease media/plex declares 192.168.69.128; live Service media/plex has 192.168.69.150',
    });
    expect(drift.find((d) => d.kind === 'live-not-declared')).toMatchObject({
      live: 'other/stray',
      liveIps: [expect.stringMatching(/^192\.168\.69\./)],
    });
    expect(drift.filter((d) => d.kind === 'declared-not-live').map((d) => d.declared)).toEqual(
      expect.arrayContaining([
        'HelmChart home/go2rtc',
        'Service home/mosquitto',
        'Gateway network/envoy-internal',
      ]),
    );
    expect(
      drift.some(
        (d) => d.declared === 'Service default/kube-api' || d.declared === 'HelmChart home/qbittorrent',
      ),
    ).toBe(false);
    expect(report.summary.drift).toBe(drift.length);
  });
});
