import { describe, expect, it } from 'vitest';
import { KubeApiError, toKubeApiError } from './errors';
import { backoffDelay, defaultTiming } from './backoff';

describe('typed API errors', () => {
  it('reads reason and message from a Kubernetes Status body', () => {
    const body = JSON.stringify({
      kind: 'Status',
      reason: 'Forbidden',
      message: 'leases is forbidden: User "x" cannot list',
    });
    const err = toKubeApiError({ code: 403, body, message: 'HTTP-Code: 403' });
    expect(err).toBeInstanceOf(KubeApiError);
    expect([err.statusCode, err.reason, err.message]).toEqual([
      403,
      'Forbidden',
      'leases is forbidden: User "x" cannot list',
    ]);
  });

  it('classifies watch errors, refused connections and aborts', () => {
    const watchErr = Object.assign(new Error('Not Found'), { statusCode: 404 });
    expect(toKubeApiError(watchErr)).toMatchObject({
      statusCode: 404,
      reason: 'NotFound',
      message: 'Not Found',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toKubeApiError(refused)).toMatchObject({
      statusCode: 0,
      reason: 'Unreachable',
      code: 'ECONNREFUSED',
    });
    expect(toKubeApiError(refused).isConnectionError).toBe(true);
    expect(toKubeApiError({ statusCode: 503, message: 'x' }).isConnectionError).toBe(false);
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(toKubeApiError(abort).isAbort).toBe(true);
    expect(toKubeApiError('weird')).toMatchObject({ statusCode: 0, reason: 'Unknown', message: 'weird' });
  });
});

describe('restart backoff', () => {
  it('doubles from 1 s, never exceeds 30 s, and jitters by at most 20%', () => {
    const mid = (attempt: number) => backoffDelay(attempt, defaultTiming, () => 0.5);
    expect([0, 1, 2, 3, 4, 5, 10].map(mid)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(0, defaultTiming, () => 0)).toBe(800);
    expect(backoffDelay(0, defaultTiming, () => 1)).toBe(1200);
    expect(backoffDelay(40, defaultTiming, () => 1)).toBe(30000);
  });

  it('retries a server that did not answer at least every 3 s, so its return is noticed within seconds', () => {
    const unreachable = { ...defaultTiming, backoffMaxMs: defaultTiming.unreachableMaxMs };
    expect([0, 1, 2, 10, 40].map((a) => backoffDelay(a, unreachable, () => 1))).toEqual([
      1200, 2400, 3000, 3000, 3000,
    ]);
  });
});
