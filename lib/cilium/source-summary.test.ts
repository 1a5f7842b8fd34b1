import { describe, expect, it } from 'vitest';
import type { ClusterState, SourceError, SourceState, SourceStatus } from './cluster-state';
import { describeSourceError, summarizeSources } from './source-summary';

const server = 'https://127.0.0.1:6443';
const required = new Set(['pools', 'services', 'l2Policies', 'nodes']);
const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-01T10:00:05.000Z';

function src(
  source: keyof ClusterState,
  state: SourceState,
  extra: Partial<SourceStatus> = {},
): SourceStatus {
  return { source, state, required: required.has(source), since: T0, ...extra };
}

const refused = (path: string): SourceError => ({
  status: 0,
  reason: 'Unreachable',
  code: 'ECONNREFUSED',
  text: `ECONNREFUSED: request to ${server}${path} failed, reason: connect ECONNREFUSED 127.0.0.1:6443`,
});

const allLive = () =>
  (['pools', 'l2Policies', 'services', 'gateways', 'leases', 'nodes', 'events'] as const).map((k) =>
    src(k, 'live'),
  );

describe('summarizeSources', () => {
  it('is live, with nothing to say, when every source is live', () => {
    expect(summarizeSources(allLive(), server)).toEqual({ state: 'live', since: null, messages: [] });
  });

  it('names every source refused by the API server in one sentence, keeping the raw text for a tooltip', () => {
    const sources = allLive().map((s) =>
      ['services', 'pools', 'leases'].includes(s.source)
        ? {
            ...s,
            state: 'reconnecting' as const,
            since: s.source === 'pools' ? T0 : T1,
            error: refused(`/${s.source}`),
          }
        : s,
    );
    const summary = summarizeSources(sources, server);
    expect(summary.state).toBe('reconnecting');
    expect(summary.since).toBe(T0); // the earliest: when the cluster was first lost
    expect(summary.messages).toHaveLength(1);
    expect(summary.messages[0]).toMatchObject({
      severity: 'error',
      sources: ['pools', 'services', 'leases'],
      text: `pools, services, leases: cannot reach the API server at ${server} (connection refused)`,
    });
    expect(summary.messages[0].detail.split('\n')).toHaveLength(3);
    expect(summary.messages[0].detail).toContain('ECONNREFUSED');
    expect(summary.messages[0].text).not.toContain('ECONNREFUSED');
  });

  it('is stale once a required source has been down long, and says since when', () => {
    const sources = allLive().map((s) =>
      s.source === 'services'
        ? { ...s, state: 'stale' as const, error: refused('/services') }
        : s.source === 'pools'
          ? { ...s, state: 'reconnecting' as const, since: T1, error: refused('/pools') }
          : s,
    );
    expect(summarizeSources(sources, server)).toMatchObject({ state: 'stale', since: T0 });
  });

  it('is partial when optional sources cannot be read: one message per cause', () => {
    const sources = allLive().map((s) =>
      s.source === 'leases'
        ? { ...s, state: 'forbidden' as const, message: 'no permission to read leases' }
        : s.source === 'events'
          ? { ...s, state: 'forbidden' as const, message: 'no permission to read events' }
          : s.source === 'gateways'
            ? {
                ...s,
                state: 'missing' as const,
                message: 'Gateway API is not installed: gateway names are not shown',
              }
            : s,
    );
    const summary = summarizeSources(sources, server);
    expect(summary.state).toBe('partial');
    expect(summary.since).toBeNull();
    expect(summary.messages.map((m) => [m.severity, m.text])).toEqual([
      ['warning', 'no permission to read leases, events'],
      ['info', 'Gateway API is not installed: gateway names are not shown'],
    ]);
  });

  it('an optional source down alone makes the cluster partial, not reconnecting', () => {
    const sources = allLive().map((s) =>
      s.source === 'events'
        ? {
            ...s,
            state: 'reconnecting' as const,
            error: { status: 500, reason: 'InternalError', text: 'etcd timeout' },
          }
        : s,
    );
    const summary = summarizeSources(sources, server);
    expect(summary.state).toBe('partial');
    expect(summary.messages[0]).toMatchObject({
      severity: 'warning',
      text: `events: the API server at ${server} answered with an error (HTTP 500 InternalError)`,
      detail: 'etcd timeout',
    });
  });

  it('is starting until the required sources listed, whatever the optional ones do', () => {
    const sources = allLive().map((s) =>
      s.source === 'pools'
        ? { ...s, state: 'starting' as const }
        : s.source === 'events'
          ? { ...s, state: 'starting' as const }
          : s,
    );
    expect(summarizeSources(sources, server).state).toBe('starting');
    const optionalOnly = allLive().map((s) =>
      s.source === 'events' ? { ...s, state: 'starting' as const } : s,
    );
    expect(summarizeSources(optionalOnly, server).state).toBe('live');
  });

  it('a required source without permission is an error, listed first', () => {
    const sources = allLive().map((s) =>
      s.source === 'services' || s.source === 'leases'
        ? { ...s, state: 'forbidden' as const }
        : s.source === 'gateways'
          ? { ...s, state: 'missing' as const, message: 'Gateway API is not installed' }
          : s,
    );
    const summary = summarizeSources(sources, server);
    expect(summary.messages.map((m) => [m.severity, m.text])).toEqual([
      ['error', 'no permission to read services, leases'],
      ['info', 'Gateway API is not installed'],
    ]);
  });
});

describe('describeSourceError', () => {
  const e = (status: number, reason: string, text: string, code?: string): SourceError => ({
    status,
    reason,
    text,
    ...(code ? { code } : {}),
  });

  it('turns errno and TLS codes into words, from the code or from the raw text', () => {
    expect(describeSourceError(e(0, 'Unreachable', 'x', 'ECONNREFUSED'), server)).toBe(
      `cannot reach the API server at ${server} (connection refused)`,
    );
    expect(describeSourceError(e(0, 'Unknown', 'connect ETIMEDOUT 10.0.0.1:6443'), server)).toBe(
      `cannot reach the API server at ${server} (timed out)`,
    );
    expect(describeSourceError(e(0, 'Timeout', 'GET /api/v1/services timed out'), server)).toBe(
      `cannot reach the API server at ${server} (timed out)`,
    );
    expect(
      describeSourceError(
        e(0, 'Unreachable', 'getaddrinfo ENOTFOUND k8s.home', 'ENOTFOUND'),
        'https://k8s.home:6443',
      ),
    ).toBe(
      'cannot resolve k8s.home, the host of the API server at https://k8s.home:6443 (DNS lookup failed)',
    );
    expect(
      describeSourceError(e(0, 'Unreachable', 'certificate has expired', 'CERT_HAS_EXPIRED'), server),
    ).toBe(`cannot connect to the API server at ${server}: the API server's TLS certificate has expired`);
    expect(
      describeSourceError(e(0, 'Unreachable', 'self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'), server),
    ).toContain('self-signed and not trusted');
    expect(describeSourceError(e(0, 'Unreachable', 'read ECONNRESET', 'ECONNRESET'), server)).toBe(
      `cannot reach the API server at ${server} (the connection was reset)`,
    );
  });

  it('words HTTP answers by status', () => {
    expect(describeSourceError(e(401, 'Unauthorized', 'Unauthorized'), server)).toContain('401 Unauthorized');
    expect(describeSourceError(e(503, 'ServiceUnavailable', 'x'), server)).toBe(
      `the API server at ${server} answered with an error (HTTP 503 ServiceUnavailable)`,
    );
    expect(describeSourceError(e(429, 'TooManyRequests', 'x'), server)).toContain('throttling');
  });
});
