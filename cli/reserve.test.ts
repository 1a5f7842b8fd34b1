import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './reserve';

// `lbipam reserve` as a script or a GitOps pull request runs it: the YAML on stdout, the verdict on
// stderr, and an exit status that gates the pipeline.

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-reserve-'));
const cluster = path.join(dir, 'cluster.yaml');
writeFileSync(
  cluster,
  `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata: {name: home}
spec:
  blocks: [{start: 10.0.0.10, stop: 10.0.0.14}]
---
apiVersion: v1
kind: Service
metadata:
  name: dns
  namespace: kube-system
  annotations: {lbipam.cilium.io/ips: "10.0.0.10"}
spec: {type: LoadBalancer, ports: [{port: 53, protocol: UDP}]}
`,
);

describe('lbipam reserve', () => {
  it("without --ip takes the pool's next address, prints the YAML and exits 0 when satisfied", async () => {
    const code = await run([
      '--pool',
      'home',
      '--name',
      'mqtt',
      '--namespace',
      'iot',
      '--port',
      '1883/TCP',
      cluster,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('lbipam.cilium.io/ips: "10.0.0.11"');
    expect(out).toContain('name: mqtt');
    expect(err).toContain('# Cilium would assign 10.0.0.11 — satisfied');
  });

  it('exits 1 when Cilium would leave it pending, and says why', async () => {
    const code = await run([
      '--pool',
      'home',
      '--ip',
      '10.0.0.10',
      '--name',
      'mqtt',
      '-n',
      'iot',
      '--port',
      '1883',
      cluster,
    ]);
    expect(code).toBe(1);
    expect(err).toContain('# would stay pending: already_allocated to kube-system/dns');
    expect(err).toContain('# fix: ');
  });

  it('every target, as JSON', async () => {
    for (const target of ['gateway', 'app-template', 'placeholder']) {
      out = '';
      const code = await run([
        '--target',
        target,
        '--pool',
        'home',
        '--name',
        'gw',
        '-n',
        'net',
        '--port',
        '443',
        '-o',
        'json',
        cluster,
      ]);
      expect(code).toBe(0);
      const { check } = JSON.parse(out) as { check: { verdict: string; yaml: string } };
      expect(check.verdict).toBe('satisfied');
      expect(check.yaml).toContain('"10.0.0.11"');
    }
  });

  it('exits 2 on bad input, naming the field or the file', async () => {
    expect(await run(['--pool', 'home', '--name', 'Bad"Name', '--port', '80', cluster])).toBe(2);
    expect(err).toContain('lbipam reserve: name: lower-case letters');
    err = '';
    expect(
      await run(['--pool', 'home', '--name', 'ok', '--port', '80', path.join(dir, 'missing.yaml')]),
    ).toBe(2);
    expect(err).toContain('missing.yaml: cannot read: no such file');
    err = '';
    expect(await run(['--pool', 'nope', '--name', 'ok', '--port', '80', cluster])).toBe(2);
    expect(err).toContain("no pool named 'nope'");
    expect(await run(['--name', 'ok', cluster])).toBe(2);
    expect(await run(['--pool', 'home', '--name', 'ok'])).toBe(2);
    expect(await run(['--pool', 'home', '--bogus', cluster])).toBe(2);
  });

  it('checks against the embedded demo with --seed demo', async () => {
    const code = await run([
      '--seed',
      'demo',
      '--pool',
      'pool',
      '--ip',
      '192.168.0.238',
      '--name',
      'x',
      '-n',
      'media',
      '--port',
      '80',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('already_allocated to networking/envoy-internal');
  });
});
