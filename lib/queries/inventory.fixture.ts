import type { Inventory } from '../inventory/types';

// Test data only (imported by *.test.ts): a small inventory in the shape the server sends.
export function fixtureInventory(version = 1): Inventory {
  return {
    version,
    generatedAt: '2026-01-05T12:00:00.000Z',
    cluster: { name: 'embedded demo', origin: 'embedded', server: 'http://127.0.0.1:6443', readOnly: true },
    sources: [],
    pools: [
      {
        name: 'pool',
        disabled: false,
        conflicting: false,
        conflictMessage: null,
        total: '20',
        used: '1',
        available: '19',
        blocks: [{ from: '192.168.0.220', to: '192.168.0.239', label: '192.168.0.220 - 192.168.0.239' }],
        summarised: false,
      },
    ],
    rows: [
      {
        key: 'pool/192.168.0.220',
        ip: '192.168.0.220',
        pool: 'pool',
        status: 'allocated',
        holders: [{ kind: 'Service', namespace: 'kube-system', name: 'coredns' }],
        service: 'CoreDNS',
        namespace: 'kube-system',
        type: 'ClusterDNS',
        notes: 'Fallback DNS',
        announcer: 'node-1',
        waiting: [],
      },
    ],
    freeRanges: [],
    services: [],
    alerts: [],
  };
}
