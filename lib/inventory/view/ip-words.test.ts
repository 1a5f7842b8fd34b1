import { describe, expect, it } from 'vitest';
import { build, holding, pool, svc } from '../testing/fixtures';
import type { AddressOutlookWire, RangeOutlookWire } from './ip-detail-wire';
import { ipFacts } from './ip-facts';
import { ipHeadline, outlookLines } from './ip-words';

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
    }),
    svc('media', 'plex', { request: '192.168.0.226', cond: ['already_allocated', 'taken'] }),
    holding('old', 'legacy', '172.16.0.1'),
  ],
});
const headline = (ip: string) => ipHeadline(ipFacts(ip, ip.includes(':') ? 6 : 4, inv));

describe('the headline of an address', () => {
  it('names holders, the sharing key and who waits', () => {
    expect(headline('192.168.0.226')).toBe(
      'Held by media/jellyfin and media/jellyfin-udp (sharing key "media"); media/plex asked for it and waits.',
    );
    expect(headline('172.16.0.1')).toBe('Held by old/legacy, outside every pool.');
  });
  it('says which kind of free', () => {
    expect(headline('192.168.0.227')).toBe('Free in pool home.');
    expect(headline('10.0.0.0')).toMatch(/^Reserved: the first address of a block of pool edge/);
    expect(headline('10.0.0.7')).toMatch(/^Reserved: the last address/);
    expect(headline('10.9.0.2')).toBe('Free, but pool off is disabled: it hands out no new addresses.');
    expect(headline('8.8.8.8')).toBe('Not in any pool of this cluster.');
  });
});

describe('what Cilium would do with a free address', () => {
  const range = (over: Partial<RangeOutlookWire>): RangeOutlookWire => ({
    pool: 'home',
    range: '192.168.0.220 - 192.168.0.229',
    state: 'free',
    blocked: null,
    holders: [],
    next: '192.168.0.227',
    free: '3',
    triedBefore: [],
    ...over,
  });
  const outlook = (
    ranges: RangeOutlookWire[],
    over: Partial<AddressOutlookWire> = {},
  ): AddressOutlookWire => ({
    ip: '192.168.0.227',
    ranges,
    waiting: [],
    pendingSelected: [],
    morePending: 0,
    ifEnabled: [],
    ...over,
  });

  it('the next address of its pool, or which one comes first', () => {
    expect(outlookLines(outlook([range({})]))[0]).toEqual({
      pool: 'home',
      text: 'The next Service pool home selects gets this address (Cilium hands out the first address of the smallest free stretch).',
      hint: null,
    });
    const later = outlookLines(outlook([range({ next: '192.168.0.223' })]))[0];
    expect(later.text).toMatch(/^The next Service pool home selects gets 192\.168\.0\.223 first/);
    expect(later.hint).toBe(
      'A Service gets this very address by asking for it: annotation lbipam.cilium.io/ips: "192.168.0.227".',
    );
    expect(outlookLines(outlook([range({ triedBefore: ['a', 'b'] })]))[0].text).toMatch(
      /Cilium tries a and b first, so a Service those pools select too gets its address there\.$/,
    );
  });

  it('reserved, disabled (and who would get it) and conflicting pools; held ranges say nothing', () => {
    expect(outlookLines(outlook([range({ state: 'reserved' })]))[0].hint).toMatch(/allowFirstLastIPs: "Yes"/);
    const off = outlook([range({ pool: 'off', blocked: 'disabled', next: null })], {
      ifEnabled: [{ pool: 'off', holders: ['default/w1'] }],
    });
    expect(outlookLines(off)[0].text).toBe(
      'Pool off is disabled. Enabled again, Cilium would give this address to default/w1.',
    );
    const nobody = outlook([range({ pool: 'off', blocked: 'disabled', next: null })], {
      ifEnabled: [{ pool: 'off', holders: [] }],
    });
    expect(outlookLines(nobody)[0].text).toMatch(/no pending Service would take this address at once/);
    expect(outlookLines(outlook([range({ blocked: 'conflicting', next: null })]))[0].text).toMatch(
      /overlaps another pool/,
    );
    expect(outlookLines(outlook([range({ state: 'held', holders: ['x/y'] })]))).toEqual([]);
  });
});
