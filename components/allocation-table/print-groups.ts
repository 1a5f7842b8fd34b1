import type { TableRecord } from './table-records';

/**
 * The records of a printed table, one group per pool in the pools' order (addresses outside every
 * pool last), each in the order given: a printed page per pool, as the hand-kept README had it.
 */
export function printGroups(
  records: readonly TableRecord[],
  poolOrder: readonly string[],
): { pool: string; records: TableRecord[] }[] {
  const byPool = new Map<string, TableRecord[]>();
  for (const r of records) {
    const list = byPool.get(r.pool);
    if (list) list.push(r);
    else byPool.set(r.pool, [r]);
  }
  const rank = (pool: string) => {
    const i = poolOrder.indexOf(pool);
    return pool === '' ? Number.MAX_SAFE_INTEGER : i < 0 ? poolOrder.length : i;
  };
  return [...byPool.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([pool, list]) => ({ pool, records: list }));
}
