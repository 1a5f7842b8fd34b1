// `lbipam plan` as the maintainers will run it: the Cilium docs' examples (cli/testdata/docs) with
// byte-exact reasons, messages and counts, the JSON shape, exit codes, and bad input of every kind.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const docs = path.join(__dirname, 'testdata', 'docs');
const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-plan-qa-'));
const NOW = '--now=2026-01-01T00:00:00Z';

function run(args: string[], stdin?: string | Buffer) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/lbipam.mjs'), 'plan', ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `in-${++n}.yaml`);
  writeFileSync(f, content);
  return f;
}
const json = (...args: string[]) => {
  const r = run(['-o', 'json', NOW, ...args]);
  return { ...r, data: JSON.parse(r.out) as { services: Svc[]; pools: Pool[] } };
};
interface Cond {
  type: string;
  status: string;
  observedGeneration: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}
interface Svc {
  namespace: string;
  name: string;
  status: { loadBalancer: { ingress?: { ip: string }[] }; conditions?: Cond[] };
}
interface Pool {
  name: string;
  status: { conditions: Cond[] };
}
const counts = (p: Pool) => p.status.conditions.map((c) => `${c.type}=${c.status}/${c.reason}/${c.message}`);
const svc = (d: { services: Svc[] }, name: string) => d.services.find((s) => s.name === name)!;
const ips = (s: Svc) => (s.status.loadBalancer.ingress ?? []).map((i) => i.ip);

describe('lbipam plan on the Cilium LB-IPAM docs examples', () => {
  it('counts blue-pool as Cilium does (65893 for /24 + /112 + 101-address range; 2^64 + 358 for the /64 variant)', () => {
    const a = json(path.join(docs, 'blue-pool.yaml'));
    expect(a.code).toBe(0);
    expect(counts(a.data.pools[0])).toEqual([
      'cilium.io/PoolConflict=False/resolved/',
      'cilium.io/IPsTotal=Unknown/noreason/65893',
      'cilium.io/IPsAvailable=Unknown/noreason/65893',
      'cilium.io/IPsUsed=Unknown/noreason/0',
    ]);
    const b = json(path.join(docs, 'blue-pool-v64.yaml'));
    expect(b.data.pools[0].status.conditions[1].message).toBe('18446744073709551974');
  }, 60_000);

  it('marks the newer of two overlapping pools with the exact message and exits 1', () => {
    const r = json(path.join(docs, 'conflict.yaml'));
    expect(r.code).toBe(1);
    expect(r.data.pools.map((p) => p.status.conditions[0].status)).toEqual(['False', 'True']);
    expect(r.data.pools[1].status.conditions[0]).toEqual({
      type: 'cilium.io/PoolConflict',
      status: 'True',
      observedGeneration: 1,
      lastTransitionTime: '2026-01-01T00:00:00Z',
      reason: 'cidr_overlap',
      message:
        "Pool conflicts since range '20.0.10.0 - 20.0.10.255' overlaps range '20.0.10.0 - 20.0.10.255' from IP Pool 'blue-pool'",
    });
    expect(r.data.pools[1].status.conditions[2].message).toBe('256');
  }, 60_000);

  it('requested IPs, then a relabelled Service takes the lowest IP of the smallest free fragment', () => {
    const r = json(path.join(docs, 'services.yaml'));
    expect(r.code).toBe(0);
    expect(ips(svc(r.data, 'service-blue'))).toEqual(['20.0.10.100', '20.0.10.200']);
    expect(ips(svc(r.data, 'service-red'))).toEqual(['20.0.10.201']);
    // The relabel is a second document for the same Service: generation 1 (labels are metadata).
    expect(svc(r.data, 'service-red').status.conditions).toEqual([
      {
        type: 'cilium.io/IPAMRequestSatisfied',
        status: 'True',
        observedGeneration: 1,
        lastTransitionTime: '2026-01-01T00:00:00Z',
        reason: 'satisfied',
        message: '',
      },
    ]);
    expect(counts(r.data.pools[0]).slice(1)).toEqual([
      'cilium.io/IPsTotal=Unknown/noreason/256',
      'cilium.io/IPsAvailable=Unknown/noreason/253',
      'cilium.io/IPsUsed=Unknown/noreason/3',
    ]);
  }, 60_000);

  it('sharing keys: one IP for different ports, a second IP for a clashing port, cross-namespace needs both sides', () => {
    const r = json(path.join(docs, 'sharing.yaml'));
    expect(r.code).toBe(1);
    expect(ips(svc(r.data, 'service-blue'))).toEqual(['20.0.10.0']);
    expect(ips(svc(r.data, 'service-red'))).toEqual(['20.0.10.0']);
    expect(ips(svc(r.data, 'service-green'))).toEqual(['20.0.10.1']);
    const other = svc(r.data, 'service-other').status;
    expect(other.loadBalancer).toEqual({});
    expect(other.conditions?.[0]).toMatchObject({
      reason: 'already_allocated_incompatible_service',
      message:
        "The IP '20.0.10.0' is already allocated to an incompatible service. Reason: different and not permitted namespace",
    });
    expect(r.data.pools[0].status.conditions[3].message).toBe('2');
  }, 60_000);

  it('namespace selector cannot be spoofed by a label; a disabled pool allocates nothing; allowFirstLastIPs No reserves two', () => {
    const r = json(path.join(docs, 'tenant-disabled.yaml'));
    expect(r.code).toBe(1);
    expect(ips(svc(r.data, 'a'))).toEqual(['20.0.10.1']);
    expect(svc(r.data, 'spoof').status.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'no_pool',
      message: 'There are no enabled CiliumLoadBalancerIPPools that match this service',
    });
    expect(r.data.pools.map((p) => p.status.conditions.slice(1).map((c) => c.message))).toEqual([
      ['256', '253', '3'],
      ['256', '256', '0'],
    ]);
  }, 60_000);
});

describe('lbipam plan output and exit codes', () => {
  const POOL =
    'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {blocks: [{cidr: 10.0.10.0/30}]}\n';
  const SVC = (name: string, spec = '{type: LoadBalancer}', extra = '') =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}${extra}}\nspec: ${spec}\n`;

  it('has exactly the documented JSON shape, and the same bytes on every run with --now', () => {
    const f = file([POOL, SVC('a'), SVC('c', '{type: ClusterIP}')].join('---\n'));
    const a = json(f);
    expect(Object.keys(a.data)).toEqual(['services', 'pools']);
    for (const s of a.data.services) expect(Object.keys(s)).toEqual(['namespace', 'name', 'status']);
    for (const p of a.data.pools) expect(Object.keys(p)).toEqual(['name', 'status']);
    expect(Object.keys(svc(a.data, 'a').status)).toEqual(['loadBalancer', 'conditions']);
    expect(svc(a.data, 'a').status.loadBalancer.ingress).toEqual([{ ip: '10.0.10.0' }]);
    expect(Object.keys(svc(a.data, 'a').status.conditions![0])).toEqual([
      'type',
      'status',
      'observedGeneration',
      'lastTransitionTime',
      'reason',
      'message',
    ]);
    // Unhandled: Cilium writes nothing, so no condition.
    expect(svc(a.data, 'c').status).toEqual({ loadBalancer: {} });
    expect(a.out).toBe(`${JSON.stringify(a.data, null, 2)}\n`);
    expect(json(f).out).toBe(a.out);
  }, 60_000);

  it('exit 0 with only unhandled Services (which keep the status they were given); 1 while no pool exists', () => {
    const other =
      SVC('n', '{type: LoadBalancer, loadBalancerClass: io.cilium/node}') +
      'status: {loadBalancer: {ingress: [{ip: 192.168.1.5}]}}\n';
    const r = json(file([SVC('c', '{type: ClusterIP}'), other].join('---\n')));
    expect(r.code).toBe(0);
    expect(svc(r.data, 'n').status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.1.5' }] } });
    const dormant = run([file(SVC('a'))]);
    expect(dormant.code).toBe(1);
    expect(dormant.out).toMatch(/default\/a\s+-\s+pending\s+No CiliumLoadBalancerIPPool exists/);
    expect(dormant.out).toContain(
      'exit 1: 1 Service pending (0 satisfied, 1 pending, 0 not handled by LB-IPAM; 0 pools)',
    );
  }, 60_000);

  it('reads stdin with -, skips and counts other kinds, and aligns the table', () => {
    const r = run(
      ['-'],
      [
        POOL,
        SVC('a'),
        SVC('long-service-name'),
        'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\n',
      ].join('---\n'),
    );
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const header = lines[0];
    expect(header).toMatch(/^SERVICE\s+IPS\s+STATUS\s+REASON$/);
    expect(lines[1].indexOf('10.0.10.0')).toBe(header.indexOf('IPS'));
    expect(lines[2].indexOf('10.0.10.1')).toBe(header.indexOf('IPS'));
    expect(r.out).toContain('skipped (not read by LB-IPAM): 1 Service.serving.knative.dev');
    expect(r.out).toContain(
      'exit 0: every handled Service satisfied, no pool conflict (2 satisfied, 0 pending, 0 not handled by LB-IPAM; 1 pool)',
    );
  }, 60_000);
});

describe('lbipam plan writing to a reader that stops early', () => {
  it("ends quietly with the plan's exit status (no EPIPE error)", () => {
    const pool =
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {blocks: [{cidr: 10.0.0.0/16}]}\n';
    const svcs = Array.from(
      { length: 600 },
      (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {type: LoadBalancer}\n`,
    );
    const f = file([pool, ...svcs].join('---\n'));
    const err = path.join(dir, 'epipe.err');
    const sh = `node ${JSON.stringify(path.join(root, 'bin/lbipam.mjs'))} plan -o json ${JSON.stringify(f)} 2>${JSON.stringify(err)} | head -c 1 >/dev/null; echo \${PIPESTATUS[0]}; cat ${JSON.stringify(err)}`;
    const r = spawnSync('bash', ['-c', sh], { encoding: 'utf8', cwd: root });
    expect(r.stdout).toBe('0\n');
  }, 60_000);
});

describe('lbipam plan on bad input: exit 2, file + document + field, no stack trace', () => {
  const P = (blocks: string, api = 'cilium.io/v2') =>
    `apiVersion: ${api}\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {blocks: [${blocks}]}\n`;
  const ok = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
  ].join('\n');
  const cases: [string, string | Buffer, RegExp][] = [
    [
      'malformed YAML',
      `${ok}---\nkind: Service\nmetadata: {name: a\n`,
      /document 2: invalid YAML at line \d+, column \d+: /,
    ],
    [
      'not a mapping',
      `${ok}---\n- a\n- b\n`,
      /document 2: expected a Kubernetes object \(a mapping\), got a list/,
    ],
    ['a scalar', 'hello\n', /document 1: expected a Kubernetes object \(a mapping\), got string/],
    ['missing kind', 'apiVersion: v1\nmetadata: {name: a}\n', /document 1: kind: missing/],
    ['missing apiVersion', 'kind: Service\nmetadata: {name: a}\n', /document 1: apiVersion: missing/],
    [
      'missing metadata.name',
      'apiVersion: v1\nkind: Service\nmetadata: {namespace: x}\n',
      /document 1: metadata\.name: missing/,
    ],
    [
      'name not a string',
      'apiVersion: v1\nkind: Service\nmetadata: {name: 12}\n',
      /document 1: metadata\.name: expected a string, got 12/,
    ],
    [
      'cilium.io/v3',
      P('{cidr: 10.0.0.0/24}', 'cilium.io/v3'),
      /document 1: apiVersion: 'cilium\.io\/v3' is not served for CiliumLoadBalancerIPPool/,
    ],
    [
      'cilium.io/v1alpha1',
      P('{cidr: 10.0.0.0/24}', 'cilium.io/v1alpha1'),
      /apiVersion: 'cilium\.io\/v1alpha1' is not served/,
    ],
    [
      'Service v2',
      'apiVersion: v2\nkind: Service\nmetadata: {name: a}\n',
      /document 1: apiVersion: 'v2' is not served for Service \(use v1\)/,
    ],
    [
      'L2 policy v2',
      'apiVersion: cilium.io/v2\nkind: CiliumL2AnnouncementPolicy\nmetadata: {name: l}\n',
      /apiVersion: 'cilium\.io\/v2' is not served for CiliumL2AnnouncementPolicy/,
    ],
    [
      'start after stop',
      P('{start: 10.0.0.9, stop: 10.0.0.1}'),
      /document 1: spec\.blocks\[0\]\.stop: 'start' must be less then or equal to 'stop' \(10\.0\.0\.9 > 10\.0\.0\.1\)/,
    ],
    [
      'mixed families',
      P('{cidr: 10.1.0.0/24}, {start: 10.0.0.1, stop: "::1"}'),
      /spec\.blocks\[1\]\.stop: 'start' must be the same address family as 'stop' \(start '10\.0\.0\.1', stop '::1'\)/,
    ],
    ['/33', P('{cidr: 10.0.0.0/33}'), /spec\.blocks\[0\]\.cidr: error parsing cidr '10\.0\.0\.0\/33'/],
    ['banana', P('{cidr: banana}'), /spec\.blocks\[0\]\.cidr: error parsing cidr 'banana'/],
    ['bad start', P('{start: banana}'), /spec\.blocks\[0\]\.start: error parsing start ip 'banana'/],
    ['empty block', P('{}'), /spec\.blocks\[0\]: needs cidr, or start/],
    [
      'label not a string',
      'apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {x: 1}}\n',
      /metadata\.labels\["x"\]: expected a string, got 1/,
    ],
    [
      'bad creationTimestamp',
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p, creationTimestamp: yesterday}\n',
      /document 1: metadata\.creationTimestamp: expected an RFC 3339 time/,
    ],
    [
      'blocks not a list',
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {blocks: 10.0.0.0/24}\n',
      /document 1: spec\.blocks: expected a list/,
    ],
    [
      'spec not a mapping',
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: 5\n',
      /document 1: spec: expected a mapping/,
    ],
    [
      'metadata not a mapping',
      'apiVersion: v1\nkind: Service\nmetadata: [a]\n',
      /document 1: metadata: expected a mapping/,
    ],
    [
      'allowFirstLastIPs yes',
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {allowFirstLastIPs: yes}\n',
      /spec\.allowFirstLastIPs: must be "Yes" or "No", got "yes"/,
    ],
    [
      'bad selector operator',
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {serviceSelector: {matchExpressions: [{key: a, operator: Like, values: [b]}]}}\n',
      /document 1: spec\.serviceSelector\.matchExpressions\[0\]/,
    ],
    [
      'port out of range',
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, ports: [{port: 70000}]}\n',
      /document 1: spec\.ports\[0\]\.port: expected a number 1-65535/,
    ],
    [
      'deep nesting',
      `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      /document 1: invalid YAML at line 1, column \d+: nested too deeply/,
    ],
    ['alias bomb', bomb, /document 1: invalid YAML: Excessive alias count/],
    ['empty file', '', /: no Kubernetes objects \(the input is empty or only comments\)/],
    ['only comments', '# nothing\n---\n', /: no Kubernetes objects/],
    [
      'binary garbage',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]),
      /: not a YAML text file \(binary data/,
    ],
    [
      'not UTF-8',
      Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
      /: not a YAML text file \(not valid UTF-8\)/,
    ],
  ];
  // Documents that are not Kubernetes objects are skipped unless --strict (issue 13); the rest is refused either way.
  const strictOnly = new Set(['not a mapping', 'a scalar', 'missing kind', 'missing apiVersion']);
  it.each(cases)(
    '%s',
    (name, content, msg) => {
      const f = file(content);
      const r = run(strictOnly.has(name) ? ['--strict', f] : [f]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`lbipam plan: ${f}`);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    },
    60_000,
  );

  it('cidr with start/stop: Cilium uses the cidr (a warning says so); non-IP request entries are skipped with a warning', () => {
    const f = file(
      [
        P('{cidr: 10.0.0.0/30, start: 10.9.9.9, stop: 10.9.9.1}'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: a, annotations: {lbipam.cilium.io/ips: "x, 10.0.0.2"}}\nspec: {type: LoadBalancer}\n',
      ].join('---\n'),
    );
    const r = json(f);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${f}: document 1: spec.blocks[0]: has both cidr and start/stop; Cilium uses cidr '10.0.0.0/30' and ignores start/stop`,
    );
    expect(r.err).toContain(
      `${f}: document 2: metadata.annotations["lbipam.cilium.io/ips"]: 'x' is not an IP address; Cilium skips it`,
    );
    expect(ips(r.data.services[0])).toEqual(['10.0.0.2']);
    expect(r.data.pools[0].status.conditions[1].message).toBe('4');
  }, 60_000);

  it('a repeated identical document is an update that changes nothing, with a warning naming both', () => {
    const doc = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: ClusterIP}\n';
    const f = file([doc, doc].join('---\n'));
    const r = run([f]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${f}: document 2: identical to ${f}: document 1 (Service/default/a)`);
    expect(r.out.match(/default\/a/g)).toHaveLength(1);
  }, 60_000);

  it('a nonexistent file, a directory, a 50 MB scalar, and bad flags', () => {
    expect(run(['/nonexistent/x.yaml']).err).toBe(
      'lbipam plan: /nonexistent/x.yaml: cannot read: no such file (ENOENT)\n',
    );
    const d = path.join(dir, 'a-dir');
    mkdirSync(d, { recursive: true });
    expect(run(['--strict', d])).toMatchObject({
      code: 2,
      err: `lbipam plan: ${d}: cannot read: is a directory (give the YAML files inside it) (EISDIR)\n`,
    });
    expect(run([d])).toMatchObject({
      code: 2,
      err: `lbipam plan: ${d}: no Kubernetes objects (the input is empty or only comments)\n`,
    });
    const big = run(['--strict', file(`kind: ${'x'.repeat(50_000_000)}\n`)]);
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/document 1: apiVersion: missing/);
    const flags: [string[], RegExp][] = [
      [['-o', 'yaml', 'f'], /-o: expected table or json, got 'yaml'/],
      [['--frobnicate', 'f'], /unknown option '--frobnicate'/],
      [['--enable-ipv4=maybe', 'f'], /--enable-ipv4: expected true or false, got 'maybe'/],
      [['--default-lb-service-ipam=metallb', 'f'], /expected lbipam, nodeipam or none, got 'metallb'/],
      [['--now=yesterday', 'f'], /--now: expected an RFC 3339 time/],
      [['-', '-'], /'-' \(stdin\) given twice/],
      [['--enable-ipv6', 'false', 'f'], /--enable-ipv6: write --enable-ipv6=false/],
      [[], /no input files/],
    ];
    for (const [args, msg] of flags) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).toContain("Run 'lbipam plan --help' for usage.");
    }
  }, 120_000);
});

describe('engine findings (lib/ipam and lib/cilium own the fixes; see the report)', () => {
  it('a requested IPv6 with a zone (fe80::1%eth0) parses in Go netip, so Cilium keeps it as a request: no_pool, no generic IP', () => {
    const f = file(
      [
        'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: p}\nspec: {blocks: [{cidr: 10.0.10.0/24}]}\n',
        'apiVersion: v1\nkind: Service\nmetadata: {name: z, annotations: {lbipam.cilium.io/ips: "fe80::1%eth0"}}\nspec: {type: LoadBalancer}\n',
      ].join('---\n'),
    );
    const z = svc(json(f).data, 'z');
    expect(ips(z)).toEqual([]);
    expect(z.status.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'no_pool',
      message: "No pool exists with a CIDR containing 'fe80::1%eth0'",
    });
  }, 60_000);

  it('TestRequestReservedFirstLastIPWithSharingKey: a reserved first IP requested with a sharing key is denied', () => {
    const r = json(
      path.join(__dirname, 'testdata', 'cilium', 'TestRequestReservedFirstLastIPWithSharingKey.yaml'),
    );
    const a = svc(r.data, 'service-a');
    expect(a.status.conditions?.[0].status).toBe('False');
    expect(ips(a)).toEqual([]);
    expect(r.code).toBe(1);
  }, 60_000);
});
