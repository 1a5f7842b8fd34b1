// `lbipam plan` as a process: exit codes, JSON shape, error messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-plan-'));

function plan(yaml: string | null, ...args: string[]) {
  const files: string[] = [];
  if (yaml !== null) {
    const f = path.join(dir, `in-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, yaml);
    files.push(f);
  }
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lbipam.mjs'), 'plan', ...args, ...files], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, file: files[0] };
}

const POOL = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata: {name: p}
spec:
  blocks: [{cidr: 10.0.10.0/30}]
`;
const SVC = (name: string, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: web${extra}}
spec: {type: LoadBalancer, ports: [{port: 80}]}
`;

describe('lbipam plan', () => {
  it('prints Cilium statuses as JSON and exits 0 when all is satisfied', () => {
    const r = plan(
      [POOL, SVC('a'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'].join('---\n'),
      '-o',
      'json',
      '--now=2026-01-01T00:00:00Z',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['services', 'pools']);
    expect(json.services[0]).toMatchObject({
      namespace: 'web',
      name: 'a',
      status: { loadBalancer: { ingress: [{ ip: '10.0.10.0' }] } },
    });
    expect(json.services[0].status.conditions[0]).toEqual({
      type: 'cilium.io/IPAMRequestSatisfied',
      status: 'True',
      observedGeneration: 1,
      lastTransitionTime: '2026-01-01T00:00:00Z',
      reason: 'satisfied',
      message: '',
    });
    expect(json.pools[0].status.conditions.map((c: { message: string }) => c.message)).toEqual([
      '',
      '4',
      '3',
      '1',
    ]);
  }, 60_000);

  it('exits 1 with a readable table when a Service stays pending; later documents update earlier ones', () => {
    const docs = [POOL, SVC('a'), SVC('b'), SVC('c'), SVC('d'), SVC('e'), SVC('e', ', labels: {x: y}')].join(
      '---\n',
    );
    const r = plan(docs);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/web\/e\s+-\s+pending\s+out_of_ips/);
    expect(r.out).toMatch(/p\s+False\s+4\s+4\s+0/);
    expect(r.out.match(/web\/e/g)?.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('exits 1 on a pool conflict', () => {
    const r = plan([POOL, POOL.replace('name: p', 'name: q')].join('---\n'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "pool q: Pool conflicts since range '10.0.10.0 - 10.0.10.3' overlaps range '10.0.10.0 - 10.0.10.3' from IP Pool 'p'",
    );
  }, 60_000);

  it('exits 2 naming file, document and field on bad input, never with a stack trace', () => {
    const cases: [string, RegExp][] = [
      [
        POOL.replace('{cidr: 10.0.10.0/30}', '{start: 10.0.0.9, stop: 10.0.0.1}'),
        /document 1: spec\.blocks\[0\]\.stop: 'start' must be less/,
      ],
      [
        POOL.replace('{cidr: 10.0.10.0/30}', '{start: 10.0.0.1, stop: "::1"}'),
        /spec\.blocks\[0\]\.stop: 'start' must be the same address family/,
      ],
      [POOL.replace('cilium.io/v2', 'cilium.io/v1'), /document 1: apiVersion: 'cilium.io\/v1' is not served/],
      [`${SVC('a')}---\nfoo: [\n`, /document 2: invalid YAML/],
      [POOL.replace('10.0.10.0/30', '10.0.10.0/33'), /spec\.blocks\[0\]\.cidr: error parsing cidr/],
    ];
    for (const [yaml, msg] of cases) {
      const r = plan(yaml);
      expect(r.code, yaml).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).toContain(r.file!);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(plan(null, '/nonexistent.yaml').err).toMatch(
      /nonexistent\.yaml: cannot read: no such file \(ENOENT\)/,
    );
    expect(plan(null, '--output=xml', 'x').code).toBe(2);
  }, 120_000);

  it('warns about non-IP annotation entries and follows Cilium (skip them)', () => {
    const r = plan(
      [
        POOL,
        SVC('a').replace(
          'namespace: web',
          'namespace: web, annotations: {lbipam.cilium.io/ips: "nope,10.0.10.2"}',
        ),
      ].join('---\n'),
      '-o',
      'json',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/'nope' is not an IP address; Cilium skips it/);
    expect(JSON.parse(r.out).services[0].status.loadBalancer.ingress).toEqual([{ ip: '10.0.10.2' }]);
  }, 60_000);

  it('plans the Service a HelmRelease creates and says the HelmRelease was read for it, not skipped', () => {
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: plex, namespace: media}
spec:
  chart: {spec: {chart: app-template, sourceRef: {kind: HelmRepository, name: bjw}}}
  values:
    service:
      main:
        type: LoadBalancer
        annotations: {lbipam.cilium.io/ips: 10.0.10.2}
        ports: {http: {port: 32400}}
`;
    const r = plan([POOL, release, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'].join('---\n'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/media\/plex\s.*10\.0\.10\.2/);
    expect(r.out).toContain(
      'read for the Services they create (planned above): 1 HelmRelease.helm.toolkit.fluxcd.io',
    );
    // What LB-IPAM and the scan both leave alone is still counted as skipped.
    expect(r.out).toContain('skipped (not read by LB-IPAM): 1 ConfigMap');
    expect(r.out).not.toMatch(/skipped \(not read by LB-IPAM\):.*HelmRelease/);
  });

  it('mirrors operator options', () => {
    const r = plan([POOL, SVC('a')].join('---\n'), '--default-lb-service-ipam=none', '-o', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).services[0].status).toEqual({ loadBalancer: {} });
  }, 60_000);
});
