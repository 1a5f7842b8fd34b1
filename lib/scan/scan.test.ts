import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, exitCode, type ScanReport } from './report';
import { scanFiles } from './scan';
import { homelab, writeRepo } from './testing/repo-fixture';
import { walkRepo } from './walk';

const NOW = new Date('2026-01-01T00:00:00Z');

async function scanRepo(root: string, options = {}): Promise<ScanReport> {
  const w = await walkRepo(root, options);
  return buildReport({
    root,
    scan: scanFiles(w.files),
    excluded: w.excluded,
    walkErrors: w.errors,
    walkSkipped: w.skipped,
    live: null,
    now: NOW,
  });
}

describe('scanning a homelab repository', () => {
  let root: string;
  let r: ScanReport;
  beforeAll(async () => {
    root = await writeRepo(homelab);
    r = await scanRepo(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const claim = (file: string, address: string | null) =>
    r.claims.find((c) => c.at.file === file && c.address === address);

  it('reads a plain Service with the legacy annotation', () => {
    expect(claim('kubernetes/apps/default/kube-api.yaml', '192.168.69.120')).toEqual({
      address: '192.168.69.120',
      written: '192.168.69.120',
      owner: { kind: 'Service', namespace: 'default', name: 'kube-api', service: 'default/kube-api' },
      source: 'Service',
      field: 'metadata.annotations["io.cilium/lb-ipam-ips"]',
      at: { file: 'kubernetes/apps/default/kube-api.yaml', line: 7 },
      variables: [],
      sharingKey: null,
      problem: null,
    });
  });

  it('resolves a HelmRelease app-template claim through substituteFrom, naming the ConfigMap line', () => {
    const c = claim('kubernetes/apps/media/plex/app/helmrelease.yaml', '192.168.69.128')!;
    expect(c.owner).toEqual({ kind: 'HelmRelease', namespace: 'media', name: 'plex', service: 'media/plex' });
    expect(c.source).toBe('app-template');
    expect(c.written).toBe('${LB_PLEX}');
    expect(c.field).toBe('spec.values.service.app.annotations["lbipam.cilium.io/ips"]');
    expect(c.at.line).toBe(22);
    expect(c.variables).toEqual([
      {
        name: 'LB_PLEX',
        value: '192.168.69.128',
        from: 'ConfigMap flux-system/cluster-settings',
        definedAt: { file: 'kubernetes/components/common/cluster-settings.yaml', line: 8 },
      },
    ]);
  });

  it('follows an anchor shared by external-dns and the Gateway infrastructure, substituted from postBuild.substitute', () => {
    const c = claim('kubernetes/apps/network/gateway/internal.yaml', '192.168.69.121')!;
    expect(c.owner).toEqual({ kind: 'Gateway', namespace: 'network', name: 'envoy-internal', service: null });
    expect(c.at.line).toBe(11);
    expect(c.variables[0]).toMatchObject({
      name: 'GATEWAY_INTERNAL_IP',
      from: 'Kustomization flux-system/cluster-apps postBuild.substitute',
      definedAt: { file: 'kubernetes/flux/cluster/ks.yaml', line: 11 },
    });
  });

  it('reads kustomize helmCharts: valuesInline, and a valuesFile with merge keys under its release', () => {
    expect(claim('kubernetes/apps/home/go2rtc/kustomization.yaml', '192.168.69.124')).toMatchObject({
      owner: { kind: 'HelmChart', namespace: 'home', name: 'go2rtc', service: 'home/go2rtc' },
      field: 'helmCharts.0.valuesInline.service.app.annotations["lbipam.cilium.io/ips"]',
      at: { line: 13 },
    });
    expect(claim('kubernetes/apps/home/qbittorrent/values.yaml', '192.168.69.123')).toMatchObject({
      owner: { kind: 'HelmChart', namespace: 'home', name: 'qbittorrent', service: 'home/qbittorrent' },
      at: { line: 9 },
    });
  });

  it("reads CloudNativePG's serviceTemplate, and a Service's loadBalancerIP beside its annotation", () => {
    expect(claim('kubernetes/apps/database/postgres/cluster.yaml', '192.168.69.255')?.owner).toEqual({
      kind: 'Cluster.postgresql.cnpg.io',
      namespace: 'database',
      name: 'postgres',
      service: 'database/postgres-lb',
    });
    expect(claim('kubernetes/apps/home/mosquitto/service.yaml', '10.0.0.5')).toMatchObject({
      field: 'spec.loadBalancerIP',
      at: { line: 10 },
    });
  });

  it('reports unresolved variables instead of guessing: a Secret, an undefined one', () => {
    const vault = r.claims.find((c) => c.owner.name === 'vault')!;
    expect(vault).toMatchObject({ address: null, written: '${LB_VAULT}', sharingKey: 'vault' });
    expect(vault.problem).toBe(
      '${LB_VAULT} comes from Secret flux-system/cluster-secrets, whose values are not read',
    );
    const smtp = r.claims.find((c) => c.owner.name === 'smtp-relay')!;
    expect(smtp.address).toBeNull();
    expect(smtp.problem).toMatch(
      /^\$\{LB_SMTP\} is not defined in the scope of Kustomization flux-system\/cluster-apps/,
    );
    expect(r.plan.entries.find((e) => e.service === 'security/smtp-relay')?.state).toBe('unresolved');
  });

  it('finds each problem once, at its line', () => {
    expect(r.findings.map((f) => [f.rule, `${f.at.file}:${f.at.line}`, f.address])).toEqual([
      ['reserved-edge', 'kubernetes/apps/database/postgres/cluster.yaml:16', '192.168.69.255'],
      ['duplicate', 'kubernetes/apps/home/go2rtc/kustomization.yaml:13', '192.168.69.124'],
      ['duplicate', 'kubernetes/apps/home/mosquitto/service.yaml:7', '192.168.69.124'],
      ['outside-pools', 'kubernetes/apps/home/mosquitto/service.yaml:10', '10.0.0.5'],
      ['secret-variable', 'kubernetes/apps/security/vault.yaml:7', null],
      ['undefined-variable', 'kubernetes/apps/security/vault.yaml:18', null],
      ['forgotten-reservation', 'kubernetes/components/common/cluster-settings.yaml:9', '192.168.69.140'],
    ]);
    expect(r.findings[1].related).toEqual([{ file: 'kubernetes/apps/home/mosquitto/service.yaml', line: 7 }]);
  });

  it('plans the repository on an empty cluster with the engine: who gets what, who waits and why', () => {
    const byService = Object.fromEntries(r.plan.entries.map((e) => [e.service, [e.state, e.ips.join(',')]]));
    expect(byService).toMatchObject({
      'default/kube-api': ['satisfied', '192.168.69.120'],
      'home/go2rtc': ['satisfied', '192.168.69.124'],
      'home/mosquitto': ['pending', ''],
      'media/plex': ['satisfied', '192.168.69.128'],
      'network/envoy-internal': ['satisfied', '192.168.69.121'],
      'database/postgres-lb': ['pending', ''],
    });
    expect(r.plan.entries.find((e) => e.service === 'home/mosquitto')?.detail).toContain(
      'No CiliumLoadBalancerIPPool has a block containing 10.0.0.5',
    );
    // Cilium counts the two withheld edges as used: 5 satisfied + 2.
    expect(r.plan.pools).toEqual([
      { name: 'pool', conflict: null, total: '256', used: '7', available: '249' },
    ]);
  });

  it('lists what it could not read with file and line, skips Helm templates, leaves out dot-directories', () => {
    expect(r.errors).toEqual([
      {
        file: 'kubernetes/apps/broken/bad.yaml',
        line: 6,
        col: 1,
        message: expect.stringContaining('Flow sequence'),
      },
    ]);
    expect(r.skipped).toEqual([
      {
        file: 'charts/mychart/templates/service.yaml',
        reason: 'a Helm template of the chart in charts/mychart (rendered by Helm, not read)',
      },
    ]);
    expect(r.excluded).toEqual(['.archive']);
    expect(r.claims.some((c) => c.at.file.startsWith('.archive'))).toBe(false);
    expect(r.summary).toMatchObject({
      files: 16,
      pools: 1,
      l2Policies: 1,
      claims: 10,
      errors: 1,
      skipped: 1,
      excluded: 1,
    });
    expect(exitCode(r)).toBe(2);
  });

  it('reads a dot-directory when asked, and leaves out an --exclude directory', async () => {
    const all = await scanRepo(root, {
      includeHidden: true,
      exclude: ['broken', 'kubernetes/apps/security'],
    });
    expect(all.claims.some((c) => c.at.file === '.archive/old-app/service.yaml')).toBe(true);
    expect(all.errors).toEqual([]);
    expect(all.claims.some((c) => c.owner.name === 'vault')).toBe(false);
    expect(exitCode(all)).toBe(1);
  });
});

describe('a clean repository', () => {
  it('exits 0 with no findings', async () => {
    const root = await writeRepo({
      'pool.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec:\n  blocks: [{start: 10.1.6.30, stop: 10.1.6.199}]\n',
      'svc.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations: {lbipam.cilium.io/ips: 10.1.6.62}\nspec: {type: LoadBalancer}\n',
    });
    const r = await scanRepo(root);
    await rm(root, { recursive: true, force: true });
    expect(r.findings).toEqual([]);
    expect(r.plan.entries).toMatchObject([{ service: 'default/a', state: 'satisfied', ips: ['10.1.6.62'] }]);
    expect(exitCode(r)).toBe(0);
  });
});
