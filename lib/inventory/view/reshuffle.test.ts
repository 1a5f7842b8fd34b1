import { describe, expect, it } from 'vitest';
import { historyCsv } from '../export/history';
import { changeText } from './change-words';
import type { Change } from './history-wire';
import { reshuffleAlert } from './reshuffle';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const held = (...holders: string[]) => ({ pool: 'lan', holders, node: null });
const c = (over: Partial<Change>): Change => ({
  at: at(5),
  cluster: 'c',
  kind: 'address.moved',
  subject: '192.168.0.229',
  ip: '192.168.0.229',
  pool: 'lan',
  namespace: 'media',
  before: null,
  after: null,
  unwatched: false,
  ...over,
});
const move = (ip: string, from: string | null, to: string | null, minutesAgo = 5): Change =>
  c({
    ip,
    subject: ip,
    at: at(minutesAgo),
    kind: from && to ? 'address.moved' : from ? 'address.released' : 'address.allocated',
    before: from ? held(from) : null,
    after: to ? held(to) : null,
  });

describe('reshuffleAlert', () => {
  it('counts Services that lost an address without being deleted, and names the pool edit that coincided', () => {
    const alert = reshuffleAlert(
      [
        c({
          kind: 'pool.edited',
          subject: 'lan',
          ip: null,
          at: at(6),
          before: { blocks: ['a'], serviceSelector: 's', disabled: false },
          after: { blocks: ['b'], serviceSelector: 's', disabled: false },
        }),
        move('192.168.0.229', 'media/jellyfin', 'web/blog'),
        move('192.168.0.230', 'web/blog', null),
        move('192.168.0.231', null, 'media/jellyfin'),
        // Deleted: its release is not a reshuffle.
        move('192.168.0.232', 'tmp/gone', null),
        c({ kind: 'service.deleted', subject: 'tmp/gone', ip: null }),
        // Older than the hour.
        move('192.168.0.233', 'old/svc', 'other/svc', 90),
      ],
      NOW,
    );
    expect(alert?.title).toBe('2 Services changed address in the last hour');
    expect(alert?.services).toEqual([
      { key: 'media/jellyfin', lost: ['192.168.0.229'], gained: ['192.168.0.231'] },
      { key: 'web/blog', lost: ['192.168.0.230'], gained: ['192.168.0.229'] },
    ]);
    expect(alert?.cause).toBe('It coincided with the edit of pool lan at 2026-01-10 11:54:00 UTC.');
  });

  it('is null when addresses only came and went with their Services, or came back', () => {
    expect(
      reshuffleAlert(
        [move('10.0.0.1', null, 'a/new'), c({ kind: 'service.created', subject: 'a/new', ip: null })],
        NOW,
      ),
    ).toBeNull();
    expect(
      reshuffleAlert([move('10.0.0.1', 'a/x', null, 10), move('10.0.0.1', null, 'a/x', 8)], NOW),
    ).toBeNull();
  });

  it('counts a Service created within the hour that then lost its address', () => {
    const alert = reshuffleAlert(
      [
        c({ kind: 'service.created', subject: 'a/x', ip: null, at: at(20) }),
        move('10.0.0.1', null, 'a/x', 20),
        move('10.0.0.1', 'a/x', null, 2),
      ],
      NOW,
    );
    expect(alert?.services).toEqual([{ key: 'a/x', lost: ['10.0.0.1'], gained: [] }]);
  });

  it('names an operator restart when no pool edit was recorded', () => {
    expect(reshuffleAlert([move('10.0.0.1', 'a/x', 'a/y')], NOW)?.cause).toMatch(/operator restart .*#40358/);
    const upgrade = c({
      kind: 'cilium.version',
      subject: 'kube-system/cilium-operator',
      ip: null,
      before: '1.17.4',
      after: '1.18.0',
    });
    expect(reshuffleAlert([upgrade, move('10.0.0.1', 'a/x', 'a/y')], NOW)?.cause).toMatch(
      /Cilium upgrade 1.17.4 → 1.18.0/,
    );
  });
});

describe('changes in words and as CSV', () => {
  it('says who held an address and who holds it now', () => {
    expect(changeText(move('192.168.0.229', 'media/jellyfin', 'web/blog'))).toBe(
      '192.168.0.229 moved from media/jellyfin to web/blog',
    );
    expect(changeText(move('192.168.0.229', 'media/jellyfin', null))).toBe(
      '192.168.0.229 released by media/jellyfin',
    );
    expect(
      changeText(
        c({
          kind: 'announcement.moved',
          before: { ...held('a/b'), node: 'n1' },
          after: { ...held('a/b'), node: 'n2' },
        }),
      ),
    ).toBe('192.168.0.229 announcement moved from n1 to n2');
  });

  it('writes one RFC 4180 row per change, with the summary and raw JSON quoted', () => {
    const csv = historyCsv([move('192.168.0.229', 'media/jellyfin', 'web/blog')]);
    const [head, row] = csv.split('\r\n');
    expect(head).toBe('at,cluster,kind,subject,ip,pool,namespace,summary,before,after,unwatched');
    expect(row).toContain(
      'address.moved,192.168.0.229,192.168.0.229,lan,media,192.168.0.229 moved from media/jellyfin to web/blog,',
    );
    expect(row).toContain('"{""pool"":""lan"",""holders"":[""media/jellyfin""],""node"":null}"');
  });
});
