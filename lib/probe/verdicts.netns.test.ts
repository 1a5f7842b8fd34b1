import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArpEvidenceInput } from '../inventory/arp/evidence';
import { judgeArp, macIndex } from '../inventory/arp/verdict';
import { agentClient } from './agent-client';
import { createProbeEngine } from './engine';
import { createProber } from './prober';
import { processRunner } from './run';
import { createLab, LAB_ANNOUNCED, LAB_MACS, labScope } from './testing/lab';
import { rootSkipReason, type Segment } from './testing/segment';
import { vendorOf } from './vendors';

// Every verdict from a real LAN: the lab's namespaces (testing/lab.ts), probed in-process and by
// the standalone agent over HTTP with its token.

const skip = rootSkipReason();

const EXPECTED: Record<string, string> = {
  '198.51.100.100': 'ok',
  '198.51.100.101': 'several-macs',
  '198.51.100.102': 'silent',
  '198.51.100.103': 'wrong-node',
  '198.51.100.120': 'foreign',
  '198.51.100.121': 'quiet',
  '2001:db8::100': 'ok',
  '2001:db8::101': 'several-macs',
  '2001:db8::102': 'silent',
  '2001:db8::103': 'wrong-node',
  '2001:db8::120': 'foreign',
  '2001:db8::121': 'quiet',
};

function verdicts(evidence: ArpEvidenceInput) {
  const index = macIndex(evidence);
  return Object.fromEntries(
    Object.keys(EXPECTED).map((ip) => [
      ip,
      judgeArp({
        ip,
        allocated: ip in LAB_ANNOUNCED,
        announcer: LAB_ANNOUNCED[ip] ?? null,
        probes: evidence.probes[ip] ?? [],
        ...index,
        simulated: false,
      }).verdict,
    ]),
  );
}

describe.skipIf(skip !== null)(`verdicts from a namespaced LAN${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let lab: Segment;
  let dir: string;
  beforeAll(() => {
    lab = createLab();
    dir = mkdtempSync(join(tmpdir(), 'lbipam-agent-'));
  });
  afterAll(() => {
    lab?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in process: ok, several MACs, silent, wrong node, foreign and quiet, learning node MACs first', async () => {
    const prober = createProber({
      runner: processRunner(lab.prefix('prober')),
      vantage: { name: 'embedded', node: null },
      vendorOf,
    });
    const engine = createProbeEngine({ prober, kind: 'embedded' });
    engine.setPlan({ scope: labScope(), announced: LAB_ANNOUNCED });
    await engine.sweepOnce();
    const evidence = engine.evidence();
    expect(evidence.nodeMacs).toEqual({ 'node-a': [LAB_MACS['node-a']], 'node-b': [LAB_MACS['node-b']] });
    expect(engine.status()).toMatchObject({ state: 'ok', message: null });
    expect(verdicts(evidence)).toEqual(EXPECTED);
    await expect(engine.probeNow('198.51.100.11')).rejects.toThrow(/pool addresses only/);
    await expect(engine.probeNow('198.51.100.200')).rejects.toThrow(/refused/);
    const now = await engine.probeNow('198.51.100.120');
    expect(now.answers.map((a) => a.mac)).toEqual([LAB_MACS.printer]);
    await expect(engine.probeNow('198.51.100.120')).rejects.toThrow(/wait \d+ s/);
  });

  it('as the standalone agent over HTTP: the token is required, the verdicts are the same, it reports its own MACs', async () => {
    const socket = join(dir, 'agent.sock');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'a-test-token-of-some-length\n');
    let agent: ChildProcess | null = null;
    try {
      agent = spawn(
        'ip',
        [
          'netns',
          'exec',
          lab.ns('prober'),
          process.execPath,
          'bin/lbipam.mjs',
          'agent',
          '--listen',
          socket,
          '--token-file',
          tokenFile,
          '--node',
          'prober',
          '--name',
          'lan-agent',
          '--interval',
          '600',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      agent.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(socket), stderr).toBe(true);
      const url = `unix:${socket}`;
      await expect(
        agentClient({ name: 'lan-agent', url }, 'wrong-token-wrong-token').evidence(),
      ).rejects.toThrow(/agent lan-agent rejected the token/);
      const client = agentClient({ name: 'lan-agent', url }, 'a-test-token-of-some-length');
      expect(
        (await client.sendPlan({ scope: labScope(), announced: LAB_ANNOUNCED })).targets,
      ).toBeGreaterThan(64);
      let evidence = await client.evidence();
      for (let i = 0; i < 100 && !(evidence.probers[0]?.lastSweep && evidence.probes['2001:db8::121']); i++) {
        await new Promise((r) => setTimeout(r, 100));
        evidence = await client.evidence();
      }
      expect(evidence.probers, stderr).toEqual([
        expect.objectContaining({ name: 'lan-agent', kind: 'agent', node: 'prober', state: 'ok' }),
      ]);
      expect(evidence.nodeMacs.prober).toContain(LAB_MACS.prober);
      expect(verdicts(evidence)).toEqual(EXPECTED);
      await expect(client.probe('203.0.113.5')).rejects.toThrow(/agent lan-agent: 203\.0\.113\.5 is refused/);
    } finally {
      agent?.kill('SIGTERM');
    }
  });
});
