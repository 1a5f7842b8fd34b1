import { describe, expect, it } from 'vitest';
import { emptyClusterState } from '../../cilium/cluster-state';
import { buildInventory } from '../build';
import { demoState } from '../testing/demo-state';
import { config, NOW } from '../testing/fixtures';
import { DEMO_SEGMENT, simulateL2Segment } from '../../sim/l2-segment';
import { expandRows } from '../view/rows';
import {
  buildSnapshotInventory,
  parseSnapshot,
  snapshotFileName,
  takeSnapshot,
  type Snapshot,
} from './index';

const cluster = {
  name: 'home',
  origin: 'kubeconfig' as const,
  server: 'https://10.0.0.1:6443',
  readOnly: true,
};
const sources = [
  {
    source: 'endpointSlices' as const,
    state: 'missing' as const,
    required: false,
    since: '2026-01-01T00:00:00Z',
  },
];
const state = demoState();
const live = buildInventory(state, null, config({ cluster, sources }));
const taken = takeSnapshot({ state, sources, cluster, now: NOW }, live);
const file = JSON.stringify(taken);

/** The snapshot file with one change made to its parsed JSON. */
function edited(
  change: (doc: Record<string, unknown> & { objects: Record<string, unknown[]> }) => void,
): string {
  const doc = JSON.parse(file);
  change(doc);
  return JSON.stringify(doc);
}

const refused = (text: string) => {
  const r = parseSnapshot(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
};

describe('a snapshot', () => {
  it('carries its kind, version, time, cluster, sources, objects and inventory', () => {
    expect(taken).toMatchObject({
      kind: 'lbipam.snapshot',
      version: 1,
      takenAt: '2026-01-10T12:00:00.000Z',
      cluster: { name: 'home', origin: 'kubeconfig', server: 'https://10.0.0.1:6443' },
      sources,
    });
    expect(taken.objects.services).toHaveLength(state.services.length);
    expect(taken.inventory.pools).toEqual(live.pools);
  });

  it('round-trips: written, read back and rebuilt, it shows the same table and alerts', () => {
    const parsed = parseSnapshot(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const opened = buildSnapshotInventory(parsed.snapshot);
    if (!opened.ok) throw new Error(opened.error);
    const inv = opened.built.inventory;
    expect(inv.cluster).toEqual({ ...cluster, snapshot: { takenAt: '2026-01-10T12:00:00.000Z' } });
    expect(inv.generatedAt).toBe(live.generatedAt);
    expect(expandRows(inv.pools, inv.services)).toEqual(expandRows(live.pools, live.services));
    expect(inv.alerts).toEqual(live.alerts);
    expect(inv.nodes).toEqual(live.nodes);
  });

  it('carries what the probers heard: opened, it shows the same ARP verdicts and alerts', () => {
    const evidence = simulateL2Segment({
      nodes: [{ name: 'pitower-1', internalIps: ['192.168.0.201'] }],
      announced: Object.fromEntries(live.services.flatMap((s) => s.ips.map((ip) => [ip, ['pitower-1']]))),
      free: [DEMO_SEGMENT.printer.ip],
      now: NOW,
    });
    const withArp = buildInventory(state, evidence, config({ cluster, sources }));
    expect(withArp.arp.some((v) => v.verdict === 'foreign')).toBe(true);
    const parsed = parseSnapshot(
      JSON.stringify(takeSnapshot({ state, sources, cluster, now: NOW }, withArp, { evidence })),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const opened = buildSnapshotInventory(parsed.snapshot);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.built.inventory.arp).toEqual(withArp.arp);
    expect(opened.built.inventory.alerts.filter((a) => a.rule === 'arp')).toEqual(
      withArp.alerts.filter((a) => a.rule === 'arp'),
    );
    // A file without evidence (the CLI's, or an older one) opens with none.
    expect(taken.evidence).toBeNull();
    const bad = edited(
      (d) => (d.evidence = { simulated: true, probes: { x: [{ ip: 1 }] }, nodeMacs: {}, probers: [] }),
    );
    expect(refused(bad)).toMatch(/evidence/);
  });

  it('is named after its cluster and time', () => {
    expect(snapshotFileName(taken)).toBe('lbipam-snapshot-home-20260110T120000Z.json');
  });
});

describe('a file that is not a snapshot is refused, naming what is wrong', () => {
  it.each([
    ['', 'the file is empty; expected an lbipam snapshot (JSON)'],
    ['{"kind": ', /^not JSON \(.+\); expected an lbipam snapshot$/],
    ['[1, 2]', 'expected a JSON object (an lbipam snapshot), got an array'],
    ['"hello"', 'expected a JSON object (an lbipam snapshot), got string'],
    [
      '{"apiVersion":"v1","kind":"List","items":[]}',
      `not an lbipam snapshot: its kind is "List", expected 'lbipam.snapshot'`,
    ],
    ['{"pools":[]}', "not an lbipam snapshot: its kind is missing, expected 'lbipam.snapshot'"],
    [
      '{"kind":"lbipam.allocations","version":1,"pools":[]}',
      "this is an allocation export (lbipam.allocations), not a snapshot: it lacks the cluster's objects",
    ],
    [
      '{"kind":"lbipam.snapshot","version":7}',
      'snapshot version 7 is newer than this dashboard reads (1); update the dashboard',
    ],
  ])('%s', (text, message) => {
    if (typeof message === 'string') expect(refused(text)).toBe(message);
    else expect(refused(text)).toMatch(message);
  });

  it('names the field: a missing collection, a bad name, a bad time', () => {
    expect(refused(edited((d) => delete d.objects.services))).toBe(
      'not a valid snapshot: objects.services: Invalid input: expected array, received undefined',
    );
    expect(
      refused(
        edited((d) => {
          (d.objects.services[3] as { metadata: { name: unknown } }).metadata.name = 42;
        }),
      ),
    ).toBe(
      'not a valid snapshot: objects.services[3].metadata.name: Invalid input: expected string, received number',
    );
    expect(refused(edited((d) => (d.takenAt = 'yesterday')))).toBe(
      'not a valid snapshot: takenAt: expected an ISO time such as 2026-01-10T12:00:00Z',
    );
    expect(
      refused(
        edited((d) => {
          (d.objects.pools[0] as { spec: unknown }).spec = { blocks: 'all of them' };
        }),
      ),
    ).toMatch(/^not a valid snapshot: objects\.pools\[0\]\.spec\.blocks: /);
  });

  it('takes data only: fields that look like code stay inert strings', () => {
    const text = edited((d) => {
      (d.objects.services[0] as { metadata: { annotations: Record<string, string> } }).metadata.annotations[
        'dashboard.lbipam.io/notes'
      ] = '<script>alert(1)</script>';
    });
    const parsed = parseSnapshot(`{"__proto__":{"polluted":true},${text.slice(1)}`);
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (parsed.ok)
      expect(parsed.snapshot.objects.services[0].metadata.annotations).toMatchObject({
        'dashboard.lbipam.io/notes': '<script>alert(1)</script>',
      });
  });

  it('refuses a file larger than the limit before parsing it', () => {
    expect(refused(' '.repeat(64 * 1024 * 1024 + 1))).toMatch(/^the file is larger than 64 MiB/);
  });

  it('says so when objects pass the schema but cannot be built', () => {
    // The build reads odd objects leniently; whatever still throws inside it is caught and named.
    const objects = emptyClusterState();
    Object.defineProperty(objects, 'services', {
      get: () => {
        throw new Error('services unreadable');
      },
    });
    const odd: Snapshot = { ...taken, objects };
    const r = buildSnapshotInventory(odd);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe("the snapshot's objects could not be read: services unreadable");
  });
});
