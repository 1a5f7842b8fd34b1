'use client';

import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useReducer } from 'react';
import type { InventoryMeta } from '../inventory/types';
import { queryKeys } from './query-keys';
import { initialConnection, reduceConnection, type ConnectionState } from './connection';
import { applyDeltaMessage, applyResetMessage, type StreamOutcome } from './stream-events';

// The tab's one EventSource (mounted once, in the providers). Deltas and resets go into the
// query cache; components only read the cache. EventSource retries by itself after a dropped
// connection; when it gives up (HTTP error, wrong content type) we reopen it with backoff.

const MAX_BACKOFF_MS = 30_000;

export function useInventoryStream(client: QueryClient, url = '/api/events'): ConnectionState {
  const [state, dispatch] = useReducer(reduceConnection, initialConnection);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let disposed = false;

    const report = (outcome: StreamOutcome) => {
      if (outcome.kind === 'refetch') console.info(`inventory stream: refetching (${outcome.reason})`);
      else if (outcome.refetched.length)
        console.info(`inventory stream: refetching ${outcome.refetched.join(', ')}`);
      dispatch({ type: 'event', at: Date.now() });
    };

    const open = () => {
      // Tell the server which version the cache holds (hydrated by the shell, or from an earlier
      // connection): it then sends only the deltas since.
      const held = client.getQueryData<InventoryMeta>(queryKeys.meta)?.version;
      const es = new EventSource(held === undefined ? url : `${url}?since=${held}`);
      source = es;
      es.onopen = () => {
        failures = 0;
        dispatch({ type: 'open', at: Date.now() });
      };
      es.addEventListener('hello', () => dispatch({ type: 'event', at: Date.now() }));
      es.addEventListener('reset', (e) =>
        report(applyResetMessage(client, (e as MessageEvent<string>).data)),
      );
      es.addEventListener('delta', (e) =>
        report(applyDeltaMessage(client, (e as MessageEvent<string>).data)),
      );
      es.onerror = () => {
        const closed = es.readyState === EventSource.CLOSED;
        dispatch({ type: 'error', at: Date.now(), closed });
        if (!closed || disposed) return;
        es.close();
        failures += 1;
        retry = setTimeout(open, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)));
      };
    };

    open();
    return () => {
      disposed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [client, url]);

  return state;
}
