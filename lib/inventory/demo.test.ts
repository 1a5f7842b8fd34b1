import { describe, expect, it } from 'vitest';
import { buildInventory } from './build';
import { demoState } from './testing/demo-state';
import { config, rowsOf } from './testing/fixtures';
import { seedTable } from '../../test/fixtures/seed-table';

// The demo seed through the real engine, the way the embedded cluster's LB-IPAM controller does
// it (start empty, apply upserts in seed order, write each status back), then through the
// inventory: the table must be the user's own "IP Allocation Table", row for row.

// The page's "--"/"Available" rows are free addresses: the inventory shows null and 'available'.
const expectedRows = seedTable.map(({ ip, service, namespace, type, notes }) =>
  service === '--'
    ? { ip, service: null, namespace: null, type: null, notes: null }
    : { ip, service, namespace, type, notes },
);

// No controllers run here, so no EndpointSlices exist: say so, as the data path would for a cluster
// that does not serve them (the eTP=Local rules then claim nothing; lib/kube/demo-alerts.test.ts
// checks them against the running embedded cluster).
const slicesUnknown = config({
  sources: [{ source: 'endpointSlices', state: 'missing', required: false, since: '2026-01-01T00:00:00Z' }],
});

describe('the demo cluster through the engine and the inventory', () => {
  const inv = buildInventory(demoState(), null, slicesUnknown);
  const homeRows = () => rowsOf(inv).filter((r) => r.pool === 'pool');

  it("reproduces the page's IP Allocation Table row for row", () => {
    expect(
      homeRows().map(({ ip, service, namespace, type, notes }) => ({ ip, service, namespace, type, notes })),
    ).toEqual(expectedRows);
    const available = expectedRows.filter((r) => r.service === null).map((r) => r.ip);
    expect(
      homeRows()
        .filter((r) => r.status === 'available')
        .map((r) => r.ip),
    ).toEqual(available);
  });

  it('shows .229 contested: Jellyfin holds it, Plex waits for it', () => {
    const row = rowsOf(inv).find((r) => r.ip === '192.168.0.229');
    expect(row).toMatchObject({
      status: 'contested',
      holders: [{ kind: 'Service', namespace: 'media', name: 'jellyfin' }],
      waiting: [{ kind: 'Service', namespace: 'media', name: 'plex' }],
    });
  });

  it('raises plex as pending, with the cause and a concrete fix', () => {
    expect(inv.alerts.find((a) => a.id === 'pending:media/plex')).toMatchObject({
      id: 'pending:media/plex',
      rule: 'pending',
      count: 1,
      severity: 'error',
      title: 'media/plex is pending: 192.168.0.229 is already allocated',
      detail:
        "192.168.0.229 is held by media/jellyfin (Jellyfin). Cilium gives a requested address to whichever Service it processed first. Cilium's message: \"The IP '192.168.0.229' is already allocated to another service\".",
      fix: "Request a free address instead — free in pool 'pool': 192.168.0.223–225, 192.168.0.232–237 — or give both Services the same lbipam.cilium.io/sharing-key if they should share it.",
      subjects: [{ kind: 'Service', namespace: 'media', name: 'plex' }],
    });
  });

  it('lists plex as an unsatisfied Service view with its request, and the pool with Cilium counts', () => {
    expect(inv.services.find((s) => s.name === 'plex')).toMatchObject({
      displayName: 'Plex',
      ips: [],
      requestedIps: ['192.168.0.229'],
      satisfied: false,
      reason: 'already_allocated',
    });
    expect(inv.pools.filter((p) => p.name === 'pool')).toEqual([
      {
        name: 'pool',
        disabled: false,
        conflicting: false,
        conflictMessage: null,
        allocates: true,
        // Ours (from what the Services hold) and Cilium's (from its status conditions) agree.
        total: '20',
        used: '11',
        available: '9',
        reported: { total: '20', used: '11', available: '9' },
        blocks: [
          {
            from: '192.168.0.220',
            to: '192.168.0.239',
            label: '192.168.0.220 – 192.168.0.239',
            size: '20',
            reserved: [],
            summarised: false,
          },
        ],
        summarised: false,
        serviceSelector: 'every Service',
      },
    ]);
  });

  it('raises nothing else: every other Service is satisfied and announced by the policy', () => {
    expect(inv.alerts.map((a) => a.id)).toEqual(['pending:media/plex']);
    expect(inv.cilium).toEqual({ version: '1.20.2', source: 'deployment' });
  });
});
