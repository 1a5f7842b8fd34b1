import type { ProbeMethod } from './arp/evidence';
import type { ArpHistoryEntry } from './arp/verdict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from './collections';
import {
  applyCollection,
  applyCollectionDelta,
  applyInventoryDelta,
  diffCollection,
  diffInventory,
  isEmptyDelta,
} from './delta';
import type {
  AlertGroup,
  AnnouncerView,
  EventView,
  Inventory,
  InventoryCollections,
  L2PolicyView,
  NodeView,
  PoolView,
  ServiceView,
} from './types';

// Small key spaces so that two generated inventories share many keys (updates, moves, removals).
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const text = fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null });
const ref = fc.record({ kind: fc.constant('Service' as const), namespace: fc.constant('ns'), name: key });

const pool: fc.Arbitrary<PoolView> = fc.record({
  name: key,
  disabled: fc.boolean(),
  conflicting: fc.boolean(),
  conflictMessage: text,
  allocates: fc.boolean(),
  total: fc.constantFrom('20', '256'),
  used: fc.constantFrom('0', '11'),
  available: fc.constantFrom('9', '20'),
  reported: fc.option(
    fc.record({ total: fc.constant('20'), used: fc.constantFrom('1', '2'), available: fc.constant('19') }),
    {
      nil: null,
    },
  ),
  blocks: fc.array(
    fc.record({
      from: key,
      to: key,
      label: text.map((t) => t ?? ''),
      size: fc.constantFrom('1', '256'),
      reserved: fc.array(key, { maxLength: 2 }),
      summarised: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  summarised: fc.boolean(),
  serviceSelector: fc.constantFrom('every Service', 'app=x'),
});
const service: fc.Arbitrary<ServiceView> = fc
  .record({
    namespace: fc.constantFrom('ns', 'media'),
    name: key,
    displayName: key,
    displayNamespace: fc.constantFrom('ns', 'media'),
    type: text,
    notes: text,
    gateway: text,
    ips: fc.array(key, { maxLength: 2 }),
    requestedIps: fc.array(key, { maxLength: 2 }),
    satisfied: fc.option(fc.boolean(), { nil: null }),
    reason: text,
    message: text,
    announcer: text,
    sharingKey: text,
    ports: fc.array(fc.record({ port: fc.integer({ min: 1, max: 3 }), protocol: fc.constant('TCP') }), {
      maxLength: 2,
    }),
  })
  .map((s) => ({ key: `${s.namespace}/${s.name}`, ...s }));
const alert: fc.Arbitrary<AlertGroup> = fc.record({
  id: key,
  rule: fc.constantFrom('pending', 'lease'),
  cause: key,
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  title: key,
  detail: key,
  fix: text,
  count: fc.integer({ min: 1, max: 3 }),
  subjects: fc.array(ref, { maxLength: 2 }),
  revision: key,
});
const node: fc.Arbitrary<NodeView> = fc.record({
  name: key,
  ready: fc.option(fc.boolean(), { nil: null }),
  notReadyReason: text,
  addresses: fc.array(fc.record({ type: fc.constant('InternalIP'), address: key }), { maxLength: 1 }),
  l2Policies: fc.array(key, { maxLength: 2 }),
  announcing: fc.integer({ min: 0, max: 3 }),
});
const l2Policy: fc.Arbitrary<L2PolicyView> = fc.record({
  name: key,
  serviceSelector: key,
  nodeSelector: key,
  interfaces: fc.array(key, { maxLength: 2 }),
  externalIPs: fc.boolean(),
  loadBalancerIPs: fc.boolean(),
  nodes: fc.array(key, { maxLength: 2 }),
});
const announcer: fc.Arbitrary<AnnouncerView> = fc.record({
  key,
  service: ref,
  lease: fc.record({ namespace: fc.constant('kube-system'), name: key }),
  holder: text,
  state: fc.constantFrom('held' as const, 'expired' as const, 'unheld' as const),
  acquireTime: text,
  durationSeconds: fc.option(fc.constant(15), { nil: null }),
  transitions: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  ips: fc.array(key, { maxLength: 2 }),
});
const event: fc.Arbitrary<EventView> = fc.record({
  key,
  type: fc.constantFrom('Normal', 'Warning'),
  reason: key,
  message: key,
  object: fc.record({ kind: fc.constant('Service'), namespace: text, name: key }),
  count: fc.integer({ min: 1, max: 3 }),
  lastSeen: text,
});

const arpVerdict = fc.record({
  ip: key,
  verdict: fc.constantFrom('ok' as const, 'silent' as const, 'foreign' as const),
  detail: key,
  expectedNode: fc.option(key, { nil: null }),
  macs: fc.array(
    fc.record({
      mac: key,
      vendor: fc.constant(null),
      node: fc.option(key, { nil: null }),
      methods: fc.constant<ProbeMethod[]>(['arp']),
    }),
    { maxLength: 2 },
  ),
  at: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
  vantage: fc.option(key, { nil: null }),
  unicast: fc.constant(null),
  simulated: fc.boolean(),
  history: fc.constant<ArpHistoryEntry[]>([]),
});

const prober = fc.record({
  name: key,
  kind: fc.constantFrom('embedded' as const, 'agent' as const),
  node: fc.option(key, { nil: null }),
  state: fc.constantFrom('ok' as const, 'error' as const),
  message: fc.option(text, { nil: null }),
  lastSweep: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
});

// One arbitrary per collection, so the table below cannot miss one: TypeScript requires them all.
const items: { [K in CollectionName]: fc.Arbitrary<InventoryCollections[K][number]> } = {
  pools: pool,
  services: service,
  alerts: alert,
  nodes: node,
  l2Policies: l2Policy,
  announcers: announcer,
  events: event,
  arp: arpVerdict,
  probers: prober,
};

const collection = <K extends CollectionName>(c: K) =>
  fc.uniqueArray(items[c] as fc.Arbitrary<InventoryCollections[K][number]>, {
    selector: (v) => COLLECTIONS[c].key(v),
    maxLength: 6,
  });

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
        required: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    pools: collection('pools'),
    services: collection('services'),
    alerts: collection('alerts'),
    nodes: collection('nodes'),
    l2Policies: collection('l2Policies'),
    announcers: collection('announcers'),
    events: collection('events'),
    arp: collection('arp'),
    probers: collection('probers'),
  })
  .map(asJson);

describe('diffInventory / applyInventoryDelta', () => {
  it('carries the Cilium version when it changes (an operator upgrade), and only then', () => {
    fc.assert(
      fc.property(inventory, (base) => {
        const prev = { ...base, cilium: { version: '1.19.4', source: 'deployment' as const } };
        const same = diffInventory(prev, { ...prev, version: prev.version + 1 });
        expect(same.cilium).toBeUndefined();
        const next = {
          ...prev,
          version: prev.version + 1,
          cilium: { version: '1.20.2', source: 'deployment' as const },
        };
        const d = diffInventory(prev, next);
        expect(isEmptyDelta(d)).toBe(false);
        expect(applyInventoryDelta(prev, d)?.cilium).toEqual({ version: '1.20.2', source: 'deployment' });
      }),
      { numRuns: 20 },
    );
  });

  it('apply(prev, diff(prev, next)) deep-equals next', () => {
    fc.assert(
      fc.property(inventory, inventory, (prev, next) => {
        expect(applyInventoryDelta(prev, diffInventory(prev, next))).toStrictEqual(next);
      }),
      { numRuns: 500 },
    );
  });

  // Each collection on its own, as the browser applies them (each cached part separately).
  for (const c of COLLECTION_NAMES) {
    it(`round-trips the ${c} collection alone`, () => {
      fc.assert(
        fc.property(inventory, collection(c), (base, nextItems) => {
          const next = asJson({ ...base, version: base.version + 1, [c]: nextItems });
          const delta = diffInventory(base, next);
          expect(applyCollectionDelta(c, base[c] as never, delta)).toStrictEqual(next[c]);
          // Only this collection may appear in the delta.
          expect(Object.keys(delta.collections).filter((k) => k !== c)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('still reproduces next when keys are duplicated (falls back to replacing the collection)', () => {
    fc.assert(
      fc.property(
        inventory,
        fc.array(service, { maxLength: 6 }),
        fc.boolean(),
        (base, services, sameKeys) => {
          // sameKeys: duplicated keys in the same order on both sides (the in-place fast path).
          const prev = sameKeys
            ? asJson({ ...base, services: services.map((s) => ({ ...s, notes: 'old' })) })
            : base;
          const next = asJson({ ...base, version: base.version + 1, services });
          expect(applyInventoryDelta(prev, diffInventory(prev, next))).toStrictEqual(next);
        },
      ),
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

  it('sends only what changed, and nothing for an unchanged inventory', () => {
    fc.assert(
      fc.property(inventory, (prev) => {
        fc.pre(prev.services.length > 0);
        const changed = { ...prev.services[0], announcer: 'node-x', satisfied: false };
        const next = { ...prev, version: prev.version + 1, services: [changed, ...prev.services.slice(1)] };
        const d = diffInventory(prev, next);
        expect(d.collections).toEqual({ services: { upserts: [changed], removals: [] } });
        expect(d.cluster).toBeUndefined();
        expect(d.fromVersion).toBe(prev.version);
        expect(d.toVersion).toBe(prev.version + 1);
        expect(isEmptyDelta(d)).toBe(false);
        expect(isEmptyDelta(diffInventory(prev, { ...prev, version: prev.version + 1 }))).toBe(true);
      }),
    );
  });

  it('places an inserted item by the key it follows, never by resending every key', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `k${String(i).padStart(4, '0')}` }));
    const inserted = [...many.slice(0, 500), { id: 'k0499x' }, ...many.slice(500)];
    const d = diffCollection(many, inserted, (x) => x.id);
    expect(d).toEqual({ upserts: [{ id: 'k0499x' }], removals: [], after: { k0499x: 'k0499' } });
    expect(applyCollection(many, d, (x) => x.id)).toEqual(inserted);
    const first = [{ id: 'a0' }, ...many];
    expect(
      applyCollection(
        many,
        diffCollection(many, first, (x) => x.id),
        (x) => x.id,
      ),
    ).toEqual(first);
    // A reorder of kept keys needs the whole order.
    const swapped = [many[1], many[0], ...many.slice(2)];
    expect('order' in diffCollection(many, swapped, (x) => x.id)).toBe(true);
  });

  it('keeps the very same arrays for collections the delta does not touch', () => {
    fc.assert(
      fc.property(inventory, (prev) => {
        fc.pre(prev.services.length > 0);
        const next = { ...prev, version: prev.version + 1, alerts: [] };
        const applied = applyInventoryDelta(prev, diffInventory(prev, next));
        // Same identity, so the browser's memoised rows survive an unrelated change.
        expect(applied?.services).toBe(prev.services);
        expect(applied?.pools).toBe(prev.pools);
      }),
    );
  });
});
