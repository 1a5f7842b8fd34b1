import { describe, expect, it } from 'vitest';
import { build, holding, lease, pool } from '../testing/fixtures';
import { diffIsEmpty, diffSnapshots } from './snapshot-diff';

const home = pool('home', [{ start: '10.0.0.1', stop: '10.0.0.8' }]);
const nodes = ['k8s-1', 'k8s-2'].map((name) => ({
  metadata: { name },
  status: { conditions: [{ type: 'Ready', status: 'True' as const }] },
}));

describe('diffSnapshots', () => {
  const before = build({
    pools: [home],
    nodes,
    services: [
      holding('media', 'jellyfin', '10.0.0.1'),
      holding('media', 'plex', '10.0.0.2'),
      holding('home', 'mqtt', '10.0.0.3'),
      holding('home', 'ha', '10.0.0.4'),
    ],
    leases: [lease('home', 'ha', 'k8s-1')],
  });
  const after = build({
    pools: [home],
    nodes,
    services: [
      holding('media', 'jellyfin', '10.0.0.1'),
      // plex gave .2 back; navidrome took it; mqtt got a second address; ha is announced elsewhere.
      holding('media', 'navidrome', '10.0.0.2', {
        annotations: { 'dashboard.lbipam.io/display-name': 'Navidrome' },
      }),
      holding('home', 'mqtt', '10.0.0.5'),
      holding('home', 'ha', '10.0.0.4'),
    ],
    leases: [lease('home', 'ha', 'k8s-2')],
  });
  const d = diffSnapshots(before, after);

  it('lists an address that changed hands as moved, with both holders', () => {
    expect(d.moved).toEqual([
      {
        ip: '10.0.0.2',
        pool: 'home',
        before: [{ ref: 'media/plex', service: 'plex' }],
        after: [{ ref: 'media/navidrome', service: 'Navidrome' }],
      },
    ]);
  });

  it('lists addresses handed out and given back', () => {
    expect(d.added).toEqual([
      { ip: '10.0.0.5', pool: 'home', before: [], after: [{ ref: 'home/mqtt', service: 'mqtt' }] },
    ]);
    expect(d.released).toEqual([
      { ip: '10.0.0.3', pool: 'home', before: [{ ref: 'home/mqtt', service: 'mqtt' }], after: [] },
    ]);
  });

  it('lists an address another node now announces', () => {
    expect(d.announcers).toEqual([
      {
        ip: '10.0.0.4',
        pool: 'home',
        holders: [{ ref: 'home/ha', service: 'ha' }],
        before: 'k8s-1',
        after: 'k8s-2',
      },
    ]);
  });

  it('finds nothing between a moment and itself', () => {
    expect(diffIsEmpty(diffSnapshots(before, before))).toBe(true);
    expect(diffIsEmpty(d)).toBe(false);
  });
});
