import { describe, expect, it } from 'vitest';
import type { ClusterState, SourceStatus } from '../cilium/cluster-state';
import type { ConnectionState } from './connection';
import { describeHeader } from './header-state';

const t0 = new Date(2026, 0, 5, 12, 3, 4).getTime();
const cluster = { server: 'https://127.0.0.1:6443' };
const liveStream: ConnectionState = { status: 'live', lostAt: null, lastEventAt: t0 };
const keys: (keyof ClusterState)[] = [
  'pools',
  'l2Policies',
  'services',
  'gateways',
  'leases',
  'nodes',
  'events',
];
const optional = new Set(['gateways', 'leases', 'events']);
const sources = (patch: Partial<Record<keyof ClusterState, Partial<SourceStatus>>> = {}): SourceStatus[] =>
  keys.map((source) => ({
    source,
    state: 'live',
    required: !optional.has(source),
    since: new Date(t0 - 60_000).toISOString(),
    ...patch[source],
  }));
const refused = {
  state: 'reconnecting' as const,
  since: new Date(t0).toISOString(),
  error: {
    status: 0,
    reason: 'Unreachable',
    code: 'ECONNREFUSED',
    text: 'connect ECONNREFUSED 127.0.0.1:6443',
  },
};

describe('the header indicator', () => {
  it('is green and live only when the stream and every source are live', () => {
    expect(describeHeader(liveStream, cluster, sources(), t0)).toMatchObject({
      state: 'live',
      tone: 'green',
      label: 'live',
    });
  });

  it('says "reconnecting to the cluster since" when the dashboard lost its API server, over a live stream', () => {
    const all = Object.fromEntries(keys.map((k) => [k, refused]));
    const shown = describeHeader(liveStream, cluster, sources(all), t0 + 5_000);
    expect(shown).toMatchObject({
      state: 'reconnecting',
      tone: 'amber',
      label: 'reconnecting to the cluster since 12:03:04',
    });
    expect(shown.summary.messages).toHaveLength(1);
    expect(shown.detail).toContain(
      'every source: cannot reach the API server at https://127.0.0.1:6443 (connection refused)',
    );
  });

  it('is grey "stale since" once the sources are stale', () => {
    const stale = { ...refused, state: 'stale' as const };
    expect(
      describeHeader(liveStream, cluster, sources({ pools: stale, services: stale }), t0 + 60_000),
    ).toMatchObject({
      state: 'stale',
      tone: 'grey',
      label: 'stale since 12:03:04',
    });
  });

  it('is partial, not green, when an optional source cannot be read', () => {
    expect(
      describeHeader(
        liveStream,
        cluster,
        sources({ leases: { state: 'forbidden', message: 'no permission to read leases' } }),
        t0,
      ),
    ).toMatchObject({ state: 'partial', tone: 'amber', detail: 'no permission to read leases' });
  });

  it("puts the tab's own stream first: a lost stream is not live, whatever the sources said last", () => {
    const lost: ConnectionState = { status: 'reconnecting', lostAt: t0, lastEventAt: t0 - 1 };
    expect(describeHeader(lost, cluster, sources(), t0 + 1_000)).toMatchObject({
      state: 'reconnecting',
      tone: 'amber',
    });
    expect(describeHeader(lost, cluster, sources(), t0 + 20_000)).toMatchObject({
      state: 'stale',
      tone: 'grey',
      label: 'stale since 12:03:04',
    });
    expect(
      describeHeader({ status: 'connecting', lostAt: null, lastEventAt: null }, cluster, sources(), t0),
    ).toMatchObject({
      state: 'starting',
    });
  });
});
