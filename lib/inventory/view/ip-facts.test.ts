import { describe, expect, it } from 'vitest';
import { build, holding, pool, svc } from '../testing/fixtures';
import type { Inventory } from '../types';
import { ipFacts, ipRevision } from './ip-facts';
import { readIpParam } from './ip-param';

const factsOf = (inv: Inventory, ip: string, alertIds?: Set<string>) => {
  const p = readIpParam(ip);
  if (!p.ok) throw new Error(p.error);
  return ipFacts(p.ip, p.family, { ...inv, alertIds });
};

describe('reading the address of /ips/<ip>', () => {
  it('keeps addresses canonical, as Cilium writes them', () => {
    expect(readIpParam('192.168.0.226')).toEqual({ ok: true, ip: '192.168.0.226', family: 4 });
    expect(readIpParam('2001:DB8:0::0001')).toEqual({ ok: true, ip: '2001:db8::1', family: 6 });
    expect(readIpParam('2001%3Adb8%3A%3A1')).toEqual({ ok: true, ip: '2001:db8::1', family: 6 });
    expect(readIpParam(' 10.0.0.1 ')).toMatchObject({ ok: true, ip: '10.0.0.1' });
  });

  it('names what is wrong with anything else', () => {
    const error = (raw: string) => {
      const r = readIpParam(raw);
      return r.ok ? null : r.error;
    };
    expect(error('not-an-ip')).toBe(
      "'not-an-ip' is not an IP address: expected IPv4 (192.168.0.10) or IPv6 (2001:db8::10)",
    );
    expect(error('192.168.0.256')).toMatch(
      /not a valid IPv4 address: each of the four numbers must be 0–255/,
    );
    expect(error('192.168.000.1')).toMatch(/without leading zeros/);
    expect(error('10.0.0.0/24')).toMatch(/is a prefix \(CIDR\), not one address/);
    expect(error('fe80::1%eth0')).toMatch(/carries an IPv6 zone \(%eth0\)/);
    expect(error('')).toBe('expected an IP address, got nothing');
    expect(error('1'.repeat(100))).toBe('expected an IP address, got 100 characters');
    expect(error('%E0%A4%A')).toMatch(/is not an IP address/);
  });
});

describe('one address from the inventory', () => {
  const inv = build({
    pools: [
      pool('home', [{ start: '192.168.0.220', stop: '192.168.0.229' }]),
      pool('edge', [{ cidr: '10.0.0.0/29' }], { allowFirstLastIPs: 'No' }),
      pool('off', [{ cidr: '10.9.0.0/30' }], { disabled: true }),
    ],
    services: [
      holding('media', 'jellyfin', '192.168.0.226', {
        annotations: { 'lbipam.cilium.io/sharing-key': 'media' },
      }),
      holding('media', 'jellyfin-udp', '192.168.0.226', {
        annotations: { 'lbipam.cilium.io/sharing-key': 'media' },
        ports: [{ name: 'dlna', port: 1900, protocol: 'UDP' }],
      }),
      svc('media', 'plex', {
        request: '192.168.0.226',
        cond: ['already_allocated', "The IP '192.168.0.226' is already allocated to another service"],
      }),
    ],
  });

  it('a shared, contested address: its holders, who waits for it, its block and neighbours', () => {
    const f = factsOf(inv, '192.168.0.226');
    expect(f.holders.map((s) => s.key)).toEqual(['media/jellyfin', 'media/jellyfin-udp']);
    expect(f.waiting.map((s) => s.key)).toEqual(['media/plex']);
    expect(f.status).toBe('contested');
    expect(f.placements).toHaveLength(1);
    expect(f.placements[0]).toMatchObject({
      pool: 'home',
      blockIndex: 0,
      position: '7',
      reserved: false,
      previous: '192.168.0.225',
      next: '192.168.0.227',
    });
    expect(f.placements[0].block.size).toBe('10');
    // plex's pending alert names it: it shows on the address it asked for.
    expect(f.alerts.map((a) => a.id)).toContain('pending:media/plex');
    expect(f.nearest).toEqual([]);
  });

  it('free, reserved and unallocatable addresses read as in the table; edges have one neighbour', () => {
    expect(factsOf(inv, '192.168.0.229')).toMatchObject({ status: 'available', holders: [], waiting: [] });
    expect(factsOf(inv, '192.168.0.229').placements[0]).toMatchObject({
      next: null,
      previous: '192.168.0.228',
    });
    const reserved = factsOf(inv, '10.0.0.7');
    expect(reserved.status).toBe('reserved');
    expect(reserved.placements[0]).toMatchObject({ pool: 'edge', reserved: true, position: '8' });
    expect(factsOf(inv, '10.9.0.1')).toMatchObject({ status: 'unallocatable' });
    expect(factsOf(inv, '10.9.0.1').placements[0]).toMatchObject({ disabled: true, allocates: false });
  });

  it('outside every pool: no placement, the nearest pools of the same family, nearest first', () => {
    const f = factsOf(inv, '192.168.0.240');
    expect(f.placements).toEqual([]);
    expect(f.status).toBeNull();
    expect(f.nearest).toEqual([
      { pool: 'home', block: '192.168.0.220 – 192.168.0.229', side: 'below', distance: '11' },
      { pool: 'off', block: expect.any(String), side: 'below', distance: expect.any(String) },
      { pool: 'edge', block: expect.any(String), side: 'below', distance: expect.any(String) },
    ]);
    expect(factsOf(inv, '10.0.0.10').nearest[0]).toMatchObject({
      pool: 'edge',
      side: 'below',
      distance: '3',
    });
    expect(factsOf(inv, '10.8.255.255').nearest[0]).toMatchObject({
      pool: 'off',
      side: 'above',
      distance: '1',
    });
    expect(factsOf(inv, '2001:db8::1').nearest).toEqual([]);
  });

  it('an address held outside every pool is still allocated (an orphan)', () => {
    const orphan = build({
      pools: [pool('home', [{ start: '192.168.0.220', stop: '192.168.0.229' }])],
      services: [holding('old', 'legacy', '192.168.1.5')],
    });
    const f = factsOf(orphan, '192.168.1.5');
    expect(f.status).toBe('allocated');
    expect(f.holders.map((s) => s.key)).toEqual(['old/legacy']);
    expect(f.placements).toEqual([]);
  });

  it('alerts the server found among a large group’s members are kept too', () => {
    const ids = new Set(inv.alerts.map((a) => a.id));
    const f = factsOf(inv, '192.168.0.229', ids);
    expect(f.alerts.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(factsOf(inv, '192.168.0.229').alerts).toEqual([]);
  });

  it('the revision moves when its Services or its pool change, not for other pools', () => {
    const f = factsOf(inv, '192.168.0.229');
    const r = ipRevision(f, inv.pools);
    const otherPool = inv.pools.map((p) => (p.name === 'edge' ? { ...p, used: '5' } : p));
    expect(ipRevision(f, otherPool)).toBe(r);
    const ownPool = inv.pools.map((p) => (p.name === 'home' ? { ...p, used: '9' } : p));
    expect(ipRevision(f, ownPool)).not.toBe(r);
  });

  it('the revision moves with an Event of its Services, not with others', () => {
    const f = factsOf(inv, '192.168.0.226');
    const event = (name: string, count: number) => ({
      key: `e-${name}`,
      type: 'Normal',
      reason: 'Updated',
      message: '',
      object: { kind: 'Service', namespace: 'media', name },
      count,
      lastSeen: null,
    });
    const r = ipRevision(f, inv.pools, [event('other', 1)]);
    expect(ipRevision(f, inv.pools, [event('other', 2)])).toBe(r);
    expect(ipRevision(f, inv.pools, [event('other', 1), event('jellyfin', 1)])).not.toBe(r);
    expect(ipRevision(f, inv.pools, [event('plex', 1)])).not.toBe(r);
  });
});
