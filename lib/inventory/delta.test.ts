import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInventoryDelta, diffInventory } from './delta';
import type { Alert, AllocationRow, FreeRangeRow, Inventory, PoolView, ServiceView } from './types';

// Small key spaces so that two generated inventories share many keys (updates, moves, removals).
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const text = fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null });

const row: fc.Arbitrary<AllocationRow> = fc.record({
  key,
  ip: fc.constantFrom('10.0.0.1', '10.0.0.2'),
  pool: fc.constantFrom('p', 'q', ''),
  status: fc.constantFrom('allocated', 'available', 'reserved', 'unallocatable', 'contested'),
  holders: fc.array(
    fc.record({ kind: fc.constant('Service' as const), namespace: fc.constant('ns'), name: key }),
    { maxLength: 2 },
  ),
  service: text,
  namespace: text,
  type: text,
  notes: text,
  announcer: text,
  waiting: fc.constant([]),
});
const freeRange: fc.Arbitrary<FreeRangeRow> = fc.record({
  key,
  pool: fc.constant('p'),
  from: key,
  to: key,
  count: fc.constantFrom('1', '9'),
  status: fc.constantFrom('available' as const, 'unallocatable' as const),
});
const pool: fc.Arbitrary<PoolView> = fc.record({
  name: key,
  disabled: fc.boolean(),
  conflicting: fc.boolean(),
  conflictMessage: text,
  total: fc.constantFrom('20', '256'),
  used: fc.constantFrom('0', '11'),
  available: fc.constantFrom('9', '20'),
  blocks: fc.array(fc.record({ from: key, to: key, label: text.map((t) => t ?? '') }), { maxLength: 2 }),
  summarised: fc.boolean(),
});
const service: fc.Arbitrary<ServiceView> = fc.record({
  namespace: fc.constantFrom('ns', 'media'),
  name: key,
  displayName: key,
  type: text,
  notes: text,
  gateway: text,
  ips: fc.array(key, { maxLength: 2 }),
  requestedIps: fc.array(key, { maxLength: 2 }),
  satisfied: fc.option(fc.boolean(), { nil: null }),
  reason: text,
  message: text,
  announcer: text,
  ports: fc.array(fc.record({ port: fc.integer({ min: 1, max: 3 }), protocol: fc.constant('TCP') }), {
    maxLength: 2,
  }),
});
const alert: fc.Arbitrary<Alert> = fc.record({
  id: key,
  severity: fc.constantFrom('error', 'warning', 'info'),
  title: key,
  detail: key,
  fix: text,
  subject: fc.record({ kind: fc.constant('Service' as const), name: key }),
});

const unique = <T>(arb: fc.Arbitrary<T>, k: (t: T) => string) =>
  fc.uniqueArray(arb, { selector: k, maxLength: 6 });

// JSON round trip: the Inventory travels as JSON, and fast-check's records have no prototype.
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const inventory: fc.Arbitrary<Inventory> = fc
  .record({
    version: fc.integer({ min: 0, max: 5 }),
    generatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'),
    cluster: fc.record({
      name: fc.constantFrom('embedded demo', 'home'),
      origin: fc.constantFrom('embedded' as const, 'kubeconfig' as const),
      server: fc.constant('https://127.0.0.1:6443'),
      readOnly: fc.boolean(),
    }),
    sources: fc.array(
      fc.record({
        source: fc.constantFrom('services' as const, 'leases' as const),
        state: fc.constantFrom('live' as const, 'stale' as const),
        since: key,
      }),
      { maxLength: 2 },
    ),
    pools: unique(pool, (p) => p.name),
    rows: unique(row, (r) => r.key),
    freeRanges: unique(freeRange, (r) => r.key),
    services: unique(service, (s) => `${s.namespace}/${s.name}`),
    alerts: unique(alert, (a) => a.id),
  })
  .map(asJson);

describe('diffInventory / applyInventoryDelta', () => {
  it('apply(prev, diff(prev, next)) deep-equals next', () => {
    fc.assert(
      fc.property(inventory, inventory, (prev, next) => {
        expect(applyInventoryDelta(prev, diffInventory(prev, next))).toStrictEqual(next);
      }),
      { numRuns: 500 },
    );
  });

  it('still reproduces next when keys are duplicated (falls back to replacing the collection)', () => {
    fc.assert(
      fc.property(inventory, fc.array(row, { maxLength: 6 }), fc.boolean(), (base, rows, sameKeys) => {
        // sameKeys: duplicated keys in the same order on both sides (the in-place fast path).
        const prev = sameKeys ? asJson({ ...base, rows: rows.map((r) => ({ ...r, notes: 'old' })) }) : base;
        const next = asJson({ ...base, version: base.version + 1, rows });
        expect(applyInventoryDelta(prev, diffInventory(prev, next))).toStrictEqual(next);
      }),
    );
  });

  it('refuses a delta that does not start from the version it is applied to', () => {
    fc.assert(
      fc.property(inventory, inventory, (prev, next) => {
        const delta = diffInventory(prev, next);
        expect(applyInventoryDelta({ ...prev, version: prev.version + 1 }, delta)).toBeNull();
      }),
    );
  });

  it('sends only what changed', () => {
    fc.assert(
      fc.property(inventory, (prev) => {
        fc.pre(prev.rows.length > 0);
        const changed = { ...prev.rows[0], announcer: 'node-x', status: 'contested' as const };
        const next = { ...prev, version: prev.version + 1, rows: [changed, ...prev.rows.slice(1)] };
        const d = diffInventory(prev, next);
        expect(d.rows).toEqual({ upserts: [changed], removals: [] });
        expect(d.services).toEqual({ upserts: [], removals: [] });
        expect(d.cluster).toBeUndefined();
        expect(d.fromVersion).toBe(prev.version);
        expect(d.toVersion).toBe(prev.version + 1);
      }),
    );
  });

  it('keeps the very same arrays for collections the delta does not touch', () => {
    fc.assert(
      fc.property(inventory, (prev) => {
        fc.pre(prev.rows.length > 0);
        const next = { ...prev, version: prev.version + 1, services: [] };
        const applied = applyInventoryDelta(prev, diffInventory(prev, next));
        // Same identity, so the browser's memoised table records survive an unrelated change.
        expect(applied?.rows).toBe(prev.rows);
        expect(applied?.pools).toBe(prev.pools);
      }),
    );
  });
});
