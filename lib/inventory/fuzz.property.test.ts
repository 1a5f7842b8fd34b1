import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cilium/cluster-state';
import { parseAddr } from '../net';
import { buildInventoryWithAlerts } from './build';
import { config, lease, l2Policy, pool, svc, state } from './testing/fixtures';
import { expandRows } from './view/rows';

// Random cluster states — valid, overlapping and garbage pools, Services holding and requesting
// addresses (some taken twice, some in no pool, some unparseable), conditions with any reason,
// leases of any holder — through the pure build. It must never throw, and what it shows must add
// up: counts within their pool, every held address on its row, one view per Service, JSON out.

const octet = fc.integer({ min: 0, max: 40 });
const address = fc.oneof(
  octet.map((n) => `10.0.0.${n}`),
  octet.map((n) => `2001:db8::${n.toString(16)}`),
  fc.constantFrom('banana', '999.1.1.1', '', '10.0.0.1%eth0', '::ffff:10.0.0.3', ' 10.0.0.4 '),
);
const block = fc.oneof(
  fc.constantFrom(
    { cidr: '10.0.0.0/28' },
    { cidr: '10.0.0.8/29' },
    { cidr: '10.0.0.16/30' },
    { cidr: '2001:db8::/124' },
    { cidr: '0.0.0.0/0' },
    { cidr: '::/0' },
    { cidr: 'not-a-cidr' },
    { cidr: '10.0.0.0/99' },
    { cidr: '' },
  ),
  fc.tuple(address, address).map(([start, stop]) => ({ start, stop })),
);
const poolArb = fc.record({
  blocks: fc.array(block, { maxLength: 3 }),
  disabled: fc.boolean(),
  allowFirstLastIPs: fc.constantFrom(undefined, 'Yes', 'No', 'maybe'),
  selectorApp: fc.constantFrom(undefined, 'a', 'b'),
  conflicting: fc.boolean(),
});
const serviceArb = fc.record({
  ns: fc.constantFrom('a', 'b'),
  held: fc.array(address, { maxLength: 2 }),
  request: fc.option(
    fc.array(address, { maxLength: 3 }).map((xs) => xs.join(',')),
    { nil: undefined },
  ),
  sharingKey: fc.constantFrom(undefined, '', 'k', 'k2'),
  reason: fc.constantFrom(
    undefined,
    'satisfied',
    'already_allocated',
    'out_of_ips',
    'no_pool',
    'whatever',
    '',
  ),
  type: fc.constantFrom('LoadBalancer', 'LoadBalancer', 'ClusterIP'),
  app: fc.constantFrom('a', 'b'),
  port: fc.constantFrom(80, 443),
  leaseHolder: fc.constantFrom(undefined, 'n1', 'n2', 'ghost', ''),
});

type PoolIn = typeof poolArb extends fc.Arbitrary<infer T> ? T : never;
type ServiceIn = typeof serviceArb extends fc.Arbitrary<infer T> ? T : never;

function clusterOf(pools: PoolIn[], services: ServiceIn[]): ClusterState {
  return state({
    pools: pools.map((p, i) =>
      pool(
        `p${i}`,
        p.blocks,
        {
          disabled: p.disabled,
          ...(p.allowFirstLastIPs && { allowFirstLastIPs: p.allowFirstLastIPs as 'Yes' }),
          ...(p.selectorApp && { serviceSelector: { matchLabels: { app: p.selectorApp } } }),
        },
        p.conflicting
          ? [{ type: 'cilium.io/PoolConflict', status: 'True', reason: 'x', message: 'conflict' }]
          : [],
      ),
    ),
    services: services.map((s, i) =>
      svc(s.ns, `s${i}`, {
        ips: s.held,
        request: s.request,
        labels: { app: s.app },
        annotations: s.sharingKey === undefined ? {} : { 'lbipam.cilium.io/sharing-key': s.sharingKey },
        ...(s.reason !== undefined && { cond: [s.reason, `Cilium says ${s.reason}`] as [string, string] }),
        type: s.type,
        ports: [{ name: 'p', port: s.port, protocol: 'TCP' }],
      }),
    ),
    leases: services.flatMap((s, i) =>
      s.leaseHolder === undefined ? [] : [lease(s.ns, `s${i}`, s.leaseHolder)],
    ),
    l2Policies: [l2Policy()],
    nodes: ['n1', 'n2'].map((name) => ({
      metadata: { name, labels: {} },
      status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [] },
    })),
  });
}

describe('random cluster states through the inventory', () => {
  it('never throw, and what they show adds up', () => {
    fc.assert(
      fc.property(
        fc.array(poolArb, { maxLength: 4 }),
        fc.array(serviceArb, { maxLength: 8 }),
        (pools, services) => {
          const s = clusterOf(pools, services);
          const built = buildInventoryWithAlerts(s, null, config());
          const inv = built.inventory;
          // Out as JSON (the stream and the API send it): no bigint, no cycle.
          JSON.stringify(inv);
          for (const p of inv.pools) {
            const [total, used, available] = [BigInt(p.total), BigInt(p.used), BigInt(p.available)];
            expect(used >= 0n && available >= 0n, p.name).toBe(true);
            expect(used + available <= total, p.name).toBe(true);
          }
          expect(new Set(inv.services.map((v) => v.key)).size).toBe(inv.services.length);
          expect(new Set(built.alerts.map((a) => a.id)).size).toBe(built.alerts.length);
          // Every address a Service holds inside a listed pool is a row naming it as a holder.
          const rows = expandRows(inv.pools, inv.services);
          const holdersOf = new Map<string, Set<string>>();
          for (const r of rows.rows)
            for (const h of r.holders)
              (holdersOf.get(r.ip) ?? holdersOf.set(r.ip, new Set()).get(r.ip)!).add(
                `${h.namespace}/${h.name}`,
              );
          for (const v of inv.services)
            for (const ip of v.ips) {
              const a = parseAddr(ip);
              const inSmallPool = inv.pools.some(
                (p) =>
                  !p.summarised &&
                  p.blocks.some((b) => {
                    const from = parseAddr(b.from);
                    const to = parseAddr(b.to);
                    return (
                      a &&
                      from &&
                      to &&
                      from.family === a.family &&
                      from.value <= a.value &&
                      a.value <= to.value
                    );
                  }),
              );
              if (inSmallPool) expect(holdersOf.get(ip)?.has(v.key), `${v.key} on ${ip}`).toBe(true);
            }
          // The same state builds the same inventory.
          expect(buildInventoryWithAlerts(s, null, config()).inventory).toEqual(inv);
        },
      ),
      { numRuns: 300 },
    );
  });
});
