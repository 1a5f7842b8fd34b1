// Scenarios from Cilium's LB-IPAM tests (cli/testdata/cilium/*.yaml), second half: IP sharing,
// operator restarts, IP families, and the plan CLI itself on one of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineOptions } from '../lib/ipam';
import { scenario } from './plan/cilium-harness';

const V4_ONLY = { ipv6: false };
const incompatible = (reason: string) => ({
  status: 'False',
  reason: 'already_allocated_incompatible_service',
  message: `The IP '10.0.10.1' is already allocated to an incompatible service. Reason: ${reason}`,
});

describe('Cilium lbipam_test.go: sharing keys', () => {
  it('TestSharedServiceUpdatedSharingKey / TestSharedServiceUpdatedPorts: the changed Service moves, the other keeps the IP', () => {
    for (const name of ['TestSharedServiceUpdatedSharingKey', 'TestSharedServiceUpdatedPorts']) {
      const s = scenario(name, V4_ONLY);
      const shared = s.after(3);
      expect(shared.svc('service-a').ips).toEqual(['10.0.10.0']);
      expect(shared.svc('service-b').ips).toEqual(['10.0.10.0']);
      const moved = s.after();
      expect(moved.svc('service-a').ips).toEqual(['10.0.10.0']);
      expect(moved.svc('service-b')).toMatchObject({ ips: ['10.0.10.1'], cond: { status: 'True' } });
      expect(moved.pool('pool-a').used).toBe('2');
    }
  });

  it('TestSharingKey: sharing, clashing ports, and release only when the last holder leaves', () => {
    const s = scenario('TestSharingKey');
    expect(s.after(3).svc('service-b').ips).toEqual(['10.0.10.0']);
    expect(s.after(4).svc('service-c').ips).toEqual(['10.0.10.1']);
    expect(s.after(6).pool('pool-a').used).toBe('1'); // a and b deleted: their IP is free again
    const readded = s.after(8);
    expect(readded.svc('service-a').ips).toEqual(['10.0.10.0']); // not c's IP: same port 80
    expect(readded.svc('service-b').ips).toEqual(['10.0.10.1']); // joins c
    expect(s.after(9).pool('pool-a').used).toBe('2'); // c gone, b still holds .1
    expect(s.after().pool('pool-a').used).toBe('1');
  });

  it('TestRegressionSharedKeyReaddBug: a re-created Service rejoins the shared IP', () => {
    const s = scenario('TestRegressionSharedKeyReaddBug').after();
    expect(s.svc('service-b').ips).toEqual(['10.0.10.0']);
    expect(s.svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(s.pool('pool-a').used).toBe('1');
  });

  it('TestSharingCrossNamespace: both sides must permit the other namespace', () => {
    const s = scenario('TestSharingCrossNamespace').after();
    expect(s.svc('service-a', 'ns-a').ips).toEqual(['10.0.10.0']);
    expect(s.svc('service-b', 'ns-b').ips).toEqual(['10.0.10.0']);
    expect(s.svc('service-c', 'ns-c').ips).toEqual(['10.0.10.1']);
  });

  it('TestSharedServicesUpdateSharingKeyAndRequestedIP: c leaves b for a', () => {
    const s = scenario('TestSharedServicesUpdateSharingKeyAndRequestedIP', V4_ONLY);
    expect(s.after(4).svc('service-c').ips).toEqual(['10.0.10.33']);
    expect(s.after(4).svc('service-b').ips).toEqual(['10.0.10.33']);
    const last = s.after();
    expect(last.svc('service-c')).toMatchObject({ ips: ['10.0.10.22'], cond: { status: 'True' } });
    expect(last.svc('service-a').ips).toEqual(['10.0.10.22']);
    expect(last.svc('service-b').ips).toEqual(['10.0.10.33']);
  });

  it('TestSharingClusters: one key, two IPs (A+B, C+D)', () => {
    const s = scenario('TestSharingClusters').after();
    expect(['a', 'b', 'c', 'd'].map((n) => s.svc(n).ips[0])).toEqual([
      '10.0.10.0',
      '10.0.10.0',
      '10.0.10.1',
      '10.0.10.1',
    ]);
    expect(s.pool('pool-a').used).toBe('2');
  });

  it('service_store_test.go TestIsCompatibleReasons (S1 reasons) as requested-IP refusals', () => {
    const s = scenario('TestIsCompatibleReasons').after();
    expect(s.svc('holder', 'ns-a').ips).toEqual(['10.0.10.1']);
    expect(s.svc('other-key', 'ns-a').cond).toMatchObject(incompatible('different sharing key'));
    expect(s.svc('other-ns', 'ns-b').cond).toMatchObject(
      incompatible('different and not permitted namespace'),
    );
    expect(s.svc('same-port', 'ns-a').cond).toMatchObject(incompatible('same port and protocol'));
    expect(s.svc('cluster-etp', 'ns-a').cond).toMatchObject(incompatible('different ExternalTrafficPolicy'));
    expect(s.svc('other-pods', 'ns-a').cond).toMatchObject(
      incompatible('compatible ExternalTrafficPolicy local but selecting different set of pods'),
    );
    expect(s.svc('compatible', 'ns-a')).toMatchObject({ ips: ['10.0.10.1'], cond: { status: 'True' } });
    expect(s.pool('pool-a').used).toBe('1');
  });
});

describe('operator restarts (reference C.1, C.8)', () => {
  it('TestLBIPAMRestartOnFullPool: satisfied Services keep their IPs; the pending one waits for a free IP', () => {
    const s = scenario('TestLBIPAMRestartOnFullPool');
    const before = s.after(6);
    const ips = ['svc-1', 'svc-2', 'svc-3', 'svc-4'].map((n) => before.svc(n).ips);
    expect(ips).toEqual([['10.0.10.0'], ['10.0.10.1'], ['10.0.10.2'], ['10.0.10.3']]);
    expect(before.svc('svc-5').cond?.reason).toBe('out_of_ips');
    const restarted = s.after(7);
    expect(['svc-1', 'svc-2', 'svc-3', 'svc-4'].map((n) => restarted.svc(n).ips)).toEqual(ips);
    expect(restarted.svc('svc-5')).toMatchObject({ ips: [], cond: { reason: 'out_of_ips' } });
    expect(restarted.pool('pool-a')).toMatchObject({ used: '4', available: '0' });
    expect(s.after().svc('svc-5')).toMatchObject({ ips: ['10.0.10.1'], cond: { status: 'True' } });
  });

  it('a disabled pool keeps its IPs while running, but a restart strips them (derived caveat)', () => {
    const s = scenario('TestLBIPAMRestartDisabledPool');
    expect(s.after(3).svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(s.after().svc('service-a')).toMatchObject({
      ips: [],
      cond: { status: 'False', reason: 'no_pool' },
    });
    expect(s.after().pool('pool-a').used).toBe('0');
  });
});

describe('lbipam_test.go TestLBIPAM_serviceIPFamilyRequest, as allocations', () => {
  const fam = (ips: string[]) =>
    [ips.some((ip) => !ip.includes(':')) && 'v4', ips.some((ip) => ip.includes(':')) && 'v6']
      .filter(Boolean)
      .join('+');
  const rows: [Partial<EngineOptions>, Record<string, string>][] = [
    [
      {},
      {
        none: 'v4',
        'v6-first': 'v6',
        'v4-only': 'v4',
        'v6-only': 'v6',
        single: 'v4',
        'prefer-dual': 'v4+v6',
        'prefer-dual-v4': 'v4',
        'require-dual-v4': 'v4+v6',
      },
    ],
    [
      { ipv6: false },
      {
        none: 'v4',
        'v6-first': 'v6',
        'v4-only': 'v4',
        'v6-only': 'v6',
        single: 'v4',
        'prefer-dual': 'v4',
        'prefer-dual-v4': 'v4',
        'require-dual-v4': 'v4',
      },
    ],
    [
      { ipv4: false },
      {
        none: 'v6',
        'v6-first': 'v6',
        'v4-only': 'v4',
        'v6-only': 'v6',
        single: 'v6',
        'prefer-dual': 'v6',
        'prefer-dual-v4': '',
        'require-dual-v4': 'v6',
      },
    ],
  ];
  for (const [opts, want] of rows) {
    it(`families with ${JSON.stringify(opts)}`, () => {
      const s = scenario('TestIPFamilies', opts).after();
      const got = Object.fromEntries(Object.keys(want).map((n) => [n, fam(s.svc(n).ips)]));
      expect(got).toEqual(want);
      // A Service that requests no family is satisfied from the start, so satisfyService never
      // runs for it and it gets no condition at all; every other one ends satisfied.
      for (const n of Object.keys(want))
        expect(s.svc(n).cond?.status, n).toBe(want[n] === '' ? undefined : 'True');
    });
  }
});

describe('lbipam plan CLI on a Cilium scenario', () => {
  it('runs deletes and an operator restart from YAML and documents the directives in --help', () => {
    const root = path.resolve(__dirname, '..');
    const bin = path.join(root, 'bin/lbipam.mjs');
    const file = path.join(root, 'cli/testdata/cilium/TestLBIPAMRestartOnFullPool.yaml');
    const r = spawnSync(process.execPath, [bin, 'plan', '-o', 'json', '--now=2026-01-01T00:00:00Z', file], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      services: { name: string; status: { loadBalancer: { ingress?: { ip: string }[] } } }[];
    };
    expect(json.services.map((s) => [s.name, s.status.loadBalancer.ingress?.map((i) => i.ip)])).toEqual([
      ['svc-1', ['10.0.10.0']],
      ['svc-3', ['10.0.10.2']],
      ['svc-4', ['10.0.10.3']],
      ['svc-5', ['10.0.10.1']],
    ]);
    const help = spawnSync(process.execPath, [bin, 'plan', '--help'], { encoding: 'utf8', cwd: root });
    expect(help.stdout).toContain('lbipam.plan/delete: "true"');
    expect(help.stdout).toContain('kind: OperatorRestart');
  }, 60_000);
});
