import { afterEach, describe, expect, it } from 'vitest';
import { applyInventoryDelta, type InventoryDelta } from '../inventory/delta';
import type { Inventory } from '../inventory/types';
import { dataTime, InventoryFeed, type FeedInput } from './inventory-feed';
import { lbService, MemorySource, servicesOnlyInventory } from './testing/memory-source';

const feeds: InventoryFeed[] = [];
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.stop()));
});

function setup() {
  const source = new MemorySource();
  let builds = 0;
  const build = (input: FeedInput) => {
    builds++;
    return servicesOnlyInventory(input);
  };
  const feed = new InventoryFeed(source, build, { debounceMs: 20 });
  feeds.push(feed);
  return { source, feed, builds: () => builds };
}

const nextDelta = (feed: InventoryFeed) =>
  new Promise<{ delta: InventoryDelta | null; inventory: Inventory }>((resolve) => {
    const off = feed.subscribe((delta, inventory) => {
      off();
      resolve({ delta, inventory });
    });
  });

describe('inventory feed', () => {
  it('builds once per burst of changes, bumps the version only on a real change, and keeps deltas', async () => {
    const { source, feed, builds } = setup();
    feed.start();
    const first = await feed.ready(2000);
    expect(first?.services).toEqual([]);
    const v0 = first!.version;

    const changed = nextDelta(feed);
    const before = builds();
    for (let i = 0; i < 10; i++) source.setServices([lbService('web', `192.168.0.${200 + i}`)]);
    const { delta, inventory } = await changed;
    expect(builds() - before).toBe(1);
    expect(inventory.version).toBe(v0 + 1);
    expect(delta).toMatchObject({ fromVersion: v0, toVersion: v0 + 1 });
    expect(applyInventoryDelta(first!, delta!)).toEqual(inventory);

    // Same content again: rebuilt, but no new version and nobody is notified.
    let notified = false;
    feed.subscribe(() => (notified = true));
    source.setServices([lbService('web', '192.168.0.209')]);
    await new Promise((r) => setTimeout(r, 80));
    expect(notified).toBe(false);
    expect(feed.current()?.version).toBe(v0 + 1);
    expect(feed.deltasSince(v0)?.map((d) => d.toVersion)).toEqual([v0 + 1]);
    expect(feed.deltasSince(v0 + 1)).toEqual([]);
    expect(feed.deltasSince(12345)).toBeNull();
  });

  it('freezes the cluster as it is now for a snapshot: its state and the inventory built of exactly it', async () => {
    const { source, feed, builds } = setup();
    expect(feed.freeze()).toBeNull();
    feed.start();
    const first = await feed.ready(2000);
    source.setServices([lbService('web', '192.168.0.201')]);
    const before = builds();
    // Asked before the debounced rebuild has run: the state now, not the last build's.
    const frozen = feed.freeze();
    expect(builds() - before).toBe(1);
    expect(frozen?.input.state.services.map((s) => s.metadata.name)).toEqual(['web']);
    expect(frozen?.inventory.services.map((s) => s.key)).toEqual(['default/web']);
    expect(frozen?.inventory.version).toBe(first!.version);
    // Nothing about the feed itself changed.
    expect(feed.current()).toBe(first);
  });

  it('keeps only the last N deltas', async () => {
    const source = new MemorySource();
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 1, keepDeltas: 3 });
    feeds.push(feed);
    feed.start();
    const v0 = (await feed.ready(2000))!.version;
    for (let i = 1; i <= 5; i++) {
      const next = nextDelta(feed);
      source.setServices([lbService(`svc-${i}`)]);
      await next;
    }
    expect(feed.current()?.version).toBe(v0 + 5);
    expect(feed.deltasSince(v0 + 1)).toBeNull();
    expect(feed.deltasSince(v0 + 2)?.map((d) => d.fromVersion)).toEqual([v0 + 2, v0 + 3, v0 + 4]);
  });

  it('answers ready() with null instead of hanging when nothing has synced', async () => {
    const source = new MemorySource();
    source.settled = () => false;
    source.requiredListed = () => false;
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 1 });
    feeds.push(feed);
    feed.start();
    const t0 = Date.now();
    expect(await feed.ready(150)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(feed.notReadyReason()).toContain('still reading the cluster');
  });

  it('keeps the last good inventory when a build throws', async () => {
    const source = new MemorySource();
    let fail = false;
    const feed = new InventoryFeed(
      source,
      (input) => {
        if (fail) throw new Error('boom');
        return servicesOnlyInventory(input);
      },
      { debounceMs: 1 },
    );
    feeds.push(feed);
    feed.start();
    const first = await feed.ready(2000);
    fail = true;
    source.setServices([lbService('x')]);
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.current()).toBe(first);
  });

  it('rebuilds on a timer, so what depends on time (an expiring lease) changes without a watch event', async () => {
    const source = new MemorySource();
    source.setServices([lbService('web', '192.168.0.220')]);
    let clock = 1_000;
    const feed = new InventoryFeed(
      source,
      (input) => {
        const inv = servicesOnlyInventory(input);
        // Stands in for lease expiry: the announcer disappears once the clock passes 5 s.
        inv.services = inv.services.map((s) => ({ ...s, announcer: input.now < 5_000 ? 'k8s-1' : null }));
        return inv;
      },
      { debounceMs: 1, tickMs: 30, now: () => clock },
    );
    feeds.push(feed);
    feed.start();
    const first = (await feed.ready(2000))!;
    expect(first.services[0].announcer).toBe('k8s-1');
    const changed = nextDelta(feed);
    clock = 6_000;
    const { inventory } = await changed;
    expect(inventory.services[0].announcer).toBeNull();
    expect(inventory.version).toBe(first.version + 1);
  });
});

describe('time-driven rebuilds', () => {
  it('a tick rebuilds only once the next time-based change (a lease expiry) has passed', async () => {
    const source = new MemorySource();
    source.setServices([lbService('web', '192.168.0.220')]);
    let clock = 1_000;
    let builds = 0;
    const feed = new InventoryFeed(
      source,
      (input) => {
        builds++;
        return servicesOnlyInventory(input);
      },
      {
        debounceMs: 1,
        tickMs: 10,
        now: () => clock,
        nextTimeChange: (_state, after) => Math.max(after, 5_000),
      },
    );
    feeds.push(feed);
    feed.start();
    await feed.ready(2000);
    await new Promise((r) => setTimeout(r, 80));
    // Several ticks passed, but nothing time-based was due: no rebuild.
    expect(builds).toBe(1);
    clock = 6_000;
    for (let i = 0; i < 50 && builds === 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(builds).toBe(2);
  });
});

describe('the first inventory waits for the required sources', () => {
  it('builds nothing while a required source has not listed, however long, then waits a grace for optional ones', async () => {
    const source = new MemorySource();
    let requiredListed = false;
    source.requiredListed = () => requiredListed;
    source.settled = () => false; // an optional source never settles
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 1, graceMs: 100 });
    feeds.push(feed);
    feed.start();
    source.setServices([lbService('web', '192.168.0.220')]);
    // No grace for required sources: one synced source (the old rule) is not enough.
    expect(await feed.ready(300)).toBeNull();

    requiredListed = true;
    const t0 = Date.now();
    source.changed();
    const first = await feed.ready(2000);
    expect(first?.services.map((s) => s.name)).toEqual(['web']);
    // An optional source still unsettled: built after the grace, not before.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('builds at once when every source has settled', async () => {
    const source = new MemorySource();
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 1, graceMs: 10_000 });
    feeds.push(feed);
    feed.start();
    expect(await feed.ready(1000)).not.toBeNull();
  });

  it('says which required sources it waits for and why, in words', async () => {
    const source = new MemorySource();
    source.requiredListed = () => false;
    source.settled = () => false;
    const since = '2026-01-01T00:00:00Z';
    const error = {
      status: 0,
      reason: 'Unreachable',
      code: 'ECONNREFUSED',
      text: 'connect ECONNREFUSED 127.0.0.1:1',
    };
    source.statuses = () => [
      { source: 'pools', state: 'reconnecting', required: true, since, error },
      { source: 'services', state: 'reconnecting', required: true, since, error },
      { source: 'leases', state: 'live', required: false, since },
    ];
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 1 });
    feeds.push(feed);
    feed.start();
    expect(await feed.ready(50)).toBeNull();
    expect(feed.notReadyReason()).toBe(
      'still reading the cluster at http://127.0.0.1:1: waiting for pools, services to list; ' +
        'pools, services: cannot reach the API server at http://127.0.0.1:1 (connection refused)',
    );
  });
});

describe('dataTime', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  const st = (
    source: 'services' | 'leases' | 'events',
    state: 'live' | 'reconnecting' | 'stale',
    since: string,
  ) => ({
    source,
    state,
    required: source === 'services',
    since,
  });

  it('is now while the leases are live, else when they were lost', () => {
    expect(
      dataTime(
        [st('services', 'live', '2026-01-01T00:00:00Z'), st('leases', 'live', '2026-01-01T00:00:00Z')],
        now,
      ),
    ).toBe(now);
    expect(
      dataTime(
        [st('services', 'stale', '2026-01-01T00:04:00Z'), st('leases', 'stale', '2026-01-01T00:04:01Z')],
        now,
      ),
    ).toBe(Date.parse('2026-01-01T00:04:01Z'));
  });

  it('does not stop time for everything when a source not judged by the clock fails alone', () => {
    expect(dataTime([st('events', 'reconnecting', '2026-01-01T00:01:00Z')], now)).toBe(now);
  });
});
