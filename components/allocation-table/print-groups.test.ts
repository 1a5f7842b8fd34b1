import { describe, expect, it } from 'vitest';
import { printGroups } from './print-groups';
import type { TableRecord } from './table-records';

const rec = (pool: string, ip: string) => ({ pool, ip, key: `${pool}/${ip}` }) as TableRecord;

describe('printGroups', () => {
  it('groups by pool in the pools order, outside-every-pool last, rows kept in order', () => {
    const groups = printGroups(
      [
        rec('', '10.9.9.9'),
        rec('lab', '192.168.10.1'),
        rec('pool', '192.168.0.220'),
        rec('lab', '192.168.10.2'),
      ],
      ['pool', 'lab'],
    );
    expect(groups.map((g) => [g.pool, g.records.map((r) => r.ip)])).toEqual([
      ['pool', ['192.168.0.220']],
      ['lab', ['192.168.10.1', '192.168.10.2']],
      ['', ['10.9.9.9']],
    ]);
  });

  it('has no group for a pool without rows (filtered out)', () => {
    expect(printGroups([rec('lab', '192.168.10.1')], ['pool', 'lab']).map((g) => g.pool)).toEqual(['lab']);
  });
});
