import { joinColumn } from './columns';
import type { ServiceModel } from './service-model';
import type { AllocationRow, RowStatus } from './types';

// One allocation row: its status rule and its columns, taken from the Services holding the address.

export interface Indexes {
  holders: Map<string, ServiceModel[]>;
  waiters: Map<string, ServiceModel[]>;
}

export function makeRow(pool: string, ip: string, status: RowStatus, idx: Indexes): AllocationRow {
  const holders = idx.holders.get(ip);
  const waiting = idx.waiters.get(ip) ?? [];
  if (!holders) {
    // Most rows of a pool are free: skip the column joins (a build makes tens of thousands of rows).
    const free: AllocationRow = {
      key: `${pool}/${ip}`,
      ip,
      pool,
      status,
      holders: [],
      service: null,
      namespace: null,
      type: null,
      notes: null,
      announcer: null,
      waiting: [],
    };
    if (waiting.length) free.waiting = waiting.map((w) => w.ref);
    return free;
  }
  if (holders.length === 1) {
    const h = holders[0];
    const c = h.columns;
    return {
      key: `${pool}/${ip}`,
      ip,
      pool,
      status,
      holders: [h.ref],
      service: c.service,
      namespace: c.namespace,
      type: c.type,
      notes: c.notes,
      announcer: h.view.announcer,
      waiting: waiting.map((w) => w.ref),
    };
  }
  return {
    key: `${pool}/${ip}`,
    ip,
    pool,
    status,
    holders: holders.map((h) => h.ref),
    service: joinColumn(holders.map((h) => h.columns.service)),
    namespace: joinColumn(holders.map((h) => h.columns.namespace)),
    type: joinColumn(holders.map((h) => h.columns.type)),
    notes: joinColumn(holders.map((h) => h.columns.notes)),
    announcer: joinColumn(holders.map((h) => h.view.announcer)),
    waiting: waiting.map((w) => w.ref),
  };
}

/** The status rule, in one place: held beats reserved; free depends on whether the pool allocates. */
export function rowStatus(held: boolean, waited: boolean, reserved: boolean, allocates: boolean): RowStatus {
  if (held) return waited ? 'contested' : 'allocated';
  if (reserved) return 'reserved';
  return allocates ? 'available' : 'unallocatable';
}
