// Pending Services are retried on every event; a retry remembers which ranges select the Service
// and must notice every change that alters that list (pools, blocks, selectors, labels).
import { describe, expect, it } from 'vitest';
import { cond, del, engine, ips, pool, svc, up } from './testdata/fixtures';

const team = (t: string) => ({ labels: { team: t } });
const sel = (t: string) => ({ selector: { matchLabels: { team: t } } });

describe('retries of pending Services', () => {
  it('take an address freed in the pool that selects them, in the order they were seen', () => {
    const e = engine();
    up(
      e,
      pool('p1', ['10.0.0.0/32'], sel('a')),
      svc('a1', team('a')),
      svc('a2', team('a')),
      svc('a3', team('a')),
    );
    expect(cond(e, 'a2')?.reason).toBe('out_of_ips');
    del(e, svc('a1', team('a')));
    expect(ips(e, 'a2')).toEqual(['10.0.0.0']);
    expect(cond(e, 'a3')?.reason).toBe('out_of_ips');
  });

  it('see a new pool, a changed block, and a selector changed without any block change', () => {
    const e = engine();
    up(e, pool('p1', ['10.0.0.0/32'], sel('a')), pool('p4', ['10.0.4.0/32'], sel('z')));
    up(e, svc('a1', team('a')), svc('a2', team('a')), svc('a3', team('a')), svc('a4', team('a')));
    expect(['a2', 'a3', 'a4'].map((n) => cond(e, n)?.reason)).toEqual([
      'out_of_ips',
      'out_of_ips',
      'out_of_ips',
    ]);
    up(e, pool('p2', ['10.0.1.0/32'], sel('a'))); // a new range
    expect(ips(e, 'a2')).toEqual(['10.0.1.0']);
    up(e, pool('p2', ['10.0.1.0/31'], sel('a'))); // a block replaced by a wider one
    expect(ips(e, 'a2')).toEqual(['10.0.1.0']); // re-imported into the new range
    expect(ips(e, 'a3')).toEqual(['10.0.1.1']);
    up(e, pool('p4', ['10.0.4.0/32'], { ...sel('a'), generation: 2 })); // only the selector changes
    expect(ips(e, 'a4')).toEqual(['10.0.4.0']);
  });

  it('see their own labels change', () => {
    const e = engine();
    up(e, pool('pa', ['10.0.0.0/32'], sel('a')), pool('pb', ['10.0.1.0/32'], sel('b')));
    up(e, svc('x', team('a')), svc('y', team('a')));
    expect(cond(e, 'y')?.reason).toBe('out_of_ips');
    up(e, svc('y', { ...team('b'), generation: 2 }));
    expect(ips(e, 'y')).toEqual(['10.0.1.0']);
  });

  it('of a what-if copy leave the original untouched', () => {
    const e = engine();
    up(e, pool('p1', ['10.0.0.0/32'], sel('a')), svc('a1', team('a')), svc('a2', team('a')));
    const outcome = e.whatIf([{ op: 'upsert', object: pool('p2', ['10.0.1.0/32'], sel('a')) }]);
    expect(outcome.services.find((s) => s.name === 'a2')?.after?.loadBalancer?.ingress).toEqual([
      { ip: '10.0.1.0' },
    ]);
    expect(cond(e, 'a2')?.reason).toBe('out_of_ips');
    up(e, pool('p3', ['10.0.2.0/32'], sel('a')));
    expect(ips(e, 'a2')).toEqual(['10.0.2.0']);
  });
});
