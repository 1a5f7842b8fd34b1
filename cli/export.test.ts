import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTable } from '../test/fixtures/seed-table';
import { startEmbeddedCluster, type EmbeddedCluster } from '../lib/sim/embedded';
import { parseExportArgs } from './export';
import { parseSnapshotArgs } from './snapshot';
import { parseStartArgs } from './start-args';

const BIN = fileURLToPath(new URL('../bin/lbipam.mjs', import.meta.url));

/** `lbipam export ARGS` as a user runs it, with a home of its own (no ~/.kube/config, no KUBECONFIG). */
function lbipam(
  args: string[],
  home: string,
  command = 'export',
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.KUBECONFIG;
    const child = spawn(process.execPath, [BIN, command, ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('parseExportArgs', () => {
  it('reads the format, the pool and the cluster flags', () => {
    expect(
      parseExportArgs(['--format=csv', '--pool', 'lab', '--kubeconfig', '/k', '--timeout', '5']),
    ).toEqual({
      format: 'csv',
      pool: 'lab',
      cluster: { demo: false, seed: 'demo', timeoutMs: 5000, kubeconfig: '/k' },
    });
    expect(parseExportArgs(['--seed', 'empty'])).toMatchObject({ cluster: { demo: true, seed: 'empty' } });
  });

  it('names what is wrong', () => {
    expect(parseExportArgs(['--format', 'xml'])).toEqual({
      error: "--format must be one of markdown, csv, json, got 'xml'",
    });
    expect(parseExportArgs(['--pool'])).toEqual({ error: '--pool needs a value' });
    expect(parseExportArgs(['--timeout', 'soon'])).toEqual({
      error: "--timeout needs a whole number of seconds, got 'soon'",
    });
    expect(parseExportArgs(['--colour'])).toEqual({ error: "unknown option '--colour'" });
  });
});

describe('lbipam export (a process, against real API servers)', () => {
  let home: string;
  let cluster: EmbeddedCluster;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'lbipam-export-'));
    cluster = await startEmbeddedCluster({ seed: 'demo', kubeconfigPath: join(home, 'kubeconfig') });
  });
  afterAll(async () => {
    await cluster?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it("prints the seed page's table for the embedded demo's pool `pool`", async () => {
    const r = await lbipam(['--demo', '--pool', 'pool'], home);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '| IP Address | Service | Namespace | Type | Notes |',
        '| --- | --- | --- | --- | --- |',
        ...seedTable.map((s) => `| ${s.ip} | ${s.service} | ${s.namespace} | ${s.type} | ${s.notes} |`),
        '',
      ].join('\n'),
    );
  });

  it('reads a cluster through a kubeconfig, as it is now', async () => {
    const created = await fetch(`${cluster.server}/api/v1/namespaces/media/services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'navidrome',
          namespace: 'media',
          annotations: { 'lbipam.cilium.io/ips': '192.168.0.233' },
        },
        spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 4533, protocol: 'TCP' }] },
      }),
    });
    expect(created.status).toBe(201);
    await cluster.settle();
    const r = await lbipam(['--kubeconfig', join(home, 'kubeconfig'), '--format', 'csv'], home);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\r\n');
    expect(lines[0]).toBe('pool,ip,to,count,status,service,namespace,type,notes,announcer,holders,waiting');
    expect(lines.find((l) => l.startsWith('pool,192.168.0.233,'))).toMatch(
      /^pool,192\.168\.0\.233,,1,allocated,navidrome,media,,HTTP on port 4533,[^,]*,media\/navidrome,$/,
    );
    expect(lines.filter((l) => l.startsWith('lab,'))).toHaveLength(16);
  });

  it('says what is wrong: an unknown pool, a missing kubeconfig, a bad flag', async () => {
    const pool = await lbipam(['--kubeconfig', join(home, 'kubeconfig'), '--pool', 'nope'], home);
    expect(pool.code).toBe(1);
    expect(pool.err).toMatch(/no pool named 'nope' in context '.+' from .+ \(pools: lab, pool\)/);
    const missing = await lbipam(['--kubeconfig', join(home, 'nothing-here')], home);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain(`kubeconfig ${join(home, 'nothing-here')} does not exist`);
    const flag = await lbipam(['--format', 'yaml'], home);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("--format must be one of markdown, csv, json, got 'yaml'");
  });

  it('lbipam snapshot writes the cluster to a file; export --snapshot reads it back', async () => {
    const file = join(home, 'snap.json');
    const taken = await lbipam(['--kubeconfig', join(home, 'kubeconfig'), '-o', file], home, 'snapshot');
    expect(taken.code).toBe(0);
    expect(taken.err).toMatch(/written to .*snap\.json\n$/);
    const live = await lbipam(['--kubeconfig', join(home, 'kubeconfig'), '--format', 'csv'], home);
    const frozen = await lbipam(['--snapshot', file, '--format', 'csv'], home);
    expect(frozen.code).toBe(0);
    // The same table: nothing moved in between (the announcer column may: leases are live).
    const cells = (csv: string) => csv.split('\r\n').map((l) => l.split(',').filter((_, i) => i !== 9));
    expect(cells(frozen.out)).toEqual(cells(live.out));
    const refused = await lbipam(['--snapshot', join(home, 'kubeconfig')], home);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^lbipam export: snapshot .*kubeconfig: not JSON \(/);
  });
});

describe('parseSnapshotArgs and start --snapshot', () => {
  it('reads the output and the cluster flags', () => {
    expect(parseSnapshotArgs(['-o', '-', '--demo'])).toMatchObject({ output: '-', cluster: { demo: true } });
    expect(parseSnapshotArgs(['--output'])).toEqual({ error: '--output needs a value' });
  });

  it('start takes a snapshot file and refuses it beside a cluster', () => {
    expect(parseStartArgs(['--snapshot', 'a.json'], {})).toMatchObject({ options: { snapshot: 'a.json' } });
    expect(parseStartArgs(['--snapshot', 'a.json', '--demo'], {})).toEqual({
      error: '--snapshot shows a file, not a cluster: it excludes --demo, --seed and --context',
    });
  });
});
