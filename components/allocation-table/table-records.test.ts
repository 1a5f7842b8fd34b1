import { describe, expect, it } from 'vitest';
import type { AllocationRow, PoolView } from '@/lib/inventory/types';
import { matchesFilters, type TableFilters } from './table-filters';
import { addressCount, tableRecords } from './table-records';

const pool = (name: string, extra: Partial<PoolView> = {}): PoolView => ({
  name,
  disabled: false,
  conflicting: false,
  conflictMessage: null,
  allocates: true,
  reported: null,
  serviceSelector: 'every Service',
  total: '0',
  used: '0',
  available: '0',
  blocks: [],
  summarised: false,
  ...extra,
});

const row = (ip: string, extra: Partial<AllocationRow> = {}): AllocationRow => ({
  key: `pool/${ip}`,
  ip,
  pool: 'pool',
  status: 'available',
  holders: [],
  service: null,
  namespace: null,
  type: null,
  notes: null,
  announcer: null,
  waiting: [],
  ...extra,
});

const none: TableFilters = { q: '', status: null, pool: null };

describe('table records', () => {
  const inv = {
    pools: [pool('pool'), pool('big'), pool('off', { disabled: true })],
    rows: [
      row('192.168.0.10', {
        status: 'allocated',
        service: 'Jellyfin',
        namespace: 'media',
        notes: 'HTTP on port 8096',
      }),
      row('192.168.0.9', {
        waiting: [{ kind: 'Service', namespace: 'media', name: 'plex' }],
        status: 'contested',
      }),
    ],
    freeRanges: [
      {
        key: 'big/10.0.0.0',
        pool: 'big',
        from: '10.0.0.0',
        to: '10.0.255.255',
        count: '65536',
        status: 'available' as const,
      },
      {
        key: 'off/10.1.0.0',
        pool: 'off',
        from: '10.1.0.0',
        to: '10.1.0.255',
        count: '256',
        status: 'unallocatable' as const,
      },
    ],
  };

  it('merges rows and free ranges in numeric IP order', () => {
    expect(tableRecords(inv).map((r) => r.ip)).toEqual([
      '10.0.0.0',
      '10.1.0.0',
      '192.168.0.9',
      '192.168.0.10',
    ]);
  });

  it('keeps the status of free ranges, and counts range addresses', () => {
    const recs = tableRecords(inv);
    expect(recs.find((r) => r.pool === 'off')?.status).toBe('unallocatable');
    expect(recs.find((r) => r.pool === 'big')?.status).toBe('available');
    expect(addressCount(recs)).toBe(65536n + 256n + 2n);
  });

  it('filters by every word across columns, by status and by pool', () => {
    const recs = tableRecords(inv);
    const pick = (f: Partial<TableFilters>) =>
      recs.filter((r) => matchesFilters(r, { ...none, ...f })).map((r) => r.ip);
    expect(pick({ q: 'JELLY 8096' })).toEqual(['192.168.0.10']);
    expect(pick({ q: 'media/plex' })).toEqual(['192.168.0.9']);
    expect(pick({ q: 'jelly nope' })).toEqual([]);
    expect(pick({ status: 'unallocatable' })).toEqual(['10.1.0.0']);
    expect(pick({ pool: 'pool' })).toEqual(['192.168.0.9', '192.168.0.10']);
  });

  it('finds an address inside a summarised range', () => {
    const recs = tableRecords(inv);
    expect(recs.filter((r) => matchesFilters(r, { ...none, q: '10.0.42.7' })).map((r) => r.key)).toEqual([
      'big/10.0.0.0',
    ]);
  });
});
